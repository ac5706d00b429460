package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** CODA Fig. 5: joint tuning of F from a random start. */
class Coda2024TuningTest {
    /**
     * Seeds 4 and 15 start F at 6.39 and 9.98, far below and above the truth 8. The network is the
     * fast profile's reference U-Net (16/32/64); measured: tuned F 6.92 and 7.28 (with 8/16/32 run 0
     * only reached 6.79).
     */
    static final Coda2024Tuning.Settings SMALL = new Coda2024Tuning.Settings(1000, 300, new double[] {8},
            new long[] {4, 15}, 8, 0.25, 0.05, 1, new Coda2024.CodaSettings(5, 5, 1, new int[] {16, 32, 64}, 5, 16,
                    3e-3));

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
        double[] initial = r.runs().doubleColumn("initialF").asDoubleArray();
        double[] tuned = r.runs().doubleColumn("tunedF").asDoubleArray();
        assertTrue(initial[0] < 7 && initial[1] > 9, "the runs start far from the truth on both sides: "
                + java.util.Arrays.toString(initial));
        for (int i = 0; i < 2; i++) {
            // Each run moves F towards the truth (a run that did not tune fails this) ...
            assertTrue(Math.abs(tuned[i] - 8) < 0.7 * Math.abs(initial[i] - 8), "run " + i + ": F " + initial[i]
                    + " -> " + tuned[i]);
        }
        // ... and both end near one value: starts 3.6 apart, tuned 0.36 apart (measured). That value is
        // 6.9-7.3, not 8: a briefly trained network's analyses are too smooth and pull F low (README,
        // Fig. 5), so "within 3 %" and "halves the initial error" need the paper profile.
        assertTrue(Math.abs(tuned[1] - tuned[0]) < 0.25 * Math.abs(initial[1] - initial[0]),
                "tuned F " + java.util.Arrays.toString(tuned) + " from " + java.util.Arrays.toString(initial));
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
