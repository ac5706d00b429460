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

    private static final int C = 4;

    /**
     * Random observation-like input [batch, 4, T, k] in the reference layout: values N(0, 1) where
     * the mask (p = 1/4) is 1, the relative time index k = −w..w and k × value.
     */
    static double[] randomInput(int batch, int time, int k, long seed) {
        Random rng = new Random(seed);
        int plane = time * k;
        double[] x = new double[batch * C * plane];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < plane; j++) {
                boolean seen = rng.nextDouble() < 0.25;
                double v = seen ? rng.nextGaussian() : 0;
                double rel = j / k - time / 2;
                x[(C * b + CodaInputs.VALUES) * plane + j] = v;
                x[(C * b + CodaInputs.MASK) * plane + j] = seen ? 1 : 0;
                x[(C * b + CodaInputs.TIME) * plane + j] = rel;
                x[(C * b + CodaInputs.TIME_VALUES) * plane + j] = rel * v;
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
            net.initialize(m, DataType.FLOAT32, new Shape(1, C, 21, K));
            for (int w = 10; w <= 15; w++) {
                for (int batch : new int[] {1, 16}) {
                    NDArray x = m.create(randomInput(batch, 2 * w + 1, K, w)).toType(DataType.FLOAT32, false)
                            .reshape(batch, C, 2 * w + 1, K);
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
            net.initialize(m, DataType.FLOAT32, new Shape(batch, C, time, K));
            double[] x = randomInput(batch, time, K, 11);
            int shift = net.poolingFactor(); // 4 for three levels
            double[] y = forward(net, m.create(x, new Shape(batch, C, time, K)).toType(DataType.FLOAT32, false),
                    false).toType(DataType.FLOAT64, false).toDoubleArray();
            double[] yShifted = forward(net, m.create(roll(x, K, shift), new Shape(batch, C, time, K))
                    .toType(DataType.FLOAT32, false), false).toType(DataType.FLOAT64, false).toDoubleArray();
            assertArrayEquals(roll(y, K, shift), yShifted, 1e-5 * (1 + java.util.Arrays.stream(y).map(Math::abs).max()
                    .orElse(0)), "float32 rounding of outputs of size ~10");
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
        int time = 9;
        int k = 8;
        try (NDManager m = manager.newSubManager()) {
            CodaNet net = CodaNet.builder().optChannels(4, 6, 8).build();
            Shape shape = new Shape(batch, C, time, k);
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
            Shape shape = new Shape(batch, C, time, K);
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

    /**
     * The layers of the reference configuration (m-dml/coda, conf/assimilation_network/unet.yaml:
     * encoder levels [4, 32, 32], [32, 64, 64], [64, 128, 128]; decoder levels [128, 128, 64],
     * [128, 64, 32], [64, 32, 32] with ConvTranspose1d(c, c, 2) upsampling; output Conv1d(32, 1, 3)),
     * counted here from that list with BatchNorm after each block's first convolution. The
     * toolkit's upsampling (a kernel-1 convolution to 2c channels, interleaved) has c more biases
     * per upsampling than ConvTranspose1d(c, c, 2) and the same function class.
     */
    @Test
    void referenceConfigurationHasTheReferenceLayers() {
        long reference = 0;
        int[][] encoder = {{4, 32, 32}, {32, 64, 64}, {64, 128, 128}};
        int[][] decoder = {{128, 128, 64}, {128, 64, 32}, {64, 32, 32}};
        for (int[] l : encoder) {
            reference += (long) l[0] * l[1] * 9 + l[1] + 2L * l[1] + (long) l[1] * l[2] * 9 + l[2];
        }
        for (int[] l : decoder) {
            reference += (long) l[0] * l[1] * 3 + l[1] + 2L * l[1] + (long) l[1] * l[2] * 3 + l[2];
        }
        reference += 64 * 64 * 2 + 64 + 32 * 32 * 2 + 32; // ConvTranspose1d(64, 64, 2), (32, 32, 2)
        reference += 32 * 3 + 1; // output convolution
        assertEquals(412_641, reference, "the reference's trainable parameters (PyTorch reports 412,641)");
        try (NDManager m = manager.newSubManager()) {
            CodaNet net = CodaNet.builder().build();
            net.initialize(m, DataType.FLOAT32, new Shape(2, C, 51, K));
            long trainable = 0;
            for (Pair<String, Parameter> p : net.getParameters()) {
                Parameter.Type t = p.getValue().getType();
                if (t != Parameter.Type.RUNNING_MEAN && t != Parameter.Type.RUNNING_VAR) {
                    trainable += p.getValue().getArray().size();
                }
            }
            assertEquals(reference + 64 + 32, trainable, "toolkit = reference + one bias per upsampled channel");
            assertEquals(CodaNet.Pooling.TIME_AND_SPACE, net.pooling());
            assertEquals(CodaInputs.VALUES_MASK_TIME, net.inputs());
            assertTrue(net.oneDnnAligned());
            assertTrue(!CodaNet.builder().optChannels(8, 16, 32).build().oneDnnAligned());
        }
    }

    /**
     * The gradients of an aligned network (16/32/64) inside {@link
     * org.climagrad.core.KernelCheck#alignedScope} (oneDNN back on where the check allows it) equal
     * those computed with the process-wide setting: a wrong kernel would show here.
     */
    @Test
    void alignedScopeGivesTheSameGradients() {
        int batch = 4;
        int time = 21;
        try (NDManager m = manager.newSubManager()) {
            CodaNet net = CodaNet.builder().optChannels(16, 32, 64).build();
            Shape shape = new Shape(batch, C, time, K);
            net.initialize(m, DataType.FLOAT32, shape);
            double[] x = randomInput(batch, time, K, 21);
            double[][] plain = gradients(net, m, x, shape, false);
            double[][] scoped = gradients(net, m, x, shape, true);
            for (int i = 0; i < plain.length; i++) {
                double err = 0;
                double scale = 0;
                for (int j = 0; j < plain[i].length; j++) {
                    assertTrue(Double.isFinite(scoped[i][j]), "gradient " + i + " finite");
                    err = Math.max(err, Math.abs(plain[i][j] - scoped[i][j]));
                    scale = Math.max(scale, Math.abs(plain[i][j]));
                }
                // relative 1e-4, with an absolute floor for the biases before a BatchNorm (exactly 0 but for rounding)
                assertTrue(err <= 1e-4 * scale + 1e-3, "gradient array " + i + ": max difference " + err + " of " + scale);
            }
        }
    }

    /** d(Σ output²)/d(input) and d/d(every parameter), flattened, in or out of the aligned scope. */
    private static double[][] gradients(CodaNet net, NDManager parent, double[] x, Shape shape, boolean scoped) {
        try (NDManager m = parent.newSubManager();
                org.climagrad.core.KernelCheck.Scope s = org.climagrad.core.KernelCheck.alignedScope(scoped)) {
            for (Pair<String, Parameter> p : net.getParameters()) { // parameter gradients accumulate
                NDArray a = p.getValue().getArray();
                if (a.hasGradient()) {
                    a.getGradient().subi(a.getGradient());
                }
            }
            NDArray xa = m.create(x, shape).toType(DataType.FLOAT32, false);
            xa.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(forward(net, xa, true).square().sum());
            }
            java.util.List<double[]> out = new java.util.ArrayList<>();
            out.add(xa.getGradient().toType(DataType.FLOAT64, false).toDoubleArray());
            for (Pair<String, Parameter> p : net.getParameters()) {
                NDArray a = p.getValue().getArray();
                if (a.hasGradient()) {
                    out.add(a.getGradient().toType(DataType.FLOAT64, false).toDoubleArray());
                }
            }
            return out.toArray(new double[0][]);
        }
    }

    @Test
    void badKNamesTheRequiredMultiple() {
        try (NDManager m = manager.newSubManager()) {
            CodaNet net = CodaNet.builder().build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> net.initialize(m, DataType.FLOAT32, new Shape(1, C, 21, 42)));
            assertTrue(e.getMessage().startsWith("K = 42: must be a positive multiple of 2^(levels-1) = 4"),
                    e.getMessage());
            net.initialize(m, DataType.FLOAT32, new Shape(1, C, 21, K));
            NDArray bad = m.zeros(new Shape(1, C, 21, 38));
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
