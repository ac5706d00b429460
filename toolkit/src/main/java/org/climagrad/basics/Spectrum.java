package org.climagrad.basics;

import org.climagrad.core.Check;

/**
 * Discrete Fourier amplitudes of equispaced samples (plain DFT, O(N²) in 1-D; separable in 2-D),
 * for the frequency analyses of spectral bias and of multistage residuals.
 */
public final class Spectrum {
    private Spectrum() {}

    /**
     * |c_k| = |Σ_j v_j e^{−2πi jk/N}| / N for k = 0 … N/2 (cycles per record length).
     *
     * @param v N ≥ 2 samples
     */
    public static double[] amplitudes(double[] v) {
        Check.atLeast("v.length", v.length, 2);
        int n = v.length;
        double[] a = new double[n / 2 + 1];
        for (int k = 0; k < a.length; k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                double phi = -2 * Math.PI * (long) j * k / n;
                re += v[j] * Math.cos(phi);
                im += v[j] * Math.sin(phi);
            }
            a[k] = Math.hypot(re, im) / n;
        }
        return a;
    }

    /**
     * The frequency k ≥ 1 (cycles per record) of the largest amplitude of v after a Hann window
     * w_j = ½ − ½ cos(2πj/(N − 1)). A record that is not periodic (a residual on [a, b]) leaks its
     * end-to-end jump and curvature into the lowest bins; the window tapers both ends to zero, so
     * the peak is the oscillation the record carries, within one bin.
     *
     * @param v N ≥ 4 samples
     */
    public static int dominantFrequency(double[] v) {
        Check.atLeast("v.length", v.length, 4);
        int n = v.length;
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            d[j] = v[j] * (0.5 - 0.5 * Math.cos(2 * Math.PI * j / (n - 1)));
        }
        double[] a = amplitudes(d);
        int best = 1;
        for (int k = 2; k < a.length; k++) {
            if (a[k] > a[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Radially binned energy of a 2-D field f {@code [N][N]}: E(k) = Σ |F(p, q)|² over wavenumbers
     * with round(√(p² + q²)) = k, k = 0 … N/2, F the DFT normalised by N².
     */
    public static double[] radialEnergy(double[][] f) {
        int n = f.length;
        for (double[] row : f) {
            if (row.length != n) {
                throw new IllegalArgumentException("f: need a square [N][N] field, got a row of " + row.length);
            }
        }
        // Row transforms, then column transforms.
        double[][] re = new double[n][n];
        double[][] im = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int q = 0; q < n; q++) {
                for (int c = 0; c < n; c++) {
                    double phi = -2 * Math.PI * (long) c * q / n;
                    re[r][q] += f[r][c] * Math.cos(phi);
                    im[r][q] += f[r][c] * Math.sin(phi);
                }
            }
        }
        double[] e = new double[n / 2 + 1];
        for (int q = 0; q < n; q++) {
            for (int p = 0; p < n; p++) {
                double sr = 0;
                double si = 0;
                for (int r = 0; r < n; r++) {
                    double phi = -2 * Math.PI * (long) r * p / n;
                    double c = Math.cos(phi);
                    double s = Math.sin(phi);
                    sr += re[r][q] * c - im[r][q] * s;
                    si += re[r][q] * s + im[r][q] * c;
                }
                int kp = p <= n / 2 ? p : n - p;
                int kq = q <= n / 2 ? q : n - q;
                int k = (int) Math.round(Math.hypot(kp, kq));
                if (k < e.length) {
                    e[k] += (sr * sr + si * si) / ((double) n * n * n * n);
                }
            }
        }
        return e;
    }
}
