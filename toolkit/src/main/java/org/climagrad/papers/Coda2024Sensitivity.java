package org.climagrad.papers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.climagrad.coda.CodaModel;
import org.climagrad.coda.CodaTrainer;
import org.climagrad.core.Check;
import org.climagrad.core.Profile;
import org.climagrad.da.DaResult;
import org.climagrad.obs.ObservationModel;
import org.climagrad.obs.Twin;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Sensitivity of CODA, Zinchenko &amp; Greenberg (2024) Fig. 4: (a) analysis RMSE against the
 * weight α of the model-consistency term for several (window, rollout) pairs, α = 0 being the
 * strong-constraint variant; (b) the network trained at the Fig. 3 setting (75 % missing, σ = 1)
 * evaluated, without retraining, on observations with other missing fractions and noise levels.
 *
 * <p>Every RMSE is the mean over times of the spatial RMSE of the analysis of an independent test
 * twin (a seed the training never saw), interior windows only (each window sees 2w+1 times).
 */
public final class Coda2024Sensitivity {
    private Coda2024Sensitivity() {}

    /** A window half-width w and rollout length R of the loss (eq. 6). */
    public record WindowRollout(int halfWidth, int rolloutSteps) {
        /** Validates. */
        public WindowRollout {
            Check.atLeast("halfWidth", halfWidth, 1);
            Check.atLeast("rolloutSteps", rolloutSteps, 1);
        }
    }

    /**
     * Settings of Fig. 4.
     *
     * @param trainTimes observation times of the training twin
     * @param testTimes observation times of each test twin
     * @param pairs the (w, R) pairs of panel a
     * @param alphas the α values of panel a (0 = strong constraint)
     * @param coda network and training (window, rollout and α are overridden per run)
     * @param missing missing fractions of panel b, each in [0, 1)
     * @param sigmas observation noise σ of panel b, each &gt; 0
     * @param seed seed of the training twin (test twins use seed + 1000 + i)
     */
    public record Settings(int trainTimes, int testTimes, List<WindowRollout> pairs, double[] alphas,
            Coda2024.CodaSettings coda, double[] missing, double[] sigmas, long seed) {
        /** Validates and copies. */
        public Settings {
            Check.atLeast("trainTimes", trainTimes, 2);
            Check.atLeast("testTimes", testTimes, 2);
            pairs = List.copyOf(pairs);
            if (pairs.isEmpty() || alphas.length == 0 || missing.length == 0 || sigmas.length == 0) {
                throw new IllegalArgumentException("pairs, alphas, missing, sigmas: each needs at least one value");
            }
            for (double a : alphas) {
                Check.nonNegative("alphas", a);
            }
            for (double m : missing) {
                Check.inHalfOpen("missing", m, 0, 1);
            }
            for (double s : sigmas) {
                Check.positive("sigmas", s);
            }
            alphas = alphas.clone();
            missing = missing.clone();
            sigmas = sigmas.clone();
        }

        @Override
        public double[] alphas() {
            return alphas.clone();
        }

        @Override
        public double[] missing() {
            return missing.clone();
        }

        @Override
        public double[] sigmas() {
            return sigmas.clone();
        }

        /**
         * FAST: 1200 training and 600 test times, pairs (w, R) = (5, 5) and (10, 10), α ∈ {0, 1},
         * the fast network trained 4 epochs, a 4 × 4 grid; PAPER: 10 000 / 2000 times, pairs
         * (5, 5), (10, 10), (15, 10), (15, 25), α ∈ {0, 0.01, 0.1, 1, 10}, the paper network, missing
         * 0.1 … 0.95 × σ 0.1 … 3 (7 × 6).
         */
        public static Settings of(Profile profile) {
            Coda2024.CodaSettings coda = Coda2024.CodaSettings.of(profile);
            if (profile == Profile.FAST) {
                return new Settings(1200, 600, List.of(new WindowRollout(5, 5), new WindowRollout(10, 10)),
                        new double[] {0, 1}, coda.withEpochs(4), new double[] {0.1, 0.5, 0.75, 0.95},
                        new double[] {0.1, 0.5, 1, 3}, 41);
            }
            return new Settings(10_000, 2000,
                    List.of(new WindowRollout(5, 5), new WindowRollout(10, 10), new WindowRollout(15, 10),
                            new WindowRollout(15, 25)),
                    new double[] {0, 0.01, 0.1, 1, 10}, coda, new double[] {0.1, 0.25, 0.5, 0.75, 0.85, 0.9, 0.95},
                    new double[] {0.1, 0.25, 0.5, 1, 2, 3}, 41);
        }
    }

    /** The settings of the current profile. */
    public static Settings settings() {
        return Settings.of(Profile.current());
    }

    /** The training twin of Fig. 4 (the Fig. 3 setting, 75 % missing, σ = 1). */
    public static Twin trainingTwin(Settings s) {
        return CodaBaselines.experiment(s.trainTimes(), s.seed()).generate();
    }

    /**
     * A test twin of the Fig. 3 model observed with another missing fraction and noise.
     *
     * @param index distinguishes independent test twins
     */
    public static Twin testTwin(Settings s, double missing, double sigma, int index) {
        return CodaBaselines.experiment(s.testTimes(), s.seed() + 1000 + index).toBuilder()
                .setObservationModel(ObservationModel.exactMissing(sigma, missing)).build().generate();
    }

    /**
     * Mean analysis RMSE of a trained network on a twin: interior windows, spatial RMSE per time,
     * averaged over time.
     */
    public static double analysisRmse(CodaModel model, Twin twin) {
        double[][] analysis = model.analyse(twin.observations());
        int w = model.halfWidth();
        double sum = 0;
        for (int i = 0; i < analysis.length; i++) {
            sum += DaResult.rmse(analysis[i], twin.truthAt(w + i));
        }
        double rmse = sum / analysis.length;
        if (!Double.isFinite(rmse)) {
            throw new IllegalStateException("analysis RMSE is " + rmse + ": the network produced non-finite states");
        }
        return rmse;
    }

    /**
     * Fig. 4a: trains one network per (w, R, α) on the training twin and scores it on a test twin
     * of the same setting.
     *
     * @param progress receives one line per trained network, or null
     * @return data with columns w, R, alpha, RMSE, and a chart of RMSE against α per pair (α = 0
     *     drawn at the left end of the log axis, at a tenth of the smallest positive α)
     */
    public static Figure figure4a(Settings s, Consumer<String> progress) {
        Twin train = trainingTwin(s);
        Twin test = testTwin(s, CodaBaselines.MISSING, CodaBaselines.SIGMA, 0);
        Table t = Table.create("CODA Fig. 4a: analysis RMSE vs alpha", IntColumn.create("w"), IntColumn.create("R"),
                DoubleColumn.create("alpha"), DoubleColumn.create("RMSE"));
        for (WindowRollout p : s.pairs()) {
            for (double alpha : s.alphas()) {
                Coda2024.CodaSettings c = s.coda().withWindow(p.halfWidth(), p.rolloutSteps(), alpha);
                CodaTrainer.Fit fit = Coda2024.trainer(c, CodaBaselines.rollout(), s.seed(), null)
                        .setParameters(CodaBaselines.F).build().fit(train.observations());
                double rmse;
                try (CodaModel model = fit.model()) {
                    rmse = analysisRmse(model, test);
                }
                t.intColumn(0).append(p.halfWidth());
                t.intColumn(1).append(p.rolloutSteps());
                t.doubleColumn(2).append(alpha);
                t.doubleColumn(3).append(rmse);
                if (progress != null) {
                    progress.accept(String.format(Locale.ROOT, "w=%d R=%d alpha=%g: RMSE %.3f", p.halfWidth(),
                            p.rolloutSteps(), alpha, rmse));
                }
            }
        }
        return Figure.of("CODA Fig. 4a", t, alphaChart(t, s));
    }

    private static XYChart alphaChart(Table t, Settings s) {
        double smallest = Arrays.stream(s.alphas()).filter(a -> a > 0).min().orElse(1);
        double zeroAt = smallest / 10;
        XYChart c = Charts.lines("Analysis RMSE vs alpha (alpha = 0 plotted at " + zeroAt + ")", "alpha",
                "analysis RMSE", new double[0], Map.of());
        c.getStyler().setXAxisLogarithmic(true);
        for (WindowRollout p : s.pairs()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                if (t.intColumn(0).get(r) == p.halfWidth() && t.intColumn(1).get(r) == p.rolloutSteps()) {
                    double a = t.doubleColumn(2).get(r);
                    x.add(a > 0 ? a : zeroAt);
                    y.add(t.doubleColumn(3).get(r));
                }
            }
            c.addSeries("w=" + p.halfWidth() + ", R=" + p.rolloutSteps(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        return c;
    }

    /**
     * Fig. 4b: one network trained at the Fig. 3 setting ({@link #trainReference}), evaluated
     * without retraining on an independent test twin per grid point.
     *
     * @param model a network trained at 75 % missing, σ = 1
     * @return data with columns missing, sigma, RMSE, RMSE/sigma, and a heat map of RMSE/σ
     */
    public static Figure figure4b(CodaModel model, Settings s) {
        Table t = Table.create("CODA Fig. 4b: analysis RMSE over missing fraction x noise",
                DoubleColumn.create("missing"), DoubleColumn.create("sigma"), DoubleColumn.create("RMSE"),
                DoubleColumn.create("RMSE/sigma"));
        double[] missing = s.missing();
        double[] sigmas = s.sigmas();
        double[][] ratio = new double[missing.length][sigmas.length];
        int index = 1;
        for (int i = 0; i < missing.length; i++) {
            for (int j = 0; j < sigmas.length; j++) {
                double rmse = analysisRmse(model, testTwin(s, missing[i], sigmas[j], index++));
                t.doubleColumn(0).append(missing[i]);
                t.doubleColumn(1).append(sigmas[j]);
                t.doubleColumn(2).append(rmse);
                t.doubleColumn(3).append(rmse / sigmas[j]);
                ratio[i][j] = rmse / sigmas[j];
            }
        }
        return Figure.of("CODA Fig. 4b", t, Charts.grid("Analysis RMSE / sigma (trained at 75% missing, sigma = 1)",
                "missing fraction", missing, "observation noise sigma", sigmas, ratio));
    }

    /** Trains the network of Fig. 4b: the settings' network at the Fig. 3 window, rollout and α. */
    public static CodaTrainer.Fit trainReference(Settings s, Consumer<org.climagrad.coda.EpochStats> progress) {
        Coda2024.CodaSettings c = s.coda();
        return Coda2024.trainer(c, CodaBaselines.rollout(), s.seed(), progress).setParameters(CodaBaselines.F)
                .build().fit(trainingTwin(s).observations());
    }
}
