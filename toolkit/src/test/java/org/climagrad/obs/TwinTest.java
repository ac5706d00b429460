package org.climagrad.obs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Twin}: shapes validated at construction, copying and indexed getters. */
class TwinTest {
    static double[][] states(int times, int nx) {
        double[][] x = new double[times][nx];
        for (int t = 0; t < times; t++) {
            for (int k = 0; k < nx; k++) {
                x[t][k] = t + 0.1 * k;
            }
        }
        return x;
    }

    static Observations observations(int times, int nx) {
        return ObservationModel.builder().setSigma(0).build().observe(states(times, nx), 1);
    }

    @Test
    void rejectsObservationsOfAnotherLengthOrStateSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Twin(null, states(50, 4), observations(200, 4)));
        assertTrue(e.getMessage().contains("observations") && e.getMessage().contains("50")
                && e.getMessage().contains("200"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Twin(null, states(50, 4), observations(50, 5)));
        assertTrue(e.getMessage().contains("observations") && e.getMessage().contains("nx"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Twin(null, new double[0][], observations(1, 4)));
        assertTrue(e.getMessage().contains("truth"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Twin(null, new double[][] {{1, 2}, {3}}, observations(2, 2)));
        assertTrue(e.getMessage().contains("truth"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Twin(null, states(3, 2), null));
        assertTrue(e.getMessage().contains("observations"), e.getMessage());
    }

    @Test
    void copiesAndIndexedGettersAgree() {
        double[][] x = states(6, 3);
        Twin twin = new Twin(null, x, observations(6, 3));
        x[2][1] = 99;
        assertEquals(6, twin.times());
        assertEquals(3, twin.nx());
        assertEquals(2.1, twin.truth(2, 1), 0.0);
        twin.truth()[2][1] = 99;
        assertEquals(2.1, twin.truth()[2][1], 0.0);
        assertArrayEquals(twin.truth()[4], twin.truthAt(4), 0.0);
        assertEquals(twin.observations().valuesAt(3)[2], twin.observations().value(3, 2), 0.0);
        assertTrue(twin.observations().observed(3, 2));
    }
}
