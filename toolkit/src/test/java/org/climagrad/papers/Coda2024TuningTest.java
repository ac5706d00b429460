package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** CODA Fig. 5: joint tuning of F from a random start. */
class Coda2024TuningTest {
    static final Coda2024Tuning.Settings SMALL = new Coda2024Tuning.Settings(1000, 300, new double[] {8},
            new long[] {5, 6}, 8, 0.25, 0.05, 1, Coda2024SubGridTest.TINY.withEpochs(5));

    @Test
    void initialForcingIsSeededAndWithinTheSpread() {
        double a = Coda2024Tuning.initialForcing(SMALL, 8, 5);
        assertEquals(a, Coda2024Tuning.initialForcing(SMALL, 8, 5), 0.0);
        double min = 99;
        double max = -99;
        for (long seed = 0; seed < 50; seed++) {
            double f = Coda2024Tuning.initialForcing(SMALL, 8, seed);
            assertTrue(f >= 6 && f <= 10, "initial F " + f);
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        assertTrue(max - min > 2, "seeds spread the initial F over the range: " + min + " … " + max);
    }

    @Test
    void figureTunesEveryRunTowardsTheTruth() {
        Coda2024Tuning.Result r = Coda2024Tuning.figure5(SMALL, null);
        assertEquals(2, r.runs().rowCount());
        for (int i = 0; i < 2; i++) {
            double initial = r.runs().doubleColumn("initialF").get(i);
            double tuned = r.runs().doubleColumn("tunedF").get(i);
            // Fast-profile bound (the paper's 3 % needs the paper profile): within 12 % of the truth.
            assertTrue(Math.abs(tuned - 8) / 8 < 0.12, "run " + i + ": F " + initial + " -> " + tuned);
        }
        assertEquals(r.trace().rowCount() / 2, r.trace().where(r.trace().intColumn("run").isEqualTo(0)).rowCount());
        assertEquals(2 * 5, r.rmse().rowCount(), "one RMSE per run and epoch");
    }

    @Test
    void rejectsBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Coda2024Tuning.Settings(
                1000, 300, new double[] {0.5}, new long[] {1}, 8, 0.25, 0.05, 1, Coda2024SubGridTest.TINY));
        assertTrue(e.getMessage().contains("forcings"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Coda2024Tuning.Settings(
                1000, 300, new double[] {8}, new long[] {1}, 8, 1.0, 0.05, 1, Coda2024SubGridTest.TINY));
        assertTrue(e.getMessage().contains("initialSpread"), e.getMessage());
    }
}
