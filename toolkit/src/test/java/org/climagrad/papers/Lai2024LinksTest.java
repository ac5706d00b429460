package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.climagrad.core.Profile;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Lai (2024) closing notebook: the lecture's ideas measured in the emulator MLP and the CODA network. */
class Lai2024LinksTest {
    @Test
    void emulatorFitsBetterWithMoreHiddenUnits() {
        Table t = Lai2024Links.emulatorWidth(new int[] {1, 16}, Womack2026.Settings.of(Profile.FAST)).data();
        double[] train = t.doubleColumn("training NRMSE").asDoubleArray();
        double[] held = t.doubleColumn("held-out NRMSE").asDoubleArray();
        // Measured: training 0.050 → 0.013, held out 0.28 → 0.16.
        assertTrue(train[1] < 0.5 * train[0], t.print());
        assertTrue(held[1] < 0.8 * held[0], t.print());
        assertEquals(16 * (30 + 2) + 1, t.intColumn("parameters").get(1));
    }

    @Test
    void backpropagationCostsAFewForwardPassesWhereFiniteDifferencesCostMillions() {
        Table t = Lai2024Links.backpropAtScale(2);
        long p = t.longColumn("parameters").get(0);
        assertTrue(p > 100_000, "CodaNet parameters: " + p);
        assertTrue(t.doubleColumn("backward/forward").get(0) < 10, t.print());
        // The FD column is timed separately (one weight perturbed ±h, two forwards, restored): one
        // difference costs about as much as one backpropagation step, so the full FD gradient
        // costs about P steps. Bound: at least P / 10 steps.
        double oneDifference = t.doubleColumn("one central difference ms (measured)").get(0);
        assertTrue(oneDifference > 0.5 * t.doubleColumn("forward ms").get(0), t.print());
        assertTrue(t.doubleColumn("FD / backprop").get(0) > p / 10.0, t.print());
    }

    @Test
    void mapAndBadInput() {
        assertEquals(6, Lai2024Links.map().rowCount());
        Womack2026.Settings s = Womack2026.Settings.of(Profile.FAST);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lai2024Links.emulatorWidth(new int[] {4, 0}, s));
        assertTrue(e.getMessage().contains("hidden[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Lai2024Links.emulatorWidth(new int[0], s));
        assertThrows(IllegalArgumentException.class, () -> Lai2024Links.backpropAtScale(0));
    }
}
