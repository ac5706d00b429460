package org.climagrad.coda;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.Random;

/**
 * Seeded weight initialisation with PyTorch's default rule for convolutions and linear layers
 * (the reference code's networks are initialised so): weights and biases uniform on
 * (−1/√fan_in, 1/√fan_in), with fan_in = input channels × kernel size (the bound of
 * {@code kaiming_uniform_(a = √5)}); BatchNorm scale 1 and shift 0; running statistics untouched.
 * Drawn from the caller's generator, so a seed reproduces the weights without setting the
 * engine's global random seed.
 */
final class Initialization {
    private Initialization() {}

    /** Overwrites the initialised parameters of {@code block} in place (before training starts). */
    static void pytorchDefault(Block block, Random rng) {
        long fanIn = 1;
        for (var pair : block.getParameters()) {
            Parameter p = pair.getValue();
            NDArray a = p.getArray();
            Shape s = a.getShape();
            switch (p.getType()) {
                case WEIGHT -> {
                    fanIn = s.size() / s.get(0);
                    a.set(uniform(rng, s.size(), 1 / Math.sqrt(fanIn)));
                }
                case BIAS -> a.set(uniform(rng, s.size(), 1 / Math.sqrt(fanIn)));
                case GAMMA -> a.set(constant(s.size(), 1f));
                case BETA -> a.set(constant(s.size(), 0f));
                default -> { } // running mean and variance keep their initial 0 and 1
            }
        }
    }

    private static float[] uniform(Random rng, long n, double bound) {
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
        return v;
    }

    private static float[] constant(long n, float c) {
        float[] v = new float[Math.toIntExact(n)];
        java.util.Arrays.fill(v, c);
        return v;
    }
}
