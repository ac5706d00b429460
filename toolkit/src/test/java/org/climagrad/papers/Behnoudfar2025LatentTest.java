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
 * The latent assimilation of Behnoudfar et al. (2025) in the fast profile (300 years, d = 8 from
 * the leading EOFs, N = 20, σ = 0.03 K). Every claim of the paper is asserted; the measured values
 * are in the README.
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

    private static double value(Table claims, String quantity, String column) {
        return claims.where(claims.stringColumn("quantity").isEqualTo(quantity)).doubleColumn(column).get(0);
    }

    @Test
    void theCorrectedModelInheritsTheIdealizedModelsStatistics() {
        Table claims = Behnoudfar2025Figures.claims(c);
        assertEquals(8, claims.rowCount());
        // The paper's claims with this test's own bounds: each statistic within 15 % of the truth ...
        for (String q : java.util.List.of("Niño3 variance", "Niño3 skewness", "Niño4 variance", "Niño4 skewness",
                "period [yr]")) {
            double truth = value(claims, q, "truth");
            double corrected = value(claims, q, "corrected");
            assertTrue(Math.abs(corrected - truth) <= 0.15 * Math.abs(truth), q + ": " + corrected + " vs truth " + truth
                    + "\n" + claims.printAll());
        }
        // ... the EP/CP ratio closer to the truth than the operational model's ...
        double ep = value(claims, "EP/CP ratio", "truth");
        assertTrue(Math.abs(value(claims, "EP/CP ratio", "corrected") - ep)
                < Math.abs(value(claims, "EP/CP ratio", "operational") - ep), claims.printAll());
        // ... and the verdict column says the same as these numbers.
        for (int r = 0; r < claims.rowCount(); r++) {
            assertTrue(claims.booleanColumn("met").get(r), claims.stringColumn("quantity").get(r) + " not met:\n"
                    + claims.printAll());
        }
        double[] op = Behnoudfar2025Figures.unobservedRmse(c, c.data().operationalField());
        double[] cor = Behnoudfar2025Figures.unobservedRmse(c, c.result().corrected());
        assertTrue(cor[1] < 0.25 * op[1], "local skewness RMSE " + cor[1] + " vs operational " + op[1]);
        assertTrue(cor[0] < 0.25 * op[0], "local std RMSE " + cor[0] + " vs operational " + op[0]);
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
        assertEquals(8, t.intColumn(0).get(1));
        double ev2 = t.doubleColumn(1).get(0);
        double ev8 = t.doubleColumn(1).get(1);
        assertTrue(ev2 > 0.8 && ev8 > ev2 + 0.05 && ev8 >= 0.99 && ev8 < 1, "explained variance d=2 " + ev2 + ", d=8 " + ev8);
        // The truth's fields (EP pattern 20° further east) are explained less well, but d = 8 holds nearly all of them.
        double truth2 = t.doubleColumn(2).get(0);
        double truth8 = t.doubleColumn(2).get(1);
        assertTrue(truth2 < ev2 && truth8 > 0.97, "truth d=2 " + truth2 + ", d=8 " + truth8);
    }

    @Test
    void figuresCarryTheirData() {
        Figure f3 = Behnoudfar2025Figures.figure3(c);
        assertEquals(3, f3.data().rowCount());
        assertEquals(7, f3.panels().size());
        Figure f4 = Behnoudfar2025Figures.figure4(c, 250);
        assertEquals(c.autoencoder().latent(), f4.data().rowCount());
        assertEquals(4, f4.panels().size());
        // Warm months (truth Niño3 > 1 K): the correction warms the far east, where the operational EP pattern is
        // too weak, and cools the central Pacific, where it sits (measured +0.77 K at 256°E, −0.41 K at 208°E).
        double[][] inc = c.result().fieldIncrements();
        double[] n3 = c.data().truth(0);
        int east = c.data().grid().index(256);
        int central = c.data().grid().index(208);
        double we = 0;
        double wc = 0;
        int warm = 0;
        for (int t = 0; t < inc.length; t++) {
            if (n3[t] > 1) {
                we += inc[t][east];
                wc += inc[t][central];
                warm++;
            }
        }
        assertTrue(warm > 50 && we / warm > 0.4 && wc / warm < -0.2, "warm-month increments " + we / warm + ", " + wc / warm);
        double[][] modes = Behnoudfar2025Latent.decodedModes(c.autoencoder(), c.result().analysisLatent());
        assertEquals(8, modes.length);
    }
}
