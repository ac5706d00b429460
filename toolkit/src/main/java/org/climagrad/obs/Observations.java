package org.climagrad.obs;

import java.util.Arrays;

/**
 * Sparse noisy observations y_t = x_t + ε_t, ε ~ N(0, σ² I), on the variables where
 * {@code mask[t][i]} is true. Immutable; getters return copies.
 *
 * <p>Shapes {@code [time][nx]}. Unobserved entries of {@code values} are 0 and carry no
 * information; always read them together with the mask.
 *
 * @param values observed values {@code [time][nx]}
 * @param mask true where observed {@code [time][nx]}
 * @param sigma observation-error standard deviation σ ≥ 0 (state units)
 */
public record Observations(double[][] values, boolean[][] mask, double sigma) {
    /** Validates shapes and copies the arrays. */
    public Observations {
        if (values.length != mask.length) {
            throw new IllegalArgumentException("values has " + values.length + " times and mask " + mask.length
                    + ": must be equal");
        }
        for (int t = 0; t < values.length; t++) {
            if (values[t].length != mask[t].length) {
                throw new IllegalArgumentException("values[" + t + "] and mask[" + t + "] differ in length");
            }
        }
        values = deepCopy(values);
        mask = deepCopy(mask);
    }

    /** Number of observation times. */
    public int times() {
        return values.length;
    }

    /** State size. */
    public int nx() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** Observed values {@code [time][nx]} (a copy; in loops use {@link #value(int, int)}). */
    @Override
    public double[][] values() {
        return deepCopy(values);
    }

    /** True where observed {@code [time][nx]} (a copy; in loops use {@link #observed(int, int)}). */
    @Override
    public boolean[][] mask() {
        return deepCopy(mask);
    }

    /** The observed value at one time and variable (0 where unobserved), without copying. */
    public double value(int time, int k) {
        return values[time][k];
    }

    /** Whether variable {@code k} is observed at {@code time}, without copying. */
    public boolean observed(int time, int k) {
        return mask[time][k];
    }

    /** Values at one time {@code [nx]} (copy). */
    public double[] valuesAt(int t) {
        return values[t].clone();
    }

    /** Mask at one time {@code [nx]} (copy). */
    public boolean[] maskAt(int t) {
        return mask[t].clone();
    }

    /** Indices of the observed variables at time t, ascending. */
    public int[] observedAt(int t) {
        int n = 0;
        for (boolean b : mask[t]) {
            n += b ? 1 : 0;
        }
        int[] idx = new int[n];
        int j = 0;
        for (int i = 0; i < mask[t].length; i++) {
            if (mask[t][i]) {
                idx[j++] = i;
            }
        }
        return idx;
    }

    /** Fraction of entries observed over all times. */
    public double observedFraction() {
        long n = 0;
        long all = 0;
        for (boolean[] row : mask) {
            for (boolean b : row) {
                n += b ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : (double) n / all;
    }

    /** The values with NaN where unobserved {@code [time][nx]}, for plotting. */
    public double[][] valuesWithGaps() {
        double[][] v = deepCopy(values);
        for (int t = 0; t < v.length; t++) {
            for (int i = 0; i < v[t].length; i++) {
                if (!mask[t][i]) {
                    v[t][i] = Double.NaN;
                }
            }
        }
        return v;
    }

    private static double[][] deepCopy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }

    private static boolean[][] deepCopy(boolean[][] a) {
        boolean[][] c = new boolean[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
