package org.climagrad.papers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
     * Fig. 3c-d: the OI analysis and the EnKS (smoother) analysis with their errors, over the
     * first {@code settings.window()} times.
     *
     * @param results the output of {@link #baselines(Twin, Settings)}
     */
    public static Figure figure3cd(Twin twin, Map<String, DaResult> results, Settings settings) {
        Map<String, DaResult> shown = new LinkedHashMap<>();
        for (String name : new String[] {"OI", "EnKS"}) {
            DaResult r = results.get(name);
            if (r == null) {
                throw new IllegalArgumentException("results: no entry '" + name + "'; expected the map of baselines()");
            }
            shown.put(name, r);
        }
        return Coda2024Figures.analyses(twin, settings.window(), shown);
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
        Table table = Table.create("CODA Fig. 3 baselines: mean RMSE after burn-in " + burnIn,
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
