package org.climagrad.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.climagrad.basics.InputEncoding;
import org.climagrad.basics.MultistageNetwork;
import org.climagrad.basics.SpectralBias;
import org.climagrad.basics.Spectrum;
import org.climagrad.basics.Training;
import org.climagrad.core.Profile;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Figures of Lai (2024), part 2: spectral bias, its fixes (Fourier features, a scaled sine first
 * layer) and multistage neural networks (Wang &amp; Lai 2024). Sizes follow a {@link Profile}.
 */
public final class Lai2024Spectral {
    private Lai2024Spectral() {}

    /**
     * The settings of the lecture's figures for a profile.
     *
     * @param spectral the spectral-bias runs ({@link #spectralSettings})
     * @param multistage the 1-D multistage network, 3 stages ({@link #multistageSettings})
     * @param field the 2-D multistage network, 3 stages ({@link #fieldSettings})
     */
    public record Settings(SpectralBias.Settings spectral, MultistageNetwork.Settings multistage,
            MultistageNetwork.Settings field) {
        /** The profile's settings; the multistage networks have 3 stages. */
        public static Settings of(Profile profile) {
            return new Settings(spectralSettings(profile), multistageSettings(profile, 3), fieldSettings(profile, 3));
        }
    }

    /** The settings of the current profile: {@code Settings.of(Profile.current())}. */
    public static Settings settings() {
        return Settings.of(Profile.current());
    }

    /** The spectral-bias target: sin(2πx) + sin(8πx) + sin(20πx) + sin(40πx) on 128 points. */
    public static final SpectralBias PROBLEM = new SpectralBias(new int[] {1, 4, 10, 20}, new double[] {1, 1, 1, 1}, 128);

    /** Network and training of the spectral-bias runs: 3 tanh layers of 64, Adam 2e-3 → 2e-4. */
    public static SpectralBias.Settings spectralSettings(Profile p) {
        return SpectralBias.Settings.builder().optEncoding(InputEncoding.PLAIN, 1).optFeatures(32).setWidth(64)
                .setDepth(3).setTraining(Training.builder().optAdamSteps(p.pick(2000, 10000)).optLearningRate(2e-3)
                        .optFinalLearningRate(2e-4).build())
                .optEvery(p.pick(100, 250)).optSeed(1).build();
    }

    /**
     * The frequency × iteration map of a plain tanh network: relative residual amplitude at each
     * target frequency per snapshot (long table), as a heat map and as curves.
     */
    public static Figure spectralBias(SpectralBias.Settings s) {
        SpectralBias.Run r = PROBLEM.train(s);
        Table t = errorTable("Spectral bias: relative error per frequency", r);
        double[] it = new double[r.iterations().length];
        for (int k = 0; k < it.length; k++) {
            it[k] = r.iterations(k);
        }
        int[] nu = PROBLEM.frequencies();
        double[] freq = new double[nu.length];
        double[][] z = new double[it.length][nu.length];
        Map<String, double[]> lines = new LinkedHashMap<>();
        for (int i = 0; i < nu.length; i++) {
            freq[i] = nu[i];
            double[] e = new double[it.length];
            for (int k = 0; k < it.length; k++) {
                e[k] = Math.max(r.relativeError(k, i), 1e-6);
                z[k][i] = r.relativeError(k, i);
            }
            lines.put("ν = " + nu[i], e);
        }
        XYChart c = Charts.lines("Relative error at each frequency", "Adam step", "|residual(ν)| / (A/2)", it, lines);
        c.getStyler().setYAxisLogarithmic(true);
        int stride = Math.max(1, (it.length + 7) / 8);
        double[] itShown = new double[(it.length + stride - 1) / stride];
        double[][] zShown = new double[itShown.length][];
        for (int k = 0; k < itShown.length; k++) {
            itShown[k] = it[k * stride];
            zShown[k] = z[k * stride];
        }
        return new Figure("Spectral bias: low frequencies first (" + s.encoding() + ")", t,
                List.of(Charts.grid("Frequency × iteration", "Adam step", itShown, "frequency ν", freq, zShown), c), 2);
    }

    /**
     * The decay argument of Xu et al. (2019): the gradient of the loss reaches frequency ν through
     * the spectrum of the activation's derivative, here w·tanh'(w x) = w (1 − tanh²(w x)), whose
     * Fourier amplitude (2π²ν/w) / sinh(π²ν/w) falls off exponentially in ν: high frequencies get
     * exponentially weaker gradients. Sampled on 512 points of [−2, 2), so ν = k/4 cycles per unit.
     *
     * @param weights w values ≥ 3 (the function must vanish at ±2)
     */
    public static Figure activationSpectrum(double[] weights) {
        int n = 512;
        double span = 4;
        int kmax = 120;
        double[] nu = new double[kmax];
        for (int i = 0; i < kmax; i++) {
            nu[i] = (i + 1) / span;
        }
        Map<String, double[]> lines = new LinkedHashMap<>();
        Table t = Table.create("Spectrum of w tanh'(w x)");
        t.addColumns(DoubleColumn.create("frequency", nu));
        for (double w : weights) {
            org.climagrad.core.Check.inClosed("weights[i]", w, 3, 1e3);
            double[] v = new double[n];
            for (int j = 0; j < n; j++) {
                double th = Math.tanh(w * (-span / 2 + span * j / n));
                v[j] = w * (1 - th * th);
            }
            double[] a = Spectrum.amplitudes(v);
            double[] shown = new double[kmax];
            for (int i = 0; i < kmax; i++) {
                shown[i] = Math.max(a[i + 1], 1e-18);
            }
            lines.put("w = " + w, shown);
            t.addColumns(DoubleColumn.create("w = " + w, shown));
        }
        XYChart c = Charts.lines("Why low frequencies come first: |FT of tanh'| decays exponentially", "frequency ν",
                "amplitude", nu, lines);
        c.getStyler().setYAxisLogarithmic(true);
        return Figure.of(t.name(), t, c);
    }

    /**
     * The fixes and the effect of κ: one run per (encoding, κ) with the same network and steps; the
     * train and test (midpoint) RMS errors and the step at which each frequency's error fell below 0.1.
     *
     * @param encodings the encodings, paired with {@code kappas}
     */
    public static Figure encodings(SpectralBias.Settings s, InputEncoding[] encodings, double[] kappas) {
        if (encodings.length != kappas.length || encodings.length == 0) {
            throw new IllegalArgumentException("encodings, kappas: need equal non-zero lengths");
        }
        StringColumn name = StringColumn.create("encoding");
        DoubleColumn kappa = DoubleColumn.create("kappa");
        DoubleColumn train = DoubleColumn.create("train RMSE");
        DoubleColumn test = DoubleColumn.create("test RMSE");
        List<IntColumn> learned = new ArrayList<>();
        for (int nu : PROBLEM.frequencies()) {
            learned.add(IntColumn.create("nu=" + nu + " learned at"));
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < encodings.length; i++) {
            SpectralBias.Run r = PROBLEM.train(s.with(encodings[i], kappas[i]));
            name.append(encodings[i].name());
            kappa.append(kappas[i]);
            train.append(r.trainRmse());
            test.append(r.testRmse());
            for (int f = 0; f < learned.size(); f++) {
                learned.get(f).append(r.learnedAt(f, 0.1));
            }
            labels.add(encodings[i] == InputEncoding.PLAIN ? "plain" : encodings[i].name().toLowerCase().replace('_', ' ')
                    + " κ=" + kappas[i]);
        }
        Table t = Table.create("Fourier features and a sine first layer vs spectral bias", name, kappa, train, test);
        learned.forEach(t::addColumns);
        Map<String, double[]> bars = new LinkedHashMap<>();
        bars.put("log10 train RMSE", log10(train.asDoubleArray()));
        bars.put("log10 test RMSE (midpoints)", log10(test.asDoubleArray()));
        return Figure.of(t.name(), t, Charts.bars("Error after the same training", "log10 RMSE", labels, bars));
    }

    /**
     * 1-D multistage settings: 3 hidden layers of 20 per stage. Stage 0: Adam lr 1e-3 → 1e-4, then
     * L-BFGS. Stages n ≥ 1 (sine first layer): Adam lr 1e-2 → 1e-3, then twice as many L-BFGS
     * iterations; stage n samples the target 4<sup>n</sup> times more densely (201, 801, 3,201
     * points). Fast: Adam 5,000 and L-BFGS 5,000 / 10,000 per stage; paper: 10,000 and 10,000 /
     * 20,000. Each stage is a few seconds to half a minute on a CPU: the fast profile already has
     * the lecture's sizes.
     */
    public static MultistageNetwork.Settings multistageSettings(Profile p, int stages) {
        int adam = p.pick(5000, 10000);
        int lbfgs = p.pick(5000, 10000);
        return new MultistageNetwork.Settings(stages, 20, 3, Training.builder().optAdamSteps(adam).optLearningRate(1e-3)
                .optFinalLearningRate(1e-4).optLbfgsIterations(lbfgs).build(),
                Training.builder().optAdamSteps(adam).optLearningRate(1e-2).optFinalLearningRate(1e-3)
                        .optLbfgsIterations(2 * lbfgs).build(), 4, 1);
    }

    /**
     * 2-D multistage settings for {@link #multistage2d}: 3 hidden layers of 20 per stage, every stage
     * on the same periodic grid (the field is periodic, so the grid holds its modes exactly); Adam
     * 2,000 (paper 5,000), lr 1e-3 → 1e-4, then L-BFGS 1,000 (paper 5,000).
     */
    public static MultistageNetwork.Settings fieldSettings(Profile p, int stages) {
        return new MultistageNetwork.Settings(stages, 20, 3, Training.builder().optAdamSteps(p.pick(2000, 5000))
                .optLearningRate(1e-3).optFinalLearningRate(1e-4).optLbfgsIterations(p.pick(1000, 5000)).build(), 1, 1);
    }

    /** The 1-D multistage target of Wang &amp; Lai (2024): sin(2x + 1) + 0.2 e^{1.3x} on [−1, 1]. */
    public static double target1d(double x) {
        return Math.sin(2 * x + 1) + 0.2 * Math.exp(1.3 * x);
    }

    /** Training points of stage 0 in {@link #multistage1d}: 201 on [−1, 1]. */
    public static final MultistageNetwork.Grid LINE = MultistageNetwork.Grid.line(201, -1, 1);

    /**
     * Multistage training of {@link #target1d} (stage n on {@link #LINE} refined by refine<sup>n</sup>)
     * vs one network with the same total parameters and the same Adam and L-BFGS steps in total
     * (stage 0's learning rates), trained on the finest grid the stages used. The table holds, per
     * stage and for the single network, ε_n, f_n, the points, the RMS error on the training points
     * and the held-out RMS error at the midpoints of that finest grid, which no network saw.
     */
    public static Figure multistage1d(MultistageNetwork.Settings s) {
        MultistageNetwork ms = MultistageNetwork.fit(x -> target1d(x[0]), LINE, s);
        int k = ms.stages().size();
        MultistageNetwork.Grid finest = LINE.refined(s.refinement(k - 1));
        Training a = s.first();
        Training b = s.later();
        Training total = a.toBuilder().optAdamSteps(a.adamSteps() + (k - 1) * b.adamSteps())
                .optLbfgsIterations(a.lbfgsIterations() + (k - 1) * b.lbfgsIterations()).build();
        MultistageNetwork.Settings one = new MultistageNetwork.Settings(1,
                MultistageNetwork.widthFor(1, s.depth(), ms.size()), s.depth(), total, 1, s.seed());
        MultistageNetwork single = MultistageNetwork.fit(x -> target1d(x[0]), finest, one);
        Table table = stageTable("Multistage network (1-D) vs one network of the same size", ms, single);
        double[][] xm = finest.midpoints();
        double[] ym = new double[xm.length];
        for (int i = 0; i < xm.length; i++) {
            ym[i] = target1d(xm[i][0]);
        }
        DoubleColumn held = DoubleColumn.create(HELD_OUT);
        for (int st = 1; st <= k; st++) {
            held.append(rmsError(new MultistageNetwork(ms.stages().subList(0, st)).predict(xm), ym));
        }
        held.append(rmsError(single.predict(xm), ym));
        table.addColumns(held);
        return Figure.of(table.name(), table, stageChart(table));
    }

    /** Column of {@link #multistage1d}'s table: RMS error at the midpoints of the finest grid. */
    public static final String HELD_OUT = "held-out RMS error";

    /** The 2-D multiscale field: sin(2πx) sin(2πy) + 0.2 sin(8πx) cos(6πy) + 0.05 sin(20πx + 14πy) on [0, 1)². */
    public static final DoubleBinaryOperator FIELD = (x, y) -> Math.sin(2 * Math.PI * x) * Math.sin(2 * Math.PI * y)
            + 0.2 * Math.sin(8 * Math.PI * x) * Math.cos(6 * Math.PI * y) + 0.05 * Math.sin(20 * Math.PI * x + 14 * Math.PI * y);

    /**
     * Multistage training on {@link #FIELD} on an n × n grid: RMS error per stage, and the radial
     * energy spectra of the target, of the fit (sum of all stages) and of the error after each
     * stage.
     *
     * @param n grid points per axis ≥ 8
     */
    public static Field2d multistage2d(MultistageNetwork.Settings s, int n) {
        double[][] x = new double[n * n][2];
        double[] y = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i * n + j][0] = (double) j / n;
                x[i * n + j][1] = (double) i / n;
                y[i * n + j] = FIELD.applyAsDouble(x[i * n + j][0], x[i * n + j][1]);
            }
        }
        MultistageNetwork ms = MultistageNetwork.fit(x, y, MultistageNetwork.Grid.square(n, 1.0), s);
        Table table = stageTable("Multistage network (2-D multiscale field)", ms, null);
        Map<String, double[]> spectra = new LinkedHashMap<>();
        spectra.put("target", floor(Spectrum.radialEnergy(square(y, n))));
        double[] sum = new double[y.length];
        for (int st = 0; st < ms.stages().size(); st++) {
            MultistageNetwork.Stage stage = ms.stages().get(st);
            double[] u = new MultistageNetwork(List.of(stage)).predict(x);
            double[] err = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                sum[i] += u[i];
                err[i] = y[i] - sum[i];
            }
            spectra.put("error after stage " + st, floor(Spectrum.radialEnergy(square(err, n))));
        }
        spectra.put("fit (all stages)", floor(Spectrum.radialEnergy(square(sum, n))));
        double[] k = new double[n / 2 + 1];
        for (int i = 0; i < k.length; i++) {
            k[i] = i;
        }
        XYChart c = Charts.lines("Radial energy spectra", "wavenumber k", "energy", k, spectra);
        c.getStyler().setYAxisLogarithmic(true);
        Table spectrum = Table.create("Radial energy spectra of the target and of the error after each stage");
        spectrum.addColumns(DoubleColumn.create("k", k));
        spectra.forEach((name, e) -> spectrum.addColumns(DoubleColumn.create(name, e)));
        return new Field2d(Figure.of(table.name(), table, stageChart(table)), Figure.of(spectrum.name(), spectrum, c));
    }

    /**
     * The 2-D multistage result.
     *
     * @param stages RMS error per stage (table and chart)
     * @param spectra radial energy spectra of the target, of the error after each stage and of the fit
     */
    public record Field2d(Figure stages, Figure spectra) {}

    private static Table stageTable(String title, MultistageNetwork ms, MultistageNetwork single) {
        IntColumn stage = IntColumn.create("stage");
        StringColumn what = StringColumn.create("network");
        DoubleColumn scale = DoubleColumn.create("epsilon");
        DoubleColumn freq = DoubleColumn.create("dominant frequency");
        DoubleColumn params = DoubleColumn.create("parameters");
        IntColumn points = IntColumn.create("points");
        DoubleColumn rms = DoubleColumn.create("RMS error");
        int total = 0;
        for (int i = 0; i < ms.stages().size(); i++) {
            MultistageNetwork.Stage st = ms.stages().get(i);
            total += st.net().size();
            stage.append(i);
            what.append(i == 0 ? "stage 0 (tanh)" : String.format("stage %d (sin, κ = %.3g)", i, st.net().kappa()));
            scale.append(st.scale());
            freq.append(st.frequency());
            params.append(total);
            points.append(st.points());
            rms.append(st.rmsError());
        }
        if (single != null) {
            MultistageNetwork.Stage st = single.stages().get(0);
            stage.append(-1);
            what.append("one network, same parameters and steps");
            scale.append(st.scale());
            freq.append(0);
            params.append(st.net().size());
            points.append(st.points());
            rms.append(st.rmsError());
        }
        return Table.create(title, stage, what, scale, freq, params, points, rms);
    }

    private static double rmsError(double[] p, double[] y) {
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = p[i] - y[i];
        }
        return MultistageNetwork.rms(r);
    }

    /**
     * Errors are drawn on a log axis; an RMS error of exactly 0 (every training point reproduced
     * to the last bit, which three float64 stages can reach) is drawn at this value.
     */
    public static final double ZERO_DRAWN_AT = 1e-17;

    /**
     * RMS error per stage on the training points and, where the table has {@link #HELD_OUT}, between
     * them (log axis, 0 drawn at {@link #ZERO_DRAWN_AT}); the single network's errors as lines.
     */
    static XYChart stageChart(Table t) {
        XYChart c = Charts.lines("RMS error after each stage", "stage", "RMS error", new double[0], Map.of());
        boolean held = t.columnNames().contains(HELD_OUT);
        double last = 0;
        for (String col : held ? List.of("RMS error", HELD_OUT) : List.of("RMS error")) {
            String what = col.equals(HELD_OUT) ? "held out" : "training points";
            List<Double> s = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (int i = 0; i < t.rowCount(); i++) {
                if (t.intColumn("stage").get(i) >= 0) {
                    s.add((double) t.intColumn("stage").get(i));
                    e.add(Math.max(t.doubleColumn(col).get(i), ZERO_DRAWN_AT));
                }
            }
            last = s.get(s.size() - 1);
            c.addSeries("multistage, " + what, s, e);
            for (int i = 0; i < t.rowCount(); i++) {
                if (t.intColumn("stage").get(i) < 0) {
                    double v = Math.max(t.doubleColumn(col).get(i), ZERO_DRAWN_AT);
                    c.addSeries("one network (same size, same steps), " + what, List.of(0.0, last), List.of(v, v));
                }
            }
        }
        c.getStyler().setYAxisLogarithmic(true);
        return c;
    }

    private static Table errorTable(String title, SpectralBias.Run r) {
        IntColumn it = IntColumn.create("iteration");
        IntColumn nu = IntColumn.create("frequency");
        DoubleColumn e = DoubleColumn.create("relative error");
        for (int k = 0, n = r.iterations().length; k < n; k++) {
            for (int i = 0, ni = PROBLEM.frequencies().length; i < ni; i++) {
                it.append(r.iterations(k));
                nu.append(PROBLEM.frequencies(i));
                e.append(r.relativeError(k, i));
            }
        }
        return Table.create(title, it, nu, e);
    }

    private static double[][] square(double[] v, int n) {
        double[][] f = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(v, i * n, f[i], 0, n);
        }
        return f;
    }

    private static double[] floor(double[] v) {
        double[] f = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = Math.max(v[i], 1e-30);
        }
        return f;
    }

    private static double[] log10(double[] v) {
        double[] f = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = Math.log10(Math.max(v[i], 1e-18));
        }
        return f;
    }
}
