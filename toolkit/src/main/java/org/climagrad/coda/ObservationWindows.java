package org.climagrad.coda;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.climagrad.core.Check;
import org.climagrad.obs.Observations;

/**
 * Input windows for {@link CodaNet} (CODA, Zinchenko &amp; Greenberg 2024, Sec. 2.2): for each
 * centre time t the observations y_{t−w..t+w} and their mask, stacked as
 * {@code [batch, 2, 2w + 1, nx]} float32 with channel {@link CodaNet#VALUES} = observed values
 * (0 where missing) and channel {@link CodaNet#MASK} = 1 where observed, 0 where missing.
 * Valid centres are w..times − 1 − w.
 */
public final class ObservationWindows {
    private ObservationWindows() {}

    /** The valid centre times w, w + 1, ..., times − 1 − w (empty if the record is too short). */
    public static int[] validCentres(Observations obs, int halfWidth) {
        Check.atLeast("halfWidth", halfWidth, 0);
        int n = Math.max(0, obs.times() - 2 * halfWidth);
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = halfWidth + i;
        }
        return c;
    }

    /**
     * The network input for the given centre times.
     *
     * @param manager where the array is created
     * @param obs observations {@code [time][nx]}
     * @param centres centre times, each in [w, times − 1 − w]
     * @param halfWidth window half-width w ≥ 0
     * @return {@code [centres.length, 2, 2w + 1, nx]} float32 on {@code manager}
     */
    public static NDArray inputs(NDManager manager, Observations obs, int[] centres, int halfWidth) {
        Check.atLeast("halfWidth", halfWidth, 0);
        Check.atLeast("centres.length", centres.length, 1);
        int times = obs.times();
        int nx = obs.nx();
        int window = 2 * halfWidth + 1;
        double[][] values = obs.values();
        boolean[][] mask = obs.mask();
        float[] flat = new float[centres.length * 2 * window * nx];
        int plane = window * nx;
        for (int b = 0; b < centres.length; b++) {
            int t0 = centres[b] - halfWidth;
            if (t0 < 0 || centres[b] + halfWidth > times - 1) {
                throw new IllegalArgumentException("centres[" + b + "] = " + centres[b] + ": must be in ["
                        + halfWidth + ", " + (times - 1 - halfWidth) + "] for halfWidth " + halfWidth
                        + " and " + times + " observation times");
            }
            int vo = (2 * b + CodaNet.VALUES) * plane;
            int mo = (2 * b + CodaNet.MASK) * plane;
            for (int s = 0; s < window; s++) {
                for (int i = 0; i < nx; i++) {
                    boolean seen = mask[t0 + s][i];
                    flat[vo + s * nx + i] = seen ? (float) values[t0 + s][i] : 0f;
                    flat[mo + s * nx + i] = seen ? 1f : 0f;
                }
            }
        }
        return manager.create(flat, new Shape(centres.length, 2, window, nx));
    }
}
