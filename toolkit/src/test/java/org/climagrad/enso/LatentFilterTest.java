package org.climagrad.enso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.climagrad.da.Localization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The latent EnKF in a perfect-model twin: the truth is another run of the operational model, so
 * the autoencoder and the latent dynamics fit it, and the analysis must recover the fields at the
 * points it does not observe.
 */
class LatentFilterTest {
    private static final EquatorialGrid GRID = EquatorialGrid.standard();
    private static final ObservationNetwork NET = ObservationNetwork.points(GRID, 120, 160, 200, 240, 280);
    private static FieldAutoencoder.Trained ae;
    private static LatentDynamics dynamics;
    private static double[][] latent;
    private static double[][] truth;
    private static double[][] y;

    @BeforeAll
    static void setUp() {
        OperationalEnso op = OperationalEnso.biased();
        double[][] idx = op.indices(1200, 1);
        double[][] train = op.fieldModel(GRID).fields(idx[0], idx[1], 2);
        ae = FieldAutoencoder.builder().setLatent(4).setHidden(8).setEpochs(10).setBatchSize(32).setLearningRate(3e-3)
                .optSeed(1).build().fit(train, null);
        latent = ae.encode(train);
        dynamics = LatentDynamics.fit(latent);
        double[][] tIdx = op.indices(240, 3);
        truth = op.fieldModel(GRID).fields(tIdx[0], tIdx[1], 4);
        y = NET.observe(truth);
        Random rng = new Random(5);
        for (double[] row : y) {
            for (int j = 0; j < row.length; j++) {
                row[j] += 0.1 * rng.nextGaussian();
            }
        }
    }

    @AfterAll
    static void tearDown() {
        ae.close();
    }

    private static LatentFilter.Builder filter() {
        return LatentFilter.builder().setAutoencoder(ae).setDynamics(dynamics).setNetwork(NET).setClimatology(latent)
                .optEnsembleSize(16).optInflation(1.2).optObservationError(0.1).optSeed(7);
    }

    /** RMSE over the points the network does not observe. */
    private static double unobservedRmse(double[][] a, double[][] b) {
        double s = 0;
        int n = 0;
        for (int t = 0; t < a.length; t++) {
            for (int i = 0; i < GRID.size(); i++) {
                if (i % 20 != 0) {
                    s += (a[t][i] - b[t][i]) * (a[t][i] - b[t][i]);
                    n++;
                }
            }
        }
        return Math.sqrt(s / n);
    }

    @Test
    void theAnalysisRecoversUnobservedPoints() {
        LatentCorrection c = filter().build().run(y, null);
        double[][] climatology = new double[truth.length][GRID.size()];
        double analysis = unobservedRmse(c.corrected(), truth);
        double forecast = unobservedRmse(c.forecast(), truth);
        double none = unobservedRmse(climatology, truth);
        assertTrue(analysis < 0.5 * none, "analysis RMSE " + analysis + " vs climatology " + none);
        assertTrue(analysis < forecast, "analysis " + analysis + " vs forecast " + forecast);
        double spread = 0;
        for (double[] row : c.spread()) {
            for (double v : row) {
                spread += v / (row.length * c.months());
            }
        }
        assertTrue(spread > 0.01 && spread < 1, "mean spread " + spread);
        assertEquals(NET.size(), c.innovationRms().length);
        assertEquals(4, c.latentIncrements()[0].length);
    }

    @Test
    void uselessObservationsLeaveTheForecastAlone() {
        // Inflation 1: with nothing observed, λ ρ(A) > 1 would grow the spread without bound.
        LatentCorrection c = filter().optObservationError(1e4).optInflation(1).build().run(y, null);
        double[][] inc = c.fieldIncrements();
        double worst = 0;
        for (double[] row : inc) {
            for (double v : row) {
                worst = Math.max(worst, Math.abs(v));
            }
        }
        assertTrue(worst < 1e-3, "largest increment with sigma = 1e4: " + worst);
    }

    @Test
    void aVeryWideLatentLocalisationIsNoLocalisation() {
        double[][] shortY = java.util.Arrays.copyOf(y, 24);
        LatentCorrection plain = filter().build().run(shortY, null);
        LatentCorrection wide = filter().optLocalization(new Localization.GaspariCohn(1e7)).build().run(shortY, null);
        for (int t = 0; t < shortY.length; t++) {
            for (int i = 0; i < GRID.size(); i++) {
                assertEquals(plain.corrected(t, i), wide.corrected(t, i), 1e-6);
            }
        }
        double[] pos = filter().build().latentPositions();
        for (double p : pos) {
            assertTrue(p >= 120 && p <= 280, "latent position " + p);
        }
    }

    @Test
    void badInputNamesTheParameter() {
        LatentDynamics three = LatentDynamics.fit(java.util.Arrays.stream(latent).map(z -> java.util.Arrays.copyOf(z, 3))
                .toArray(double[][]::new));
        var dim = assertThrows(IllegalArgumentException.class, () -> filter().setDynamics(three).build());
        assertTrue(dim.getMessage().contains("dynamics"), dim.getMessage());
        EquatorialGrid coarse = new EquatorialGrid(120, 280, 4);
        var grid = assertThrows(IllegalArgumentException.class,
                () -> filter().setNetwork(ObservationNetwork.ninoIndices(coarse)).build());
        assertTrue(grid.getMessage().contains("network"), grid.getMessage());
        var size = assertThrows(IllegalArgumentException.class,
                () -> filter().setClimatology(java.util.Arrays.copyOf(latent, 5)).build());
        assertTrue(size.getMessage().contains("ensembleSize"), size.getMessage());
        var obs = assertThrows(IllegalArgumentException.class, () -> filter().build().run(new double[10][3], null));
        assertTrue(obs.getMessage().contains("observations"), obs.getMessage());
        assertThrows(IllegalArgumentException.class, () -> filter().optInflation(0.9).build());
        assertThrows(IllegalArgumentException.class, () -> LatentFilter.builder().build());
    }
}
