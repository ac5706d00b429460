package org.climagrad.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Locale;
import java.util.Random;
import org.climagrad.coda.CodaNet;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;

/**
 * Training-step cost of the CODA data-assimilation network {@link CodaNet} (Zinchenko &amp;
 * Greenberg 2024): ms per forward + backward pass (training mode, float32) of a batch of
 * observation windows {@code [batch, 4, 2w + 1, K]}, with an inference-mode forward pass measured
 * in the same process as the baseline, and the measured cost of one central finite difference
 * (perturb one weight by ±h, two inference passes, restore). Not a test: numbers depend on the
 * machine.
 */
public final class CodaNetThroughput {
    private CodaNetThroughput() {}

    /** One measurement; times in milliseconds per call. */
    public record Result(int batch, int nx, int halfWidth, double forwardMs, double stepMs, double differenceMs) {
        /** Forward + backward time relative to one inference forward pass. */
        public double ratio() {
            return stepMs / forwardMs;
        }
    }

    /**
     * Measures both paths with the default network (channels 32, 64, 128; kernel 3).
     *
     * @param batch batch size ≥ 1
     * @param nx state size K, a multiple of 4
     * @param halfWidth window half-width w ≥ 0
     * @param reps timed repetitions ≥ 1 (after reps / 4 + 2 warm-up calls)
     */
    public static Result measure(int batch, int nx, int halfWidth, int reps) {
        Check.atLeast("batch", batch, 1);
        Check.atLeast("halfWidth", halfWidth, 0);
        Check.atLeast("reps", reps, 1);
        Devices.engine().setRandomSeed(1);
        try (NDManager manager = NDManager.newBaseManager(Devices.preferred())) {
            CodaNet net = CodaNet.builder().build();
            Shape shape = new Shape(batch, net.inputs().channels(), 2L * halfWidth + 1, nx);
            net.initialize(manager, DataType.FLOAT32, shape);
            float[] x = new float[(int) shape.size()];
            Random rng = new Random(2);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            NDArray input = manager.create(x, shape);
            ParameterStore ps = new ParameterStore(manager, false);
            int warm = reps / 4 + 2;
            for (int i = 0; i < warm; i++) {
                forward(net, ps, input);
                step(net, ps, input);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                forward(net, ps, input);
            }
            double forwardMs = (System.nanoTime() - t0) / 1e6 / reps;
            t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                step(net, ps, input);
            }
            double stepMs = (System.nanoTime() - t0) / 1e6 / reps;
            // Central differences of the loss in the first `reps` entries of the first weight array.
            NDArray weight = net.getParameters().get(0).getValue().getArray();
            float[] w0 = weight.toFloatArray();
            int probes = Math.min(reps, w0.length);
            t0 = System.nanoTime();
            for (int j = 0; j < probes; j++) {
                difference(net, ps, input, weight, w0, j, 1e-2f);
            }
            double differenceMs = (System.nanoTime() - t0) / 1e6 / probes;
            return new Result(batch, nx, halfWidth, forwardMs, stepMs, differenceMs);
        }
    }

    private static void forward(CodaNet net, ParameterStore ps, NDArray input) {
        try (NDManager m = input.getManager().newSubManager()) {
            NDArray y = net.forward(ps, new NDList(input), false).singletonOrThrow();
            y.tempAttach(m);
            y.toFloatArray(); // wait for the result
        }
    }

    /** (L(w + h e_j) − L(w − h e_j)) / 2h with the same loss as {@link #step}; restores w. */
    private static double difference(CodaNet net, ParameterStore ps, NDArray input, NDArray weight, float[] w0,
            int j, float h) {
        float[] w = w0.clone();
        double[] loss = new double[2];
        for (int side = 0; side < 2; side++) {
            w[j] = w0[j] + (side == 0 ? h : -h);
            weight.set(java.nio.FloatBuffer.wrap(w));
            try (NDManager m = input.getManager().newSubManager()) {
                NDArray l = net.forward(ps, new NDList(input), false).singletonOrThrow().square().mean();
                l.tempAttach(m);
                loss[side] = l.getFloat();
            }
        }
        weight.set(java.nio.FloatBuffer.wrap(w0));
        return (loss[0] - loss[1]) / (2 * h);
    }

    private static void step(CodaNet net, ParameterStore ps, NDArray input) {
        try (NDManager m = input.getManager().newSubManager();
                org.climagrad.core.KernelCheck.Scope fast = org.climagrad.core.KernelCheck.alignedScope(
                        net.oneDnnAligned());
                GradientCollector gc = Devices.engine().newGradientCollector()) {
            NDArray loss = net.forward(ps, new NDList(input), true).singletonOrThrow().square().mean();
            loss.tempAttach(m);
            gc.backward(loss);
        }
    }

    /** Prints the measurement for batch 16, K = 40, w = 15. */
    public static void main(String[] args) {
        Result r = measure(16, 40, 15, 50);
        System.out.printf(Locale.ROOT, "CodaNet (channels 32, 64, 128), batch %d, K = %d, w = %d (T = %d), float32, "
                + "device %s, %d cores%n", r.batch(), r.nx(), r.halfWidth(), 2 * r.halfWidth() + 1,
                Devices.preferred(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  forward + backward (training): %.2f ms/step%n", r.stepMs());
        System.out.printf(Locale.ROOT, "  forward (inference)          : %.2f ms/call (baseline, same process)%n",
                r.forwardMs());
        System.out.printf(Locale.ROOT, "  one central difference (2 forwards + weight copies): %.2f ms%n",
                r.differenceMs());
        System.out.printf(Locale.ROOT, "  ratio step/forward: %.2f%n", r.ratio());
    }
}
