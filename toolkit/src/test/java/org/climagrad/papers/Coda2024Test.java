package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.climagrad.core.Profile;
import org.climagrad.da.DaResult;
import org.climagrad.obs.Twin;
import org.climagrad.plot.Figure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** CODA Fig. 3 (classical half): the figure data carry the mathematics the panels show. */
class Coda2024Test {
    static final Coda2024.Settings SETTINGS = new Coda2024.Settings(800, 200, 300, 7);
    static Twin twin;
    static Map<String, DaResult> results;

    @BeforeAll
    static void run() {
        twin = Coda2024.twin(SETTINGS);
        results = Coda2024.baselines(twin, SETTINGS);
    }

    @Test
    void baselinesRankAsInThePaper() {
        Table t = Coda2024.rmseTable(results, SETTINGS.burnIn());
        assertEquals(3, t.rowCount());
        double oi = t.doubleColumn("filter RMSE").getDouble(0);
        double enkf = t.doubleColumn("filter RMSE").getDouble(1);
        double enks = t.doubleColumn("smoother RMSE").getDouble(2);
        // OI with a static climatological B barely beats climatology (std 3.6); the LETKF is an
        // order of magnitude better, and smoothing with a lag improves on filtering.
        assertTrue(oi > 2 && oi < 3.6, "OI RMSE " + oi);
        assertTrue(enkf < 0.3, "EnKF RMSE " + enkf);
        assertTrue(enks < 0.85 * enkf, "EnKS RMSE " + enks + " vs EnKF " + enkf);
        assertTrue(Double.isNaN(t.doubleColumn("smoother RMSE").getDouble(0)), "OI has no smoother");
    }

    @Test
    void figure3abHoldsTruthAndSparseNoisyObservations() {
        Figure f = Coda2024.figure3ab(twin, SETTINGS);
        Table d = f.data();
        assertEquals(SETTINGS.window() * 40, d.rowCount());
        DoubleColumn truth = d.doubleColumn("truth");
        DoubleColumn obs = d.doubleColumn("observation");
        int missing = 0;
        double sq = 0;
        double mean = 0;
        for (int r = 0; r < d.rowCount(); r++) {
            int t = d.intColumn("time_index").get(r);
            int k = d.intColumn("k").get(r);
            assertEquals(twin.truth(t, k), truth.getDouble(r), 0.0);
            assertEquals(t * 0.01, d.doubleColumn("time").getDouble(r), 1e-12);
            if (Double.isNaN(obs.getDouble(r))) {
                missing++;
            } else {
                double e = obs.getDouble(r) - truth.getDouble(r);
                mean += e;
                sq += e * e;
            }
        }
        int n = d.rowCount();
        int observed = n - missing;
        assertEquals(0.75, (double) missing / n, 0.02, "missing fraction");
        assertEquals(0, mean / observed, 0.1, "observation noise mean");
        assertEquals(1, Math.sqrt(sq / observed), 0.06, "observation noise std (sigma = 1)");
        assertEquals(2, f.panels().size());
    }

    @Test
    void figure3cdErrorsAreAnalysisMinusTruth() {
        Figure f = Coda2024.figure3cd(twin, results, SETTINGS);
        Table d = f.data();
        double[][] enks = results.get("EnKS").smootherMean().orElseThrow();
        double[][] oi = results.get("OI").analysisMean();
        for (int r = 0; r < d.rowCount(); r += 37) {
            int t = d.intColumn("time_index").get(r);
            int k = d.intColumn("k").get(r);
            double truth = d.doubleColumn("truth").getDouble(r);
            assertEquals(enks[t][k], d.doubleColumn("EnKS").getDouble(r), 0.0);
            assertEquals(enks[t][k] - truth, d.doubleColumn("EnKS error").getDouble(r), 1e-12);
            assertEquals(oi[t][k] - truth, d.doubleColumn("OI error").getDouble(r), 1e-12);
        }
        assertEquals(4, f.panels().size());
        assertThrows(IllegalArgumentException.class,
                () -> Coda2024.figure3cd(twin, Map.of("OI", results.get("OI")), SETTINGS));
    }

    @Test
    void figure3fCdfsAreDistributionsAndEnksDominatesOi() {
        Table d = Coda2024.figure3f(twin, results, SETTINGS).data();
        for (String m : new String[] {"OI", "EnKF", "EnKS"}) {
            DoubleColumn c = d.doubleColumn(m);
            for (int i = 1; i < c.size(); i++) {
                assertTrue(c.getDouble(i) >= c.getDouble(i - 1), m + " CDF must not decrease");
            }
            assertEquals(1.0, c.getDouble(c.size() - 1), 0.0, m + " CDF ends at 1");
        }
        DoubleColumn oi = d.doubleColumn("OI");
        DoubleColumn enks = d.doubleColumn("EnKS");
        for (int i = 0; i < oi.size(); i++) {
            assertTrue(enks.getDouble(i) >= oi.getDouble(i), "EnKS errors are stochastically smaller than OI's at row " + i);
        }
        // P(|error| <= 0.5): nearly all for the EnKS, a small part for OI.
        int half = 0;
        while (d.doubleColumn("abs error").getDouble(half) < 0.5) {
            half++;
        }
        assertTrue(enks.getDouble(half) > 0.95, "EnKS P(|e| <= 0.5) = " + enks.getDouble(half));
        assertTrue(oi.getDouble(half) < 0.3, "OI P(|e| <= 0.5) = " + oi.getDouble(half));
    }

    @Test
    void errorQuantilesInvertTheEmpiricalCdf() {
        Table q = Coda2024.errorQuantiles(twin, results, SETTINGS);
        assertEquals(3, q.rowCount());
        double[] probs = {0.5, 0.9, 0.99};
        String[] cols = {"q50", "q90", "q99"};
        for (int row = 0; row < 3; row++) {
            DaResult r = results.get(q.stringColumn("method").get(row));
            double[] err = Coda2024Figures.absoluteErrors(Coda2024Figures.bestEstimate(r), twin.truth(),
                    SETTINGS.burnIn());
            for (int j = 0; j < probs.length; j++) {
                double v = q.doubleColumn(cols[j]).getDouble(row);
                int atMost = 0;
                int below = 0;
                for (double e : err) {
                    atMost += e <= v ? 1 : 0;
                    below += e < v ? 1 : 0;
                }
                assertTrue(atMost >= probs[j] * err.length, "F(q) >= p");
                assertTrue(below < probs[j] * err.length, "F(q-) < p");
            }
        }
        assertTrue(q.doubleColumn("q50").getDouble(2) < 0.2 * q.doubleColumn("q50").getDouble(0), "EnKS vs OI median");
        assertThrows(IllegalArgumentException.class,
                () -> Coda2024Figures.errorQuantiles(twin, 0, results, 1.5));
    }

    @Test
    void figuresRender() {
        BufferedImage img = Coda2024.figure3cd(twin, results, SETTINGS).image();
        assertTrue(img.getWidth() >= 1000 && img.getHeight() >= 600, img.getWidth() + "x" + img.getHeight());
        assertTrue(Coda2024.figure3f(twin, results, SETTINGS).image().getWidth() > 0);
    }

    @Test
    void codaTrainedOnObservationsOnlyBeatsOptimalInterpolation() {
        Coda2024.CodaSettings small = new Coda2024.CodaSettings(6, 6, 1, new int[] {8, 16, 32}, 3, 16, 3e-3);
        Coda2024.CodaRun run = Coda2024.coda(twin, SETTINGS, small, null);
        assertEquals(3, run.fit().history().size());
        DaResult coda = run.result();
        assertEquals(twin.times(), coda.analysisMean().length);
        double codaRmse = coda.meanRmse(SETTINGS.burnIn());
        double oi = results.get("OI").meanRmse(SETTINGS.burnIn());
        assertTrue(codaRmse < 0.5 * oi, "CODA " + codaRmse + " vs OI " + oi);
        Map<String, DaResult> all = new java.util.LinkedHashMap<>(results);
        all.put("CODA", coda);
        Figure f = Coda2024.figure3cd(twin, all, SETTINGS, "OI", "EnKS", "CODA");
        assertEquals(6, f.panels().size());
        assertThrows(IllegalArgumentException.class, () -> Coda2024.figure3cd(twin, all, SETTINGS, "4DVar"));
        // The paper's forecast panel: independent observation sets, the trained network reused on each.
        Table sets = Coda2024.figure3ForecastOverSets(run.fit().model(), SETTINGS, 4).data();
        assertEquals(101, sets.rowCount());
        assertEquals(5.0, sets.doubleColumn("lead time").getDouble(100), 1e-9);
        double codaStart = sets.doubleColumn("CODA mean").getDouble(0);
        assertTrue(codaStart < 0.6 * sets.doubleColumn("OI mean").getDouble(0), "CODA " + codaStart + " vs OI");
        assertTrue(sets.doubleColumn("EnKS mean").getDouble(0) < codaStart);
        assertTrue(sets.doubleColumn("CODA std").getDouble(0) > 0, "the sets differ");
        run.fit().model().close();
    }

    @Test
    void forecastsFromBetterAnalysesStayCloserAndTheTruthHasNoError() {
        Map<String, DaResult> withTruth = new java.util.LinkedHashMap<>(results);
        double[][] truth = twin.truth();
        double[] zero = new double[truth.length];
        withTruth.put("truth", DaResult.score("truth", 0.01, truth, truth, zero, null, null));
        Table d = Coda2024Figures.forecastSkill(twin, SETTINGS.burnIn(), withTruth, 20, 300, 10).data();
        assertEquals(31, d.rowCount());
        assertEquals(3.0, d.doubleColumn("lead time").getDouble(30), 1e-12);
        for (int j = 0; j < d.rowCount(); j++) {
            assertEquals(0, d.doubleColumn("truth mean").getDouble(j), 1e-9, "forecast from the truth");
        }
        DoubleColumn oi = d.doubleColumn("OI mean");
        DoubleColumn enks = d.doubleColumn("EnKS mean");
        assertEquals(results.get("OI").meanRmse(SETTINGS.burnIn()), oi.getDouble(0), 0.5, "lead 0 is the analysis");
        assertTrue(enks.getDouble(0) < 0.3, "EnKS at lead 0");
        assertTrue(enks.getDouble(10) > enks.getDouble(0), "errors grow with lead time (chaos)");
        assertTrue(enks.getDouble(20) < oi.getDouble(20), "EnKS forecast beats OI at lead 2 MTU");
        assertThrows(IllegalArgumentException.class,
                () -> Coda2024Figures.forecastSkill(twin, SETTINGS.burnIn(), results, 20, twin.times(), 10));
        assertEquals(1, Coda2024.figure3Forecast(twin, results, SETTINGS).panels().size());
        // Over independent sets: forecasts from the truth itself have no error at any lead.
        java.util.List<Twin> sets = java.util.List.of(twin, CodaBaselines.experiment(200, 5).generate());
        Table t = Coda2024Figures.forecastSkillOverSets(sets, Map.of("truth", Twin::truth), 150, 100, 10).data();
        assertEquals(11, t.rowCount());
        for (int j = 0; j < t.rowCount(); j++) {
            assertEquals(0, t.doubleColumn("truth mean").getDouble(j), 1e-9);
        }
        assertThrows(IllegalArgumentException.class,
                () -> Coda2024Figures.forecastSkillOverSets(sets, Map.of("truth", Twin::truth), 200, 100, 10));
    }

    @Test
    void settingsRejectBadRanges() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Coda2024.Settings(100, 100, 10, 1));
        assertTrue(e.getMessage().contains("burnIn"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Coda2024.Settings(100, 10, 0, 1));
        assertTrue(e.getMessage().contains("window"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Coda2024.Settings(1, 0, 1, 1));
        assertEquals(2000, Coda2024.Settings.of(Profile.FAST).times());
        assertEquals(10_000, Coda2024.Settings.of(Profile.PAPER).times());
    }
}
