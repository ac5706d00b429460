package org.climagrad.coda;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.climagrad.core.Check;
import org.climagrad.obs.Observations;

/**
 * Input windows for {@link CodaNet} (CODA, Zinchenko &amp; Greenberg 2024, Sec. 2.2): for each
 * centre time t the observations y_{t−w..t+w} and their mask, stacked as
 * {@code [batch, channels, 2w + 1, nx]} float32 in the channel layout of {@link CodaInputs}
 * (values, mask and, in the reference layout, the relative time index k and k × value).
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
     * @param layout the channel layout
     * @return {@code [centres.length, layout.channels(), 2w + 1, nx]} float32 on {@code manager}
     */
    public static NDArray inputs(NDManager manager, Observations obs, int[] centres, int halfWidth,
            CodaInputs layout) {
        Check.atLeast("halfWidth", halfWidth, 0);
        float[][][] f = floats(obs);
        return inputs(manager, f[0], f[1], centres, halfWidth, layout);
    }

    /** Float copies of a record: {values (0 where missing), mask (1 observed, 0 missing)}, each {@code [time][nx]}. */
    static float[][][] floats(Observations obs) {
        double[][] v = obs.values();
        boolean[][] m = obs.mask();
        float[][] values = new float[v.length][];
        float[][] mask = new float[v.length][];
        for (int t = 0; t < v.length; t++) {
            values[t] = new float[v[t].length];
            mask[t] = new float[v[t].length];
            for (int i = 0; i < v[t].length; i++) {
                if (m[t][i]) {
                    values[t][i] = (float) v[t][i];
                    mask[t][i] = 1;
                }
            }
        }
        return new float[][][] {values, mask};
    }

    /**
     * The same from float copies of the record (values 0 where missing, mask 0/1), without copying
     * the record per call (a trainer cuts thousands of batches from one long record).
     */
    static NDArray inputs(NDManager manager, float[][] values, float[][] mask, int[] centres, int halfWidth,
            CodaInputs layout) {
        Check.atLeast("halfWidth", halfWidth, 0);
        Check.atLeast("centres.length", centres.length, 1);
        int times = values.length;
        int nx = values[0].length;
        int window = 2 * halfWidth + 1;
        int channels = layout.channels();
        float[] flat = new float[centres.length * channels * window * nx];
        int plane = window * nx;
        for (int b = 0; b < centres.length; b++) {
            int t0 = centres[b] - halfWidth;
            if (t0 < 0 || centres[b] + halfWidth > times - 1) {
                throw new IllegalArgumentException("centres[" + b + "] = " + centres[b] + ": must be in ["
                        + halfWidth + ", " + (times - 1 - halfWidth) + "] for halfWidth " + halfWidth
                        + " and " + times + " observation times");
            }
            int vo = (channels * b + CodaInputs.VALUES) * plane;
            int mo = (channels * b + CodaInputs.MASK) * plane;
            int ko = (channels * b + CodaInputs.TIME) * plane;
            int kvo = (channels * b + CodaInputs.TIME_VALUES) * plane;
            for (int s = 0; s < window; s++) {
                float k = s - halfWidth;
                float[] vs = values[t0 + s];
                System.arraycopy(vs, 0, flat, vo + s * nx, nx);
                System.arraycopy(mask[t0 + s], 0, flat, mo + s * nx, nx);
                if (channels == 4) {
                    for (int i = 0; i < nx; i++) {
                        flat[ko + s * nx + i] = k;
                        flat[kvo + s * nx + i] = k * vs[i];
                    }
                }
            }
        }
        return manager.create(flat, new Shape(centres.length, channels, window, nx));
    }
}
