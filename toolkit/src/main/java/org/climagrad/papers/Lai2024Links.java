package org.climagrad.papers;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.climagrad.bench.CodaNetThroughput;
import org.climagrad.coda.CodaNet;
import org.climagrad.core.Check;
import org.climagrad.emulator.EmissionFeatures;
import org.climagrad.emulator.EmulatorSkill;
import org.climagrad.emulator.MlpEmulator;
import org.climagrad.emulator.RidgeEmulator;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.climagrad.scenario.Scenario;
import org.climagrad.scm.ScmParameters;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The closing part of the lecture "Neural networks basics" (Lai 2024): its ideas where the
 * toolkit's other capabilities use them, the emulator MLP of Womack et al. (2026) and the CODA
 * network of Zinchenko &amp; Greenberg (2024).
 */
public final class Lai2024Links {
    private Lai2024Links() {}

    /** Lecture topic → where the toolkit uses it → notebook. */
    public static Table map() {
        Table t = Table.create("Lecture topics in the toolkit", StringColumn.create("topic"),
                StringColumn.create("used in"), StringColumn.create("notebooks"));
        add(t, "universal approximation (one hidden layer)", "MlpEmulator: 16 tanh units, emissions features → warming",
                "09, 16, 21");
        add(t, "gradient descent, learning rate", "MlpEmulator (400 clipped SGD steps), ScenarioDesign (Nesterov)",
                "09, 17");
        add(t, "backpropagation", "autograd through the SCM, the emulator's training and CodaNet", "04-09, 13-15, 18");
        add(t, "finite differences vs backpropagation", "gradient checks in the tests; calibration without autodiff",
                "13, 14, 18, 21");
        add(t, "spectral bias", "Spectrum: FFT of any residual, e.g. per stage of MultistageNetwork",
                "19, 20");
        add(t, "Fourier features, multistage refinement", "basics.FourierFeatures, MultistageNetwork", "19, 20");
        return t;
    }

    private static void add(Table t, String topic, String where, String notebooks) {
        t.stringColumn(0).append(topic);
        t.stringColumn(1).append(where);
        t.stringColumn(2).append(notebooks);
    }

    /**
     * Universal approximation in the emulator of Womack et al. (2026): the paper's MLP (same
     * training: steps, learning rate, weight decay, clip) with a growing number of hidden tanh
     * units, trained on the six standard pathways; mean NRMSE on those pathways (training) and on
     * the held-out set of {@link Womack2026#heldOut}.
     *
     * @param hidden hidden-unit counts, each ≥ 1
     * @return columns hidden, parameters, training NRMSE, held-out NRMSE
     */
    public static Figure emulatorWidth(int[] hidden, Womack2026.Settings s) {
        Check.atLeast("hidden.length", hidden.length, 1);
        List<Scenario> six = Womack2026.standardSix(s);
        List<Scenario> held = Womack2026.heldOut(s);
        List<Scenario> all = new ArrayList<>(six);
        all.addAll(held);
        MlpEmulator e = s.emulator();
        Table t = Table.create("Emulator MLP: error vs hidden units", IntColumn.create("hidden"),
                IntColumn.create("parameters"), DoubleColumn.create("training NRMSE"),
                DoubleColumn.create("held-out NRMSE"));
        double[] h = new double[hidden.length];
        double[] train = new double[hidden.length];
        double[] test = new double[hidden.length];
        for (int i = 0; i < hidden.length; i++) {
            Check.atLeast("hidden[" + i + "]", hidden[i], 1);
            MlpEmulator mlp = e.toBuilder().optHidden(hidden[i]).build();
            Table skill = EmulatorSkill.evaluate(six, all, ScmParameters.ar6(), mlp, new RidgeEmulator(1e-4)).table();
            double[] nrmse = skill.doubleColumn("MLP NRMSE").asDoubleArray();
            h[i] = hidden[i];
            train[i] = mean(nrmse, 0, six.size());
            test[i] = mean(nrmse, six.size(), all.size());
            t.intColumn(0).append(hidden[i]);
            t.intColumn(1).append(hidden[i] * (EmissionFeatures.COUNT + 2) + 1);
            t.doubleColumn(2).append(train[i]);
            t.doubleColumn(3).append(test[i]);
        }
        Map<String, double[]> lines = new LinkedHashMap<>();
        lines.put("training (six pathways)", train);
        lines.put("held out", test);
        XYChart c = Charts.lines("Emulator MLP: NRMSE vs hidden units", "hidden units", "mean NRMSE", h, lines);
        c.getStyler().setXAxisLogarithmic(true);
        return Figure.of(t.name(), t, c);
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    /**
     * Backpropagation at scale: the CODA network (channels 32, 64, 128; batch 16, K = 40
     * grid points, window T = 31) timed for one forward pass and one forward + backward pass
     * (float32, {@link CodaNetThroughput}), and one central finite difference timed as it is
     * done (perturb one weight by ±h, two forward passes, restore) for {@code reps} weights; the
     * full finite-difference gradient is that time for each of the P parameters.
     *
     * @param reps timed repetitions, ≥ 1
     * @return one row: parameters, forward ms, forward + backward ms, their ratio, the measured
     *     time of one central difference, the finite-difference gradient in seconds and its ratio
     *     to backpropagation
     */
    public static Table backpropAtScale(int reps) {
        Check.atLeast("reps", reps, 1);
        long p = codaParameters(16, 40, 15);
        CodaNetThroughput.Result r = CodaNetThroughput.measure(16, 40, 15, reps);
        double fd = p * r.differenceMs(); // measured cost of one central difference, times P
        Table t = Table.create("One gradient of the CODA network: backpropagation vs finite differences",
                StringColumn.create("network"), LongColumn.create("parameters"), DoubleColumn.create("forward ms"),
                DoubleColumn.create("forward+backward ms"), DoubleColumn.create("backward/forward"),
                DoubleColumn.create("one central difference ms (measured)"),
                DoubleColumn.create("finite differences s (P differences)"), DoubleColumn.create("FD / backprop"));
        t.stringColumn(0).append("CodaNet (32, 64, 128)");
        t.longColumn(1).append(p);
        t.doubleColumn(2).append(r.forwardMs());
        t.doubleColumn(3).append(r.stepMs());
        t.doubleColumn(4).append(r.stepMs() / r.forwardMs());
        t.doubleColumn(5).append(r.differenceMs());
        t.doubleColumn(6).append(fd / 1e3);
        t.doubleColumn(7).append(fd / r.stepMs());
        return t;
    }

    /** Number of trainable values of the default {@link CodaNet} for inputs {@code [batch, 4, 2w+1, nx]}. */
    public static long codaParameters(int batch, int nx, int halfWidth) {
        try (NDManager m = NDManager.newBaseManager(org.climagrad.core.Devices.preferred())) {
            CodaNet net = CodaNet.builder().build();
            net.initialize(m, DataType.FLOAT32, new Shape(batch, net.inputs().channels(), 2L * halfWidth + 1, nx));
            long n = 0;
            for (Pair<String, Parameter> q : net.getParameters()) {
                if (q.getValue().requiresGradient()) {
                    n += q.getValue().getArray().getShape().size();
                }
            }
            return n;
        }
    }
}
