package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.climagrad.coda.CodaModel;
import org.climagrad.obs.Twin;
import org.climagrad.plot.Figure;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** CODA Fig. 4: the α sweep and the missing-fraction × noise grid. */
class Coda2024SensitivityTest {
    static final Coda2024Sensitivity.Settings SMALL = new Coda2024Sensitivity.Settings(800, 300,
            List.of(new Coda2024Sensitivity.WindowRollout(5, 5)), new double[] {0, 1}, Coda2024SubGridTest.TINY,
            new double[] {0.5, 0.95}, new double[] {0.5, 3}, 12);

    @Test
    void testTwinsHaveTheRequestedMissingFractionAndNoise() {
        Twin t = Coda2024Sensitivity.testTwin(SMALL, 0.9, 2.5, 1);
        assertEquals(0.1, t.observations().observedFraction(), 0.02);
        assertEquals(2.5, t.observations().sigma(), 0.0);
        assertEquals(SMALL.testTimes(), t.times());
        Twin u = Coda2024Sensitivity.testTwin(SMALL, 0.9, 2.5, 2);
        assertTrue(u.truthAt(0)[0] != t.truthAt(0)[0], "independent test twins");
    }

    @Test
    void alphaSweepTrainsOneNetworkPerPairAndAlpha() {
        Figure f = Coda2024Sensitivity.figure4a(SMALL, null);
        Table t = f.data();
        assertEquals(2, t.rowCount());
        assertEquals(0.0, t.doubleColumn("alpha").get(0), 0.0);
        for (int r = 0; r < 2; r++) {
            double rmse = t.doubleColumn("RMSE").get(r);
            // Measured with seeds 12-14 (both α): 1.46-1.50, 1.96-2.06, 2.19; climatology 3.6.
            assertTrue(rmse < 2.6, "trained CODA, seeds 12-14 reached 1.5-2.2: " + t.row(r));
        }
    }

    @Test
    void gridDegradesWithNoiseAndMissingData() {
        try (CodaModel model = Coda2024Sensitivity.trainReference(SMALL, null).model()) {
            Table t = Coda2024Sensitivity.figure4b(model, SMALL).data();
            assertEquals(4, t.rowCount());
            for (int r = 0; r < 4; r++) {
                assertEquals(t.doubleColumn("RMSE").get(r) / t.doubleColumn("sigma").get(r),
                        t.doubleColumn("RMSE/sigma").get(r), 1e-12);
            }
            // rows: (0.5, 0.5), (0.5, 3), (0.95, 0.5), (0.95, 3)
            assertTrue(t.doubleColumn("RMSE").get(1) > t.doubleColumn("RMSE").get(0), "noisier is worse: " + t);
            assertTrue(t.doubleColumn("RMSE").get(2) > t.doubleColumn("RMSE").get(0), "sparser is worse: " + t);
        }
    }

    @Test
    void rejectsBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Coda2024Sensitivity.Settings(800, 300, List.of(new Coda2024Sensitivity.WindowRollout(5, 5)),
                        new double[] {0}, Coda2024SubGridTest.TINY, new double[] {1.0}, new double[] {1}, 1));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Coda2024Sensitivity.WindowRollout(0, 5));
        assertTrue(e.getMessage().contains("halfWidth"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Coda2024SubGridTest.TINY.withWindow(5, 5, -1));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
    }
}
