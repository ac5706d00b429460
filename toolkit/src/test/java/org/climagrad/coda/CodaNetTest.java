package org.climagrad.coda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CodaNetTest {
    private static final int K = 40;
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(7);
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** Random observation-like input [batch, 2, T, k]: values N(0, 1) where the mask (p = 1/4) is 1. */
    static double[] randomInput(int batch, int time, int k, long seed) {
        Random rng = new Random(seed);
        int plane = time * k;
        double[] x = new double[batch * 2 * plane];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < plane; j++) {
                boolean seen = rng.nextDouble() < 0.25;
                x[(2 * b + CodaNet.VALUES) * plane + j] = seen ? rng.nextGaussian() : 0;
                x[(2 * b + CodaNet.MASK) * plane + j] = seen ? 1 : 0;
            }
        }
        return x;
    }

    /** Rolls the last axis of a flat row-major array by {@code shift}: out[..., i] = x[..., i − shift]. */
    static double[] roll(double[] x, int k, int shift) {
        double[] y = new double[x.length];
        for (int r = 0; r < x.length / k; r++) {
            for (int i = 0; i < k; i++) {
                y[r * k + Math.floorMod(i + shift, k)] = x[r * k + i];
            }
        }
        return y;
    }

    private static NDArray forward(CodaNet net, NDArray x, boolean training) {
        return net.forward(new ParameterStore(x.getManager(), false), new NDList(x), training).singletonOrThrow();
    }

    @Test
    void outputIsBatchByKForEveryWindowHalfWidth() {
        try (NDManager m = manager.newSubManager()) {
            CodaNet net = CodaNet.builder().build();
            net.initialize(m, DataType.FLOAT32, new Shape(1, 2, 21, K));
            for (int w = 10; w <= 15; w++) {
                for (int batch : new int[] {1, 16}) {
                    NDArray x = m.create(randomInput(batch, 2 * w + 1, K, w)).toType(DataType.FLOAT32, false)
                            .reshape(batch, 2, 2 * w + 1, K);
                    NDArray y = forward(net, x, false);
                    assertEquals(new Shape(batch, K), y.getShape(), "w = " + w + ", batch = " + batch);
                    assertEquals(new Shape(batch, K), net.getOutputShapes(new Shape[] {x.getShape()})[0]);
                }
            }
        }
    }

    @Test
    void rollingTheInputInSpaceRollsTheOutput() {
        try (NDManager m = manager.newSubManager()) {
            CodaNet net = CodaNet.builder().build();
            int batch = 3;
            int time = 21;
            net.initialize(m, DataType.FLOAT32, new Shape(batch, 2, time, K));
            double[] x = randomInput(batch, time, K, 11);
            int shift = net.poolingFactor(); // 4 for three levels
            double[] y = forward(net, m.create(x, new Shape(batch, 2, time, K)).toType(DataType.FLOAT32, false),
                    false).toType(DataType.FLOAT64, false).toDoubleArray();
            double[] yShifted = forward(net, m.create(roll(x, K, shift), new Shape(batch, 2, time, K))
                    .toType(DataType.FLOAT32, false), false).toType(DataType.FLOAT64, false).toDoubleArray();
            assertArrayEquals(roll(y, K, shift), yShifted, 1e-5);
            double moved = 0;
            for (int i = 0; i < y.length; i++) {
                moved = Math.max(moved, Math.abs(y[i] - yShifted[i]));
            }
            assertTrue(moved > 1e-3, "the rolled input must change the output (max change " + moved + ")");
        }
    }

    @Test
    void gradientsMatchCentralDifferencesInFloat64AfterForcedGc() {
        int batch = 2;
        int time = 5;
        int k = 8;
        try (NDManager m = manager.newSubManager()) {
            CodaNet net = CodaNet.builder().optChannels(4, 6, 8).build();
            Shape shape = new Shape(batch, 2, time, k);
            net.initialize(m, DataType.FLOAT64, shape);
            Parameter weight = net.getParameters().stream().filter(q -> q.getKey().endsWith("enc0_conv0_weight"))
                    .map(Pair::getValue).findFirst().orElseThrow(() -> new AssertionError("no enc0_conv0 weight in "
                            + net.getParameters().keys()));
            NDArray w = weight.getArray();
            double[] w0 = w.toDoubleArray();
            double[] x = randomInput(batch, time, k, 5);

            NDArray xa = m.create(x, shape);
            xa.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = forward(net, xa, true).sum();
                System.gc();
                org.climagrad.dynamics.GradientCheck.forceGc();
                gc.backward(loss);
            }
            double[] gx = xa.getGradient().toDoubleArray();
            double[] gw = w.getGradient().toDoubleArray();

            double h = 1e-6;
            for (int i = 0; i < x.length; i += 7) {
                double fd = (loss(net, m, perturb(x, i, h), shape) - loss(net, m, perturb(x, i, -h), shape)) / (2 * h);
                assertEquals(fd, gx[i], 1e-5 * Math.max(1, Math.abs(fd)), "d sum / d x[" + i + "]");
            }
            for (int i = 0; i < w0.length; i += 5) {
                w.set(perturb(w0, i, h));
                double plus = loss(net, m, x, shape);
                w.set(perturb(w0, i, -h));
                double minus = loss(net, m, x, shape);
                w.set(w0);
                double fd = (plus - minus) / (2 * h);
                assertEquals(fd, gw[i], 1e-5 * Math.max(1, Math.abs(fd)), "d sum / d enc0_conv0_weight[" + i + "]");
            }
        }
    }

    private static double loss(CodaNet net, NDManager parent, double[] x, Shape shape) {
        try (NDManager m = parent.newSubManager()) {
            return forward(net, m.create(x, shape), true).sum().getDouble();
        }
    }

    private static double[] perturb(double[] v, int i, double h) {
        double[] p = v.clone();
        p[i] += h;
        return p;
    }


    @Test
    void adamStepsReduceTheMseOnRandomData() {
        int batch = 16;
        int time = 21;
        try (NDManager m = manager.newSubManager()) {
            CodaNet net = CodaNet.builder().build();
            Shape shape = new Shape(batch, 2, time, K);
            net.initialize(m, DataType.FLOAT32, shape);
            NDArray x = m.create(randomInput(batch, time, K, 3), shape).toType(DataType.FLOAT32, false);
            Random rng = new Random(4);
            double[] target = new double[batch * K];
            for (int i = 0; i < target.length; i++) {
                target[i] = rng.nextGaussian();
            }
            NDArray y = m.create(target, new Shape(batch, K)).toType(DataType.FLOAT32, false);
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
            ParameterStore ps = new ParameterStore(m, false);
            double first = Double.NaN;
            double last = Double.NaN;
            for (int step = 0; step < 15; step++) {
                try (NDManager s = m.newSubManager()) {
                    NDArray loss;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray pred = net.forward(ps, new NDList(x), true).singletonOrThrow();
                        loss = pred.sub(y).square().mean();
                        gc.backward(loss);
                    }
                    last = loss.getFloat();
                    first = step == 0 ? last : first;
                    for (Pair<String, Parameter> p : net.getParameters()) {
                        NDArray a = p.getValue().getArray();
                        if (a.hasGradient()) {
                            NDArray g = a.getGradient();
                            adam.update(p.getValue().getId(), a, g);
                            g.subi(g);
                        }
                    }
                    loss.close();
                }
            }
            assertTrue(Double.isFinite(last) && last < 0.5 * first, "MSE " + first + " -> " + last);
        }
    }

    @Test
    void badKNamesTheRequiredMultiple() {
        try (NDManager m = manager.newSubManager()) {
            CodaNet net = CodaNet.builder().build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> net.initialize(m, DataType.FLOAT32, new Shape(1, 2, 21, 42)));
            assertTrue(e.getMessage().startsWith("K = 42: must be a positive multiple of 2^(levels-1) = 4"),
                    e.getMessage());
            net.initialize(m, DataType.FLOAT32, new Shape(1, 2, 21, K));
            NDArray bad = m.zeros(new Shape(1, 2, 21, 38));
            e = assertThrows(IllegalArgumentException.class, () -> forward(net, bad, false));
            assertTrue(e.getMessage().startsWith("K = 38:"), e.getMessage());
            NDArray oneChannel = m.zeros(new Shape(1, 1, 21, K));
            e = assertThrows(IllegalArgumentException.class, () -> forward(net, oneChannel, false));
            assertTrue(e.getMessage().contains("channels"), e.getMessage());
        }
    }

    @Test
    void builderNamesBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodaNet.builder().optKernelSize(4).build());
        assertEquals("kernelSize = 4: must be odd and >= 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CodaNet.builder().optChannels(32, 0).build());
        assertEquals("channels[1] = 0: must be >= 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CodaNet.builder().optChannels().build());
        assertTrue(e.getMessage().startsWith("levels (number of channels) = 0"), e.getMessage());
    }
}
