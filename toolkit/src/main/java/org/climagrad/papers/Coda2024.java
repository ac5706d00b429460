package org.climagrad.papers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.climagrad.coda.CodaLoss;
import org.climagrad.coda.CodaModel;
import org.climagrad.coda.CodaNet;
import org.climagrad.coda.CodaTrainer;
import org.climagrad.coda.EpochStats;
import org.climagrad.core.Check;
import org.climagrad.core.Profile;
import org.climagrad.da.DaResult;
import org.climagrad.obs.Climatology;
import org.climagrad.obs.Twin;
import org.climagrad.plot.Figure;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Lorenz-96 twin experiment of Zinchenko &amp; Greenberg (2024), Fig. 3, with the classical
 * baselines of {@link CodaBaselines}: K = 40, F = 8, RK4 with dt = 0.01, observations at every
 * step with σ = 1 and 75 % of the variables missing (mask redrawn every step).
 *
 * <p>Entry points for notebooks: {@link #settings()} picks the run length from the
 * {@link Profile}, {@link #twin(Settings)} generates truth and observations, {@link
 * #baselines(Twin, Settings)} runs OI, the LETKF and the EnKS on them, {@link #rmseTable} summarises
 * them, and {@code figure3ab/cd/f} draw the panels (data and charts, built by {@link
 * Coda2024Figures}).
 */
public final class Coda2024 {
    private Coda2024() {}

    /**
     * Run length of the Fig. 3 experiment.
     *
     * @param times observation times T (= model steps of dt = 0.01), at least 2
     * @param burnIn observation times left out of error statistics, in [0, T)
     * @param window observation times shown in the Hovmöller panels, in [1, T]
     * @param seed seed of the truth, the observations, the climatology and the ensembles
     */
    public record Settings(int times, int burnIn, int window, long seed) {
        /** Validates the ranges. */
        public Settings {
            Check.atLeast("times", times, 2);
            Check.inRange("burnIn", burnIn, 0, times - 1);
            Check.inRange("window", window, 1, times);
        }

        /**
         * The settings of a profile: FAST T = 2000 (20 time units), burn-in 400, window 500;
         * PAPER T = 10 000 (100 time units), burn-in 1000, window 500. Seed 2024.
         */
        public static Settings of(Profile profile) {
            return new Settings(profile.pick(2000, 10_000), profile.pick(400, 1000), 500, 2024);
        }
    }

    /**
     * Settings of the CODA network and its training (our choices where the paper leaves them open).
     *
     * @param halfWidth window half-width w (the network sees 2w+1 observation times)
     * @param rolloutSteps rollout length R of the loss (eq. 6)
     * @param alpha weight α of the model-consistency term
     * @param channels encoder channels of the 1.5D U-Net, one per level
     * @param epochs training epochs
     * @param batchSize batch size
     * @param learningRate Adam learning rate
     */
    public record CodaSettings(int halfWidth, int rolloutSteps, double alpha, int[] channels, int epochs, int batchSize,
            double learningRate) {
        /** Validates the ranges and copies the channels. */
        public CodaSettings {
            Check.atLeast("halfWidth", halfWidth, 1);
            Check.atLeast("rolloutSteps", rolloutSteps, 1);
            Check.nonNegative("alpha", alpha);
            if (channels == null || channels.length == 0) {
                throw new IllegalArgumentException("channels: at least one level required");
            }
            Check.atLeast("epochs", epochs, 1);
            Check.atLeast("batchSize", batchSize, 1);
            Check.positive("learningRate", learningRate);
            channels = channels.clone();
        }

        /** These settings with another window half-width w, rollout R and α. */
        public CodaSettings withWindow(int newHalfWidth, int newRolloutSteps, double newAlpha) {
            return new CodaSettings(newHalfWidth, newRolloutSteps, newAlpha, channels, epochs, batchSize,
                    learningRate);
        }

        /** These settings with another number of epochs. */
        public CodaSettings withEpochs(int newEpochs) {
            return new CodaSettings(halfWidth, rolloutSteps, alpha, channels, newEpochs, batchSize, learningRate);
        }

        @Override
        public int[] channels() {
            return channels.clone();
        }

        /**
         * FAST: w = 10, R = 10, α = 1, channels 16/32/64, 5 epochs, batch 16, lr 3e-3 (under a
         * minute on two cores for T = 2000); PAPER: the reference code's experiment configuration,
         * w = 25, R = 25, α = 1, channels 32/64/128, up to 100 epochs (early stopping with
         * patience 10 on the validation loss), batch 16, lr 1e-3. The shipped paper-scale networks
         * ({@link Coda2024#paperNetwork()}) were trained with the PAPER settings on a longer record
         * and a step budget; see {@code datasets/coda/README.md}.
         */
        public static CodaSettings of(Profile profile) {
            return profile == Profile.FAST ? new CodaSettings(10, 10, 1, new int[] {16, 32, 64}, 5, 16, 3e-3)
                    : new CodaSettings(25, 25, 1, new int[] {32, 64, 128}, 100, 16, 1e-3);
        }

        @Override
        public String toString() {
            return "CodaSettings[w=" + halfWidth + ", R=" + rolloutSteps + ", alpha=" + alpha + ", channels="
                    + java.util.Arrays.toString(channels) + ", epochs=" + epochs + ", batch=" + batchSize + ", lr="
                    + learningRate + "]";
        }
    }

    /** Fraction of the training record held out for validation (the reference: the last 25 %). */
    public static final double VALIDATION_FRACTION = 0.25;
    /** Early-stopping patience in epochs (the reference: 10). */
    public static final int PATIENCE = 10;

    /** A trained CODA network, its training history and its analysis of the twin as a {@link DaResult}. */
    public record CodaRun(CodaTrainer.Fit fit, DaResult result) {}

    /**
     * The paper-scale CODA networks shipped in {@code datasets/coda/} (trained on this project's
     * 2-core CPU by {@link Coda2024Training}; command, wall time and learning curve in
     * {@code datasets/coda/README.md}), all at the Fig. 3 setting (75 % missing as exactly 30 of
     * 40, σ = 1), w = 25, R = 25, α = 1.
     */
    public enum PaperNetwork {
        /** The reference configuration, channels 32/64/128. */
        REFERENCE("fig3-32-64-128", 32, 64, 128),
        /** Half the channels, 16/32/64 (a quarter of the FLOPs). */
        SMALL("fig3-16-32-64", 16, 32, 64);

        private final String folder;
        private final int[] channels;

        PaperNetwork(String folder, int... channels) {
            this.folder = folder;
            this.channels = channels;
        }

        /** The folder under {@code datasets/coda/}. */
        public String folder() {
            return folder;
        }

        /** An untrained network of this architecture. */
        public CodaNet architecture() {
            return CodaNet.builder().optChannels(channels).build();
        }

        /** Loads the shipped network (the caller closes it). */
        public CodaModel load() {
            return loadShipped(folder, architecture());
        }
    }

    /**
     * A network shipped in {@code datasets/coda/<folder>/coda-da-0000.params} (packed into the
     * toolkit jar), loaded into {@code architecture} (the caller closes it).
     */
    static CodaModel loadShipped(String folder, CodaNet architecture) {
        String path = folder + "/coda-da-0000.params";
        try (java.io.InputStream in = shippedResource(path)) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("climagrad-coda-");
            java.nio.file.Path file = dir.resolve("coda-da-0000.params");
            try {
                java.nio.file.Files.copy(in, file);
                return CodaModel.load(dir, architecture);
            } finally {
                java.nio.file.Files.deleteIfExists(file);
                java.nio.file.Files.deleteIfExists(dir);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not read resource coda/" + path, e);
        }
    }

    /**
     * A file shipped in {@code datasets/coda/} (packed into the toolkit jar), by its path there;
     * the caller closes the stream.
     *
     * @throws IllegalArgumentException naming the resource when it is not on the class path
     */
    static java.io.InputStream shippedResource(String path) {
        java.io.InputStream in = Coda2024.class.getResourceAsStream("coda/" + path);
        if (in == null) {
            throw new IllegalArgumentException("resource coda/" + path + ": not on the class path (datasets/coda/"
                    + path + " is packed into the toolkit jar)");
        }
        return in;
    }

    /** The shipped paper-scale network of the reference configuration ({@link PaperNetwork#REFERENCE}). */
    public static CodaModel paperNetwork() {
        return PaperNetwork.REFERENCE.load();
    }

    /** The CODA settings of the current profile. */
    public static CodaSettings codaSettings() {
        return CodaSettings.of(Profile.current());
    }

    /**
     * Trains CODA on the twin's observations only (no truth), with the known model (F = 8), and
     * analyses the whole record with it (edges see only the observations that exist). The result
     * is scored against the truth; CODA has no ensemble, so its spread is NaN.
     *
     * @param progress called after each epoch (e.g. {@code System.out::println}), or null
     */
    public static CodaRun coda(Twin twin, Settings settings, CodaSettings coda,
            java.util.function.Consumer<EpochStats> progress) {
        CodaTrainer.Fit fit = trainer(coda, CodaBaselines.rollout(), settings.seed(), progress)
                .setParameters(CodaBaselines.F).build().fit(twin.observations());
        double[][] analysis = fit.model().analyseAll(twin.observations());
        double[] spread = new double[analysis.length];
        java.util.Arrays.fill(spread, Double.NaN);
        DaResult result = DaResult.score("CODA(" + coda + ")", twin.experiment().obsInterval(), twin.truth(),
                analysis, spread, null, null);
        return new CodaRun(fit, result);
    }

    /**
     * A trainer configured from CODA settings: a fresh 1.5D U-Net with the settings' channels, the
     * loss of eq. 6 with the given model M, window, rollout, α, epochs, batch and learning rate.
     * The caller adds {@code setParameters} (and, as needed, tuning, a correction or a monitor).
     *
     * @param coda network and training settings
     * @param model the model M of the loss (possibly with a correction term)
     * @param seed seed of the weights and the batch order
     * @param progress called after each epoch, or null
     */
    public static CodaTrainer.Builder trainer(CodaSettings coda, org.climagrad.dynamics.Rollout model, long seed,
            java.util.function.Consumer<EpochStats> progress) {
        return CodaTrainer.builder().setNetwork(CodaNet.builder().optChannels(coda.channels()).build())
                .setLoss(CodaLoss.builder().setRollout(model).setRolloutSteps(coda.rolloutSteps())
                        .optAlpha(coda.alpha()).build())
                .setHalfWidth(coda.halfWidth()).optEpochs(coda.epochs()).optBatchSize(coda.batchSize())
                .optLearningRate(coda.learningRate()).optValidationFraction(VALIDATION_FRACTION)
                .optPatience(PATIENCE).optSeed(seed).optProgress(progress);
    }

    /** The settings of the current profile ({@link Profile#current()}). */
    public static Settings settings() {
        return Settings.of(Profile.current());
    }

    /** Truth and observations: {@link CodaBaselines#experiment(int, long)} run for the settings. */
    public static Twin twin(Settings settings) {
        return CodaBaselines.experiment(settings.times(), settings.seed()).generate();
    }

    /**
     * Runs optimal interpolation, the LETKF and the EnKS (settings of {@link CodaBaselines}) on
     * the twin. The climatology behind OI's B and the ensembles' initial draw comes from an
     * independent run (seed + 1).
     *
     * @return method label → result, in the order OI, EnKF, EnKS (unmodifiable)
     */
    public static Map<String, DaResult> baselines(Twin twin, Settings settings) {
        Climatology clim = CodaBaselines.climatology(settings.seed() + 1);
        Map<String, DaResult> results = new LinkedHashMap<>();
        results.put("OI", CodaBaselines.optimalInterpolation(clim).assimilate(twin));
        results.put("EnKF", CodaBaselines.enkf(clim, settings.seed() + 2).assimilate(twin));
        results.put("EnKS", CodaBaselines.enks(clim, settings.seed() + 2).assimilate(twin));
        return Collections.unmodifiableMap(results);
    }

    /** Fig. 3a-b: truth and observations over the first {@code settings.window()} times. */
    public static Figure figure3ab(Twin twin, Settings settings) {
        return Coda2024Figures.truthAndObservations(twin, settings.window());
    }

    /**
     * Fig. 3c-d: the analyses of the given methods (smoother estimate where there is one) with
     * their errors, over the first {@code settings.window()} times.
     *
     * @param methods the labels of {@code results} to show, in panel order
     */
    public static Figure figure3cd(Twin twin, Map<String, DaResult> results, Settings settings, String... methods) {
        Map<String, DaResult> shown = new LinkedHashMap<>();
        for (String name : methods) {
            DaResult r = results.get(name);
            if (r == null) {
                throw new IllegalArgumentException("methods: no result '" + name + "'; have " + results.keySet());
            }
            shown.put(name, r);
        }
        return Coda2024Figures.analyses(twin, settings.window(), shown);
    }

    /**
     * Fig. 3c-d: the OI analysis and the EnKS (smoother) analysis with their errors, over the
     * first {@code settings.window()} times.
     *
     * @param results the output of {@link #baselines(Twin, Settings)}
     */
    public static Figure figure3cd(Twin twin, Map<String, DaResult> results, Settings settings) {
        return figure3cd(twin, results, settings, "OI", "EnKS");
    }

    /**
     * Fig. 3 (forecast panel): forecast RMSE vs lead time from each method's estimate, 50 starts
     * after the burn-in, leads up to 5 model time units (or what the run allows).
     */
    public static Figure figure3Forecast(Twin twin, Map<String, DaResult> results, Settings settings) {
        int lead = Math.min(500, settings.times() - 1 - settings.burnIn());
        return Coda2024Figures.forecastSkill(twin, settings.burnIn(), results, 50, lead, Math.max(1, lead / 100));
    }

    /** Independent observation sets of the forecast panel: FAST 30, PAPER 1,000 (as the paper). */
    public static int forecastSets(Profile profile) {
        return profile.pick(30, 1000);
    }

    /** Observation times of each independent set in {@link #figure3ForecastOverSets}. */
    public static final int SET_TIMES = 300;

    /**
     * Fig. 3 (forecast panel) as in the paper: {@code sets} independent observation sets of
     * {@value #SET_TIMES} times (seeds seed + 10 000 + i, truth and observations both new), each
     * analysed by OI, the EnKF, the EnKS and the trained CODA network (no retraining); forecasts of
     * the known model start from each analysis at time {@value #SET_TIMES} − 1 − w (the last time
     * with a full CODA window) and run 5 time units.
     *
     * @param coda the trained network (e.g. {@code run.fit().model()})
     * @param sets number of observation sets, ≥ 1 (the paper: 1,000)
     */
    public static Figure figure3ForecastOverSets(CodaModel coda, Settings settings, int sets) {
        Check.atLeast("sets", sets, 1);
        List<Twin> twins = new ArrayList<>();
        for (int i = 0; i < sets; i++) {
            twins.add(CodaBaselines.experiment(SET_TIMES, settings.seed() + 10_000 + i).generate());
        }
        Climatology clim = CodaBaselines.climatology(settings.seed() + 1);
        Map<String, Function<Twin, double[][]>> methods = new LinkedHashMap<>();
        methods.put("OI", t -> CodaBaselines.optimalInterpolation(clim).assimilate(t).analysisMean());
        methods.put("EnKF", t -> CodaBaselines.enkf(clim, settings.seed() + 2).assimilate(t).analysisMean());
        methods.put("EnKS", t -> CodaBaselines.enks(clim, settings.seed() + 2).assimilate(t).smootherMean()
                .orElseThrow());
        methods.put("CODA", t -> coda.analyseAll(t.observations()));
        return Coda2024Figures.forecastSkillOverSets(twins, methods, SET_TIMES - 1 - coda.halfWidth(), 500, 5);
    }

    /** Fig. 3f: CDF of absolute analysis errors after the burn-in, one curve per method. */
    public static Figure figure3f(Twin twin, Map<String, DaResult> results, Settings settings) {
        return Coda2024Figures.errorCdf(twin, settings.burnIn(), results);
    }

    /** The 50, 90 and 99 % quantiles of |analysis − truth| after the burn-in, one row per method. */
    public static Table errorQuantiles(Twin twin, Map<String, DaResult> results, Settings settings) {
        return Coda2024Figures.errorQuantiles(twin, settings.burnIn(), results, 0.5, 0.9, 0.99);
    }

    /**
     * Mean analysis RMSE and ensemble spread over times t ≥ burnIn, one row per method; for a
     * smoother also the smoother's RMSE.
     *
     * @return columns method, description, filter RMSE, spread, smoother RMSE (NaN when the method
     *     has no smoother)
     */
    public static Table rmseTable(Map<String, DaResult> results, int burnIn) {
        Table table = Table.create("Mean analysis RMSE after burn-in " + burnIn,
                StringColumn.create("method"), StringColumn.create("description"),
                DoubleColumn.create("filter RMSE"), DoubleColumn.create("spread"),
                DoubleColumn.create("smoother RMSE"));
        for (Map.Entry<String, DaResult> e : results.entrySet()) {
            DaResult r = e.getValue();
            table.stringColumn(0).append(e.getKey());
            table.stringColumn(1).append(r.method());
            table.doubleColumn(2).append(r.meanRmse(burnIn));
            table.doubleColumn(3).append(r.meanSpread(burnIn));
            table.doubleColumn(4).append(r.meanSmootherRmse(burnIn).orElse(Double.NaN));
        }
        return table;
    }
}
