package org.climagrad.basics;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;
import org.climagrad.core.Check;
import org.climagrad.core.Tensors;

/**
 * A fully connected network R^D → R^K with {@code depth} hidden layers of {@code width} units:
 * the first hidden layer per {@link FirstLayer}, the others tanh, a linear output. Parameters
 * are one flat vector: per layer W [in, out] row-major, then b [out]. Immutable.
 *
 * @param inputs D ≥ 1
 * @param width units per hidden layer ≥ 1
 * @param depth hidden layers ≥ 1
 * @param outputs K ≥ 1
 * @param first the first layer's activation
 * @param kappa κ &gt; 0 of {@link FirstLayer#SINE} (ignored for TANH)
 */
public record Mlp(int inputs, int width, int depth, int outputs, FirstLayer first, double kappa) {
    /** Validates. */
    public Mlp {
        Check.atLeast("inputs", inputs, 1);
        Check.atLeast("width", width, 1);
        Check.atLeast("depth", depth, 1);
        Check.atLeast("outputs", outputs, 1);
        if (first == null) {
            throw new IllegalArgumentException("first: required (TANH or SINE)");
        }
        Check.positive("kappa", kappa);
    }

    /** A tanh network. */
    public static Mlp tanh(int inputs, int width, int depth, int outputs) {
        return new Mlp(inputs, width, depth, outputs, FirstLayer.TANH, 1);
    }

    /** A network whose first layer is sin(κ(Wx + b)). */
    public static Mlp sine(int inputs, int width, int depth, int outputs, double kappa) {
        return new Mlp(inputs, width, depth, outputs, FirstLayer.SINE, kappa);
    }

    private int in(int layer) {
        return layer == 0 ? inputs : width;
    }

    private int out(int layer) {
        return layer == depth ? outputs : width;
    }

    /** Number of parameters. */
    public int size() {
        int p = 0;
        for (int l = 0; l <= depth; l++) {
            p += in(l) * out(l) + out(l);
        }
        return p;
    }

    /**
     * Initial parameters: Xavier-normal weights N(0, 2/(in + out)) and zero biases, except a
     * {@link FirstLayer#SINE} first layer, whose weights and biases are N(0, 1).
     */
    public double[] initial(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[size()];
        int o = 0;
        for (int l = 0; l <= depth; l++) {
            boolean sine = l == 0 && first == FirstLayer.SINE;
            double sd = sine ? 1 : Math.sqrt(2.0 / (in(l) + out(l)));
            for (int i = 0; i < in(l) * out(l); i++) {
                p[o++] = sd * gaussian(rng);
            }
            for (int i = 0; i < out(l); i++) {
                p[o++] = sine ? gaussian(rng) : 0;
            }
        }
        return p;
    }

    /**
     * The network on a batch.
     *
     * @param theta parameters {@code [size()]}
     * @param x inputs {@code [N, D]}
     * @return outputs {@code [N, K]}
     */
    public NDArray forward(NDArray theta, NDArray x) {
        NDArray h = x;
        int o = 0;
        for (int l = 0; l <= depth; l++) {
            NDArray w = theta.get(o + ":" + (o + in(l) * out(l))).reshape(in(l), out(l));
            o += in(l) * out(l);
            NDArray b = theta.get(o + ":" + (o + out(l)));
            o += out(l);
            NDArray z = h.matMul(w).add(b);
            if (l == depth) {
                h = z;
            } else if (l == 0 && first == FirstLayer.SINE) {
                h = Tensors.mul(z, kappa).sin();
            } else {
                h = z.tanh();
            }
        }
        return h;
    }

    static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
