package org.climagrad.papers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.climagrad.coda.CodaModel;
import org.climagrad.coda.CodaTrainer;
import org.climagrad.core.Check;
import org.climagrad.core.Profile;
import org.climagrad.obs.Twin;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Joint tuning of the forcing F with the CODA network, Zinchenko &amp; Greenberg (2024) Sec. 4.3 and
 * Fig. 5: for each true F a twin is generated (Fig. 3 observation setting), the model M of the
 * loss starts from a random F, and F is optimised by a second Adam (no weight decay) jointly with
 * the network, on observations only. The truth enters only as a diagnostic (analysis RMSE of an
 * independent test twin after each epoch).
 */
public final class Coda2024Tuning {
    private Coda2024Tuning() {}

    /**
     * Settings of Fig. 5.
     *
     * @param times observation times of each training twin
     * @param testTimes observation times of the test twin used for the RMSE diagnostic
     * @param forcings the true F values, each in [1, 30]
     * @param seeds seeds of the repeated runs at F = {@code repeatAt}; the first also serves the other F
     * @param repeatAt the true F whose run is repeated with every seed
     * @param initialSpread the initial F is drawn uniformly in F·[1 − s, 1 + s], s in [0, 1)
     * @param parameterLearningRate Adam learning rate of F (paper: 1e-3)
     * @param warmup epochs with F fixed before the joint tuning starts, ≥ 0
     * @param coda network and training
     */
    public record Settings(int times, int testTimes, double[] forcings, long[] seeds, double repeatAt,
            double initialSpread, double parameterLearningRate, int warmup, Coda2024.CodaSettings coda) {
        /** Validates and copies. */
        public Settings {
            Check.atLeast("times", times, 2);
            Check.atLeast("testTimes", testTimes, 2);
            if (forcings.length == 0 || seeds.length == 0) {
                throw new IllegalArgumentException("forcings, seeds: each needs at least one value");
            }
            for (double f : forcings) {
                Check.inClosed("forcings", f, 1, 30);
            }
            Check.inHalfOpen("initialSpread", initialSpread, 0, 1);
            Check.positive("parameterLearningRate", parameterLearningRate);
            Check.atLeast("warmup", warmup, 0);
            forcings = forcings.clone();
            seeds = seeds.clone();
        }

        @Override
        public double[] forcings() {
            return forcings.clone();
        }

        @Override
        public long[] seeds() {
            return seeds.clone();
        }

        /**
         * FAST: 1200 times, F ∈ {4, 8, 12}, 3 seeds at F = 8, initial F within ±25 %, F learning
         * rate 0.05, the fast network for 4 epochs; PAPER: 10 000 times, F = 4 … 12, 5 seeds at F
         * = 8, ±25 %, F learning rate 1e-3 (paper), the paper network.
         */
        public static Settings of(Profile profile) {
            Coda2024.CodaSettings coda = Coda2024.CodaSettings.of(profile);
            if (profile == Profile.FAST) {
                return new Settings(1200, 600, new double[] {4, 8, 12}, new long[] {51, 52, 53}, 8, 0.25, 0.05, 2,
                        coda.withEpochs(5));
            }
            return new Settings(10_000, 2000, new double[] {4, 5, 6, 7, 8, 9, 10, 11, 12},
                    new long[] {51, 52, 53, 54, 55}, 8, 0.25, 1e-3, 0, coda);
        }
    }

    /** The settings of the current profile. */
    public static Settings settings() {
        return Settings.of(Profile.current());
    }

    /**
     * The result of Fig. 5.
     *
     * @param runs one row per run: trueF, seed, initialF, tunedF, relative error |tuned − true| /
     *     true, analysis RMSE of the test twin with the tuned network
     * @param trace one row per run and gradient step: run, step, F
     * @param rmse one row per run and epoch: run, epoch, analysis RMSE
     * @param figure F vs gradient step and analysis RMSE vs epoch
     */
    public record Result(Table runs, Table trace, Table rmse, Figure figure) {}

    /**
     * One tuning run: a twin with the true F, training from a random initial F.
     *
     * @param trueF the forcing that generates the truth
     * @param seed seed of the twin, the initial F and the training
     */
    public static CodaTrainer.Fit tune(Settings s, double trueF, long seed) {
        Twin twin = twin(s.times(), trueF, seed);
        Twin test = twin(s.testTimes(), trueF, seed + 500);
        double initial = initialForcing(s, trueF, seed);
        return Coda2024.trainer(s.coda(), CodaBaselines.rollout(), seed, null).setParameters(initial)
                .optTuneParameters(s.parameterLearningRate()).optParameterWarmup(s.warmup())
                .optMonitor(model -> Coda2024Sensitivity.analysisRmse(model, test)).build().fit(twin.observations());
    }

    /** The initial F of a run: uniform in trueF·[1 − s, 1 + s], drawn from the seed. */
    public static double initialForcing(Settings s, double trueF, long seed) {
        return initialForcing(s.initialSpread(), trueF, seed);
    }

    /** The initial F of a run: uniform in trueF·[1 − spread, 1 + spread], drawn from the seed. */
    public static double initialForcing(double spread, double trueF, long seed) {
        Check.inHalfOpen("spread", spread, 0, 1);
        double u = new SplittableRandom(seed ^ Double.doubleToLongBits(trueF)).nextDouble();
        return trueF * (1 + spread * (2 * u - 1));
    }

    private static Twin twin(int times, double f, long seed) {
        return CodaBaselines.experiment(times, seed).toBuilder().optParameters(f).build().generate();
    }

    /**
     * Fig. 5: every true F with the first seed, and the repeated F with every seed.
     *
     * @param progress receives one line per run, or null
     */
    public static Result figure5(Settings s, Consumer<String> progress) {
        Table runs = Table.create("CODA Fig. 5: tuned forcing", DoubleColumn.create("trueF"),
                LongColumn.create("seed"), DoubleColumn.create("initialF"), DoubleColumn.create("tunedF"),
                DoubleColumn.create("relative error"), DoubleColumn.create("RMSE"));
        Table trace = Table.create("CODA Fig. 5: F vs gradient step", IntColumn.create("run"),
                IntColumn.create("step"), DoubleColumn.create("F"));
        Table rmse = Table.create("CODA Fig. 5: analysis RMSE vs epoch", IntColumn.create("run"),
                IntColumn.create("epoch"), DoubleColumn.create("RMSE"));
        Map<String, double[]> fLines = new LinkedHashMap<>();
        Map<String, double[]> rmseLines = new LinkedHashMap<>();
        int run = 0;
        for (double f : s.forcings()) {
            long[] seeds = f == s.repeatAt() ? s.seeds() : new long[] {s.seeds()[0]};
            for (long seed : seeds) {
                CodaTrainer.Fit fit = tune(s, f, seed);
                double[][] th = fit.thetaTrace();
                double[] mon = fit.monitor();
                double tuned = fit.theta()[0];
                try (CodaModel model = fit.model()) {
                    runs.doubleColumn(0).append(f);
                    runs.longColumn(1).append(seed);
                    runs.doubleColumn(2).append(initialForcing(s, f, seed));
                    runs.doubleColumn(3).append(tuned);
                    runs.doubleColumn(4).append(Math.abs(tuned - f) / f);
                    runs.doubleColumn(5).append(mon[bestEpoch(fit)]);
                }
                double[] fs = new double[th.length];
                for (int i = 0; i < th.length; i++) {
                    fs[i] = th[i][0];
                    trace.intColumn(0).append(run);
                    trace.intColumn(1).append(i + 1);
                    trace.doubleColumn(2).append(th[i][0]);
                }
                for (int e = 0; e < mon.length; e++) {
                    rmse.intColumn(0).append(run);
                    rmse.intColumn(1).append(e + 1);
                    rmse.doubleColumn(2).append(mon[e]);
                }
                String label = "F=" + (f == Math.rint(f) ? String.valueOf((long) f) : String.valueOf(f)) + " seed " + seed;
                fLines.put(label, fs);
                rmseLines.put(label, mon);
                if (progress != null) {
                    progress.accept(String.format(Locale.ROOT, "%s: F %.3f -> %.3f (error %.2f%%), RMSE %.3f",
                            label, initialForcing(s, f, seed), tuned, 100 * Math.abs(tuned - f) / f,
                            runs.doubleColumn(5).get(run)));
                }
                run++;
            }
        }
        Figure figure = new Figure("CODA Fig. 5", runs, java.util.List.of(
                Charts.ragged("Forcing F during joint tuning", "gradient step", "F", fLines),
                Charts.ragged("Analysis RMSE (test twin) during tuning", "epoch", "analysis RMSE", rmseLines)), 2);
        return new Result(runs, trace, rmse, figure);
    }

    /** The 0-based epoch whose weights the fit kept (lowest validation loss). */
    private static int bestEpoch(CodaTrainer.Fit fit) {
        int best = 0;
        for (int e = 1; e < fit.history().size(); e++) {
            if (fit.history().get(e).validationTotal() < fit.history().get(best).validationTotal()) {
                best = e;
            }
        }
        return best;
    }
}
