package org.climagrad.coda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.climagrad.obs.Observations;
import org.junit.jupiter.api.Test;

class ObservationWindowsTest {
    /** 7 times, 4 points; value 10 t + i, observed where (t + i) is even. */
    private static Observations small() {
        double[][] v = new double[7][4];
        boolean[][] m = new boolean[7][4];
        for (int t = 0; t < 7; t++) {
            for (int i = 0; i < 4; i++) {
                m[t][i] = (t + i) % 2 == 0;
                v[t][i] = m[t][i] ? 10 * t + i : 0;
            }
        }
        return new Observations(v, m, 1);
    }

    @Test
    void windowsHoldValuesAndMaskAroundEachCentre() {
        Observations obs = small();
        assertArrayEquals(new int[] {2, 3, 4}, ObservationWindows.validCentres(obs, 2));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray in = ObservationWindows.inputs(manager, obs, new int[] {2, 4}, 2, CodaInputs.VALUES_MASK);
            assertEquals(new Shape(2, 2, 5, 4), in.getShape());
            assertEquals(DataType.FLOAT32, in.getDataType());
            float[] f = in.toFloatArray();
            for (int b = 0; b < 2; b++) {
                int centre = 2 + 2 * b;
                for (int s = 0; s < 5; s++) {
                    int t = centre - 2 + s;
                    for (int i = 0; i < 4; i++) {
                        boolean seen = (t + i) % 2 == 0;
                        assertEquals(seen ? 10 * t + i : 0, f[((2 * b) * 5 + s) * 4 + i], 0, "value");
                        assertEquals(seen ? 1 : 0, f[((2 * b + 1) * 5 + s) * 4 + i], 0, "mask");
                    }
                }
            }
        }
    }

    /** The reference layout adds the relative time index k = s − w and k × value (0 where missing). */
    @Test
    void referenceLayoutAddsRelativeTimeAndTimeTimesValue() {
        Observations obs = small();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray in = ObservationWindows.inputs(manager, obs, new int[] {3}, 2, CodaInputs.VALUES_MASK_TIME);
            assertEquals(new Shape(1, 4, 5, 4), in.getShape());
            float[] f = in.toFloatArray();
            for (int s = 0; s < 5; s++) {
                int t = 1 + s;
                for (int i = 0; i < 4; i++) {
                    boolean seen = (t + i) % 2 == 0;
                    double v = seen ? 10 * t + i : 0;
                    assertEquals(v, f[(CodaInputs.VALUES * 5 + s) * 4 + i], 0, "value");
                    assertEquals(seen ? 1 : 0, f[(CodaInputs.MASK * 5 + s) * 4 + i], 0, "mask");
                    assertEquals(s - 2, f[(CodaInputs.TIME * 5 + s) * 4 + i], 0, "k");
                    assertEquals((s - 2) * v, f[(CodaInputs.TIME_VALUES * 5 + s) * 4 + i], 0, "k * value");
                }
            }
        }
    }

    @Test
    void centresOutsideTheRecordAreRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ObservationWindows.inputs(manager, small(), new int[] {3, 5}, 2, CodaInputs.VALUES_MASK_TIME));
            assertTrue(e.getMessage().startsWith("centres[1] = 5: must be in [2, 4]"), e.getMessage());
        }
        assertEquals(0, ObservationWindows.validCentres(small(), 4).length);
    }
}
