package org.climagrad.papers;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.climagrad.coda.CodaTrainer;
import org.climagrad.coda.EpochStats;
import org.climagrad.core.Check;
import org.climagrad.core.Profile;
import org.climagrad.da.DaResult;
import org.climagrad.da.EnkfUpdate;
import org.climagrad.da.Enks;
import org.climagrad.da.Localization;
import org.climagrad.da.OptimalInterpolation;
import org.climagrad.dynamics.Correction;
import org.climagrad.dynamics.Lorenz96;
import org.climagrad.dynamics.Lorenz96TwoLevel;
import org.climagrad.dynamics.Rollout;
import org.climagrad.obs.Climatology;
import org.climagrad.obs.ObservationModel;
import org.climagrad.obs.Observations;
import org.climagrad.obs.Twin;
import org.climagrad.obs.TwinExperiment;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Learning unresolved processes, Zinchenko &amp; Greenberg (2024) Sec. 4.4, Figs. 6-7. The truth is
 * the two-level Lorenz-96 model ({@link Lorenz96TwoLevel}, K = 36, J = 10, F = 10, h = 1, c = b =
 * 10, RK4 with dt = 0.005); only the 36 slow variables are observed, every 0.01 time units, σ = 1,
 * 75 % missing. The DA methods know only the truncated one-level model dx/dt = f(x) with F = 10
 * (dt = 0.01). CODA+correction adds a per-location network, dx_k/dt = f(x)_k + B_ψ(x_k) (1 → 32
 * → 32 → 1), trained jointly with the DA network; B_ψ should learn the missing coupling −hc·z̄_k.
 */
public final class Coda2024SubGrid {
    /** Slow variables K. */
    public static final int K = Lorenz96TwoLevel.DEFAULT_K;
    /** Forcing F of truth and truncated model. */
    public static final double F = 10;
    /** Time step of the two-level truth. */
    public static final double TRUTH_DT = 0.005;
    /** Time between observations = time step of the truncated model. */
    public static final double MODEL_DT = 0.01;
    /** Hidden units of each of B_ψ's two hidden layers. */
    public static final int HIDDEN = 32;

    private Coda2024SubGrid() {}

    /**
     * Settings of Figs. 6-7.
     *
     * @param times observation times of the twin
     * @param burnIn times left out of error statistics
     * @param window times shown in the Hovmöller panels
     * @param freeRuns initial conditions of the free-run comparison (Fig. 7)
     * @param freeRunSteps length of each free run in model steps of 0.01
     * @param coda network and training of both CODA variants
     * @param inflation EnKS multiplicative inflation per step (model error needs more than Fig. 3)
     * @param seed seed of truth, observations, climatology and training
     *
     * <p>Build with {@link #builder()} (or {@link #of(Profile)}); the canonical constructor
     * validates, but adjacent numbers are easy to swap.
     */
    public record Settings(int times, int burnIn, int window, int freeRuns, int freeRunSteps,
            Coda2024.CodaSettings coda, double inflation, long seed) {
        /** Validates. */
        public Settings {
            Check.atLeast("times", times, 2);
            Check.inRange("burnIn", burnIn, 0, times - 1);
            Check.inRange("window", window, 1, times);
            Check.atLeast("freeRuns", freeRuns, 1);
            Check.atLeast("freeRunSteps", freeRunSteps, 1);
            Check.inClosed("inflation", inflation, 1, 2);
        }

        /**
         * FAST: 2000 times, burn-in 200, 30 free runs of 5 time units, the fast network (5 epochs),
         * EnKS inflation 1.02; PAPER: 10 000 times, burn-in 1000, 200 free runs, the paper network.
         */
        public static Settings of(Profile profile) {
            Builder b = builder().setCoda(Coda2024.CodaSettings.of(profile));
            return profile == Profile.FAST ? b.setTimes(2000).optBurnIn(200).optFreeRuns(30).build()
                    : b.setTimes(10_000).optBurnIn(1000).optFreeRuns(200).build();
        }

        /**
         * A builder: {@code setTimes} and {@code setCoda} required; defaults burn-in 200, window
         * 500, 30 free runs of 500 steps, inflation 1.02, seed 66 (the FAST profile's values).
         */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder holding these settings, for variants. */
        public Builder toBuilder() {
            return new Builder().setTimes(times).optBurnIn(burnIn).optWindow(window).optFreeRuns(freeRuns)
                    .optFreeRunSteps(freeRunSteps).setCoda(coda).optInflation(inflation).optSeed(seed);
        }

        /** Builder of {@link Settings}; {@link #build()} validates and names the bad field. */
        public static final class Builder {
            private int times = -1;
            private int burnIn = 200;
            private int window = 500;
            private int freeRuns = 30;
            private int freeRunSteps = 500;
            private Coda2024.CodaSettings coda;
            private double inflation = 1.02;
            private long seed = 66;

            private Builder() {}

            /** Observation times of the twin, ≥ 2 (required). */
            public Builder setTimes(int times) {
                this.times = times;
                return this;
            }

            /** Network and training of both CODA variants (required). */
            public Builder setCoda(Coda2024.CodaSettings coda) {
                this.coda = coda;
                return this;
            }

            /** Times left out of error statistics, in [0, times − 1] (default 200). */
            public Builder optBurnIn(int burnIn) {
                this.burnIn = burnIn;
                return this;
            }

            /** Times shown in the Hovmöller panels, in [1, times] (default 500). */
            public Builder optWindow(int window) {
                this.window = window;
                return this;
            }

            /** Initial conditions of the free-run comparison (Fig. 7), ≥ 1 (default 30). */
            public Builder optFreeRuns(int freeRuns) {
                this.freeRuns = freeRuns;
                return this;
            }

            /** Length of each free run in model steps of 0.01, ≥ 1 (default 500). */
            public Builder optFreeRunSteps(int freeRunSteps) {
                this.freeRunSteps = freeRunSteps;
                return this;
            }

            /** EnKS multiplicative inflation per step, in [1, 2] (default 1.02). */
            public Builder optInflation(double inflation) {
                this.inflation = inflation;
                return this;
            }

            /** Seed of truth, observations, climatology and training (default 66). */
            public Builder optSeed(long seed) {
                this.seed = seed;
                return this;
            }

            /** Validates and builds. */
            public Settings build() {
                if (times < 0) {
                    throw new IllegalArgumentException("times: required (setTimes)");
                }
                if (coda == null) {
                    throw new IllegalArgumentException("coda: required (setCoda)");
                }
                return new Settings(times, burnIn, window, freeRuns, freeRunSteps, coda, inflation, seed);
            }
        }
    }

    /** The settings of the current profile. */
    public static Settings settings() {
        return Settings.of(Profile.current());
    }

    /**
     * Observations of the slow variables of a two-level truth.
     *
     * @param twin the slow truth {@code [T][K]} and its observations; its experiment is the
     *     truncated model (what a DA method may use), not the truth's
     * @param coupling the true sub-grid term −hc·z̄_k at each time {@code [T][K]}
     */
    public record SubGridTwin(Twin twin, double[][] coupling) {}

    /** The two-level truth model, dt = 0.005. */
    public static Rollout twoLevel() {
        return Rollout.builder().setDynamics(Lorenz96TwoLevel.standard()).setDt(TRUTH_DT).build();
    }

    /** The truncated one-level model, K = 36, dt = 0.01 (parameter F). */
    public static Rollout truncated() {
        return Rollout.builder().setDynamics(Lorenz96.builder().optSize(K).build()).setDt(MODEL_DT).build();
    }

    /** The truncated model plus a per-location correction block (float32 parameters). */
    public static Rollout corrected(Block correction, boolean training) {
        return Rollout.builder().setDynamics(Lorenz96.builder().optSize(K)
                .optCorrection(Correction.local(correction, training)).build()).setDt(MODEL_DT).build();
    }

    /**
     * A fresh B_ψ: 1 → 32 → 32 → 1 with tanh (ReLU units left the x &lt; 0 branch flat in our fast
     * runs: dead units where few samples lie).
     */
    public static Block correctionNetwork() {
        return new SequentialBlock().add(Linear.builder().setUnits(HIDDEN).build()).add(Activation::tanh)
                .add(Linear.builder().setUnits(HIDDEN).build()).add(Activation::tanh)
                .add(Linear.builder().setUnits(1).build());
    }

    /**
     * Runs the two-level truth and observes its slow variables.
     *
     * @param times observation times (every 0.01 time units)
     * @param seed seed of the initial state and the observations
     */
    public static SubGridTwin twin(int times, long seed) {
        Rollout truth = twoLevel();
        double[] theta = Lorenz96TwoLevel.standard().defaultParameters();
        Random rng = new Random(seed);
        double[][] x0 = truth.spinUp(theta, 4000, rng);
        int every = (int) Math.round(MODEL_DT / TRUTH_DT);
        double[][] full = truth.simulate(x0, theta, (times - 1) * every, every)[0];
        int j = Lorenz96TwoLevel.DEFAULT_J;
        double hc = theta[1] * theta[2];
        double[][] slow = new double[times][];
        double[][] coupling = new double[times][K];
        for (int t = 0; t < times; t++) {
            slow[t] = Arrays.copyOf(full[t], K);
            for (int k = 0; k < K; k++) {
                double mean = 0;
                for (int m = 0; m < j; m++) {
                    mean += full[t][K + k * j + m] / j;
                }
                coupling[t][k] = -hc * mean;
            }
        }
        Observations obs = ObservationModel.exactMissing(CodaBaselines.SIGMA, CodaBaselines.MISSING).observe(slow,
                rng.nextLong());
        TwinExperiment model = TwinExperiment.builder().setRollout(truncated()).optParameters(F)
                .setObservationModel(ObservationModel.exactMissing(CodaBaselines.SIGMA, CodaBaselines.MISSING))
                .setTimes(times).optSeed(seed).build();
        return new SubGridTwin(new Twin(model, slow, obs), coupling);
    }

    /**
     * The four analyses and the trained correction.
     *
     * @param results OI, EnKS, CODA (truncated), CODA+correction, scored against the slow truth
     * @param correction the trained B_ψ
     * @param truncatedFit CODA trained with the truncated model
     * @param correctedFit CODA trained jointly with B_ψ
     */
    public record Runs(Map<String, DaResult> results, Block correction, CodaTrainer.Fit truncatedFit,
            CodaTrainer.Fit correctedFit) {}

    /**
     * Runs OI and the EnKS with the truncated model (climatology of the slow truth from an
     * independent run), trains CODA with the truncated model, then (CODA Sec. 4.4, second phase)
     * continues from that network and trains it jointly with B_ψ.
     *
     * @param progress receives each epoch of both trainings, or null
     */
    public static Runs run(SubGridTwin data, Settings s, Consumer<EpochStats> progress) {
        Twin twin = data.twin();
        Map<String, DaResult> results = baselines(twin, s.inflation(), s.seed());
        CodaTrainer.Fit plain = Coda2024.trainer(s.coda(), truncated(), s.seed(), progress).setParameters(F).build()
                .fit(twin.observations());
        results.put("CODA", score("CODA (truncated model)", plain, twin));
        Block psi = correctionNetwork();
        CodaTrainer.Fit corrected = Coda2024.trainer(s.coda(), corrected(psi, true), s.seed(), progress)
                .setParameters(F).optCorrection(psi).optStartFrom(plain.model()).build().fit(twin.observations());
        results.put("CODA+correction", score("CODA + learned correction", corrected, twin));
        return new Runs(Collections.unmodifiableMap(results), psi, plain, corrected);
    }

    /**
     * OI and the EnKS with the truncated model on a two-level twin: the climatology of the slow
     * truth from an independent run (seed + 1, every 10th of 2,000 times), the EnKS (square root,
     * 20 members, Gaspari-Cohn localisation, lag 25) with the given inflation and seed + 2.
     *
     * @return "OI" and "EnKS" in that order (modifiable)
     */
    public static Map<String, DaResult> baselines(Twin twin, double inflation, long seed) {
        Check.inClosed("inflation", inflation, 1, 2);
        Climatology clim = Climatology.of(thin(twin(2000, seed + 1).twin().truth(), 10));
        Map<String, DaResult> results = new LinkedHashMap<>();
        results.put("OI", new OptimalInterpolation(clim).assimilate(twin));
        results.put("EnKS", Enks.builder().setUpdate(new EnkfUpdate.Sqrt()).setEnsembleSize(20)
                .optInflation(inflation).optLocalization(new Localization.GaspariCohn(CodaBaselines.HALF_WIDTH))
                .setClimatology(clim).optSeed(seed + 2).setLag(CodaBaselines.LAG).build().assimilate(twin));
        return results;
    }

    private static DaResult score(String name, CodaTrainer.Fit fit, Twin twin) {
        double[][] analysis = fit.model().analyseAll(twin.observations());
        double[] spread = new double[analysis.length];
        Arrays.fill(spread, Double.NaN);
        return DaResult.score(name, MODEL_DT, twin.truth(), analysis, spread, null, null);
    }

    private static double[][] thin(double[][] rows, int every) {
        double[][] out = new double[rows.length / every][];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[i * every];
        }
        return out;
    }

    /** Fig. 6: the four analyses with their errors over the first {@code window} times. */
    public static Figure figure6(SubGridTwin data, Runs runs, Settings s) {
        return Coda2024Figures.analyses(data.twin(), s.window(), runs.results());
    }

    /** B_ψ evaluated at each value of {@code x} (no gradient). */
    public static double[] evaluate(Block correction, double[] x) {
        float[] in = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = (float) x[i];
        }
        try (NDManager m = NDManager.newBaseManager(org.climagrad.core.Devices.preferred())) {
            float[] out = correction.forward(new ParameterStore(m, false),
                    new NDList(m.create(in, new Shape(x.length, 1))), false).singletonOrThrow().toFloatArray();
            double[] d = new double[out.length];
            for (int i = 0; i < out.length; i++) {
                d[i] = out[i];
            }
            return d;
        }
    }

    /**
     * Fig. 7a: the true coupling −hc·z̄_k against x_k (after the burn-in), its mean in bins of x,
     * and B_ψ(x) on the same bins; B_ψ also at the CODA+correction analysis values.
     *
     * @return data: one row per bin (x, mean true coupling, B_ψ(x), samples), chart: scatter and curves
     */
    public static Figure figure7a(SubGridTwin data, Runs runs, Settings s) {
        double[][] truth = data.twin().truth();
        double[][] coupling = data.coupling();
        double[][] analysis = runs.results().get("CODA+correction").analysisMean();
        int n = (truth.length - s.burnIn()) * K;
        double[] x = new double[n];
        double[] z = new double[n];
        double[] xa = new double[n];
        int i = 0;
        for (int t = s.burnIn(); t < truth.length; t++) {
            for (int k = 0; k < K; k++) {
                x[i] = truth[t][k];
                z[i] = coupling[t][k];
                xa[i++] = analysis[t][k];
            }
        }
        Table bins = correctionBins(runs.correction(), data, s.burnIn());
        double[] centres = bins.doubleColumn(0).asDoubleArray();
        double[] learned = bins.doubleColumn(3).asDoubleArray();
        XYChart c = Charts.lines("Sub-grid term: truth vs learned B_psi", "x_k", "dx_k/dt contribution",
                new double[0], Map.of());
        int stride = Math.max(1, n / 4000);
        double[] sx = new double[n / stride];
        double[] sz = new double[n / stride];
        double[] sa = new double[n / stride];
        for (int m = 0; m < sx.length; m++) {
            sx[m] = x[m * stride];
            sz[m] = z[m * stride];
            sa[m] = xa[m * stride];
        }
        c.addSeries("true -hc*mean(z) (samples)", sx, sz).setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter)
                .setMarker(SeriesMarkers.CIRCLE);
        c.addSeries("B_psi at CODA analyses", sa, evaluate(runs.correction(), sa)).setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter)
                .setMarker(SeriesMarkers.CIRCLE);
        c.addSeries("true mean given x", centres, bins.doubleColumn(1).asDoubleArray()).setMarker(SeriesMarkers.NONE);
        c.addSeries("B_psi(x)", centres, learned).setMarker(SeriesMarkers.NONE);
        return Figure.of("CODA Fig. 7a", bins, c);
    }

    /**
     * The true coupling −hc·z̄_k binned by the slow truth x_k (times from {@code burnIn} on; 44 bins
     * over [−8, 14], bins of fewer than 10 samples dropped) beside B_ψ at the bin centres.
     *
     * @return columns x (bin centre), true mean, samples, B_psi(x)
     */
    public static Table correctionBins(Block correction, SubGridTwin data, int burnIn) {
        double[][] truth = data.twin().truth();
        Check.inRange("burnIn", burnIn, 0, truth.length - 1);
        int n = (truth.length - burnIn) * K;
        double[] x = new double[n];
        double[] z = new double[n];
        int i = 0;
        for (int t = burnIn; t < truth.length; t++) {
            for (int k = 0; k < K; k++) {
                x[i] = truth[t][k];
                z[i++] = data.coupling()[t][k];
            }
        }
        Table bins = binnedMean(x, z, -8, 14, 44);
        bins.addColumns(DoubleColumn.create("B_psi(x)", evaluate(correction, bins.doubleColumn(0).asDoubleArray())));
        return bins;
    }

    /**
     * Saves B_ψ's parameters (DJL's block format) to {@code file}, through a temporary file
     * moved into place (never half-written).
     */
    public static void saveCorrection(Block correction, java.nio.file.Path file) {
        org.climagrad.core.AtomicFiles.write(file, tmp -> {
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(java.nio.file.Files.newOutputStream(tmp))) {
                correction.saveParameters(out);
            }
        });
    }

    /**
     * A B_ψ ({@link #correctionNetwork()}) with the parameters saved by {@link #saveCorrection};
     * its arrays live in {@code manager}, which the caller keeps open while using it.
     */
    public static Block loadCorrection(java.io.InputStream in, NDManager manager) {
        Block b = correctionNetwork();
        b.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1));
        try {
            b.loadParameters(manager, new java.io.DataInputStream(in));
        } catch (java.io.IOException | ai.djl.MalformedModelException e) {
            throw new IllegalArgumentException("the stream holds no B_psi of " + HIDDEN + " hidden units ("
                    + e.getMessage() + ")", e);
        }
        return b;
    }

    /**
     * The mean of {@code y} in equal bins of {@code x} over [lo, hi]; empty bins are dropped.
     *
     * @return columns x (bin centre), mean, count
     */
    static Table binnedMean(double[] x, double[] y, double lo, double hi, int bins) {
        double[] sum = new double[bins];
        int[] count = new int[bins];
        double width = (hi - lo) / bins;
        for (int i = 0; i < x.length; i++) {
            int b = (int) Math.floor((x[i] - lo) / width);
            if (b >= 0 && b < bins) {
                sum[b] += y[i];
                count[b]++;
            }
        }
        Table t = Table.create("binned mean", DoubleColumn.create("x"), DoubleColumn.create("true mean"),
                DoubleColumn.create("samples"));
        for (int b = 0; b < bins; b++) {
            if (count[b] >= 10) {
                t.doubleColumn(0).append(lo + (b + 0.5) * width);
                t.doubleColumn(1).append(sum[b] / count[b]);
                t.doubleColumn(2).append(count[b]);
            }
        }
        return t;
    }

    /**
     * Fig. 7b: free-running forecasts of the slow variables from the truth at {@code freeRuns}
     * independent initial conditions (a fresh two-level run, 0.5 time units apart), by the
     * truncated model and by the corrected one, against the two-level truth.
     *
     * @return data: lead time, RMSE of each model (mean over initial conditions); chart: RMSE vs lead
     */
    public static Figure figure7b(Runs runs, Settings s) {
        return figure7b(runs.correction(), s.freeRuns(), s.freeRunSteps(), s.seed() + 7);
    }

    /**
     * {@link #figure7b(Runs, Settings)} for any B_ψ: {@code freeRuns} initial conditions 0.5 time
     * units apart on a fresh two-level run of seed {@code seed}, forecasts of {@code freeRunSteps}
     * model steps.
     */
    public static Figure figure7b(Block correction, int freeRuns, int freeRunSteps, long seed) {
        Check.atLeast("freeRuns", freeRuns, 1);
        Check.atLeast("freeRunSteps", freeRunSteps, 1);
        int spacing = 50;
        SubGridTwin fresh = twin(freeRuns * spacing + freeRunSteps + 1, seed);
        double[][] truth = fresh.twin().truth();
        double[][] x0 = new double[freeRuns][];
        for (int r = 0; r < x0.length; r++) {
            x0[r] = truth[r * spacing];
        }
        double[] theta = {F};
        double[][][] plain = truncated().simulate(x0, theta, freeRunSteps, 1);
        double[][][] corr = corrected(correction, false).simulate(x0, theta, freeRunSteps, 1);
        double[] lead = new double[freeRunSteps + 1];
        double[] ePlain = new double[lead.length];
        double[] eCorr = new double[lead.length];
        for (int l = 0; l < lead.length; l++) {
            lead[l] = l * MODEL_DT;
            for (int r = 0; r < x0.length; r++) {
                ePlain[l] += DaResult.rmse(plain[r][l], truth[r * spacing + l]) / x0.length;
                eCorr[l] += DaResult.rmse(corr[r][l], truth[r * spacing + l]) / x0.length;
            }
        }
        Table t = Table.create("CODA Fig. 7b: free-run RMSE", DoubleColumn.create("lead", lead),
                DoubleColumn.create("truncated", ePlain), DoubleColumn.create("corrected", eCorr));
        Map<String, double[]> lines = new LinkedHashMap<>();
        lines.put("truncated model", ePlain);
        lines.put("with learned B_psi", eCorr);
        return Figure.of("CODA Fig. 7b", t, Charts.lines("Free-run RMSE of the slow variables (" + x0.length
                + " initial conditions)", "lead time (MTU)", "RMSE", lead, lines));
    }

    /** Mean analysis RMSE after the burn-in, one row per method. */
    public static Table rmseTable(Runs runs, Settings s) {
        return Coda2024.rmseTable(runs.results(), s.burnIn());
    }
}
