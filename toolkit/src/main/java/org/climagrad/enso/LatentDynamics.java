package org.climagrad.enso;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.climagrad.core.Check;

/**
 * The forecast model of the latent assimilation (Behnoudfar et al. 2025, Sec. 3.2): a linear
 * stochastic model of the operational model's latent states, one step per month,
 *
 * <pre>  z_{t+1} = A z_t + b + ε_t,   ε_t ~ N(0, Q),</pre>
 *
 * fitted by least squares to an encoded run (A, b) with Q the covariance of the residuals. A pure
 * step function; the caller owns the random numbers. Immutable: the constructor and the array
 * accessors copy; the indexed getters ({@link #a(int, int)}, ...) do not.
 *
 * @param a transition matrix A {@code [d][d]}
 * @param b offset b {@code [d]}
 * @param noise lower Cholesky factor L of Q = L Lᵀ {@code [d][d]}
 */
public record LatentDynamics(double[][] a, double[] b, double[][] noise) {
    /** Validates the shapes; keeps copies. */
    public LatentDynamics {
        int d = b.length;
        Check.columns("a", a, d);
        Check.columns("noise", noise, d);
        if (a.length != d || noise.length != d) {
            throw new IllegalArgumentException("a and noise: must be [" + d + "][" + d + "] like b");
        }
        Check.allFinite("a", a);
        Check.allFinite("b", b);
        Check.allFinite("noise", noise);
        a = copy(a);
        b = b.clone();
        noise = copy(noise);
    }

    /** Transition matrix A {@code [d][d]} (a copy). */
    @Override
    public double[][] a() {
        return copy(a);
    }

    /** Row {@code i} of {@link #a()} (a copy). */
    public double[] a(int i) {
        return a[i].clone();
    }

    /** Entry {@code [i][j]} of {@link #a()} (no copy). */
    public double a(int i, int j) {
        return a[i][j];
    }

    /** Offset b {@code [d]} (a copy). */
    @Override
    public double[] b() {
        return b.clone();
    }

    /** Entry {@code i} of {@link #b()} (no copy). */
    public double b(int i) {
        return b[i];
    }

    /** Lower Cholesky factor L of Q {@code [d][d]} (a copy). */
    @Override
    public double[][] noise() {
        return copy(noise);
    }

    /** Row {@code i} of {@link #noise()} (a copy). */
    public double[] noise(int i) {
        return noise[i].clone();
    }

    /** Entry {@code [i][j]} of {@link #noise()} (no copy). */
    public double noise(int i, int j) {
        return noise[i][j];
    }

    /** Latent dimension d. */
    public int dimension() {
        return b.length;
    }

    /**
     * Least-squares fit to a latent time series.
     *
     * @param z latent states {@code [T][d]}, consecutive months, T &gt; 2 (d + 1)
     * @throws IllegalArgumentException when the series is too short to fit d² + d coefficients and Q
     */
    public static LatentDynamics fit(double[][] z) {
        int d = z[0].length;
        Check.columns("z", z, d);
        Check.allFinite("z", z);
        if (z.length <= 2 * (d + 1)) {
            throw new IllegalArgumentException("z: " + z.length + " months, need more than 2 (d + 1) = " + 2 * (d + 1)
                    + " to fit a " + d + "-dimensional linear model");
        }
        int n = z.length - 1;
        double[][] x = new double[n][d + 1];
        double[][] y = new double[n][];
        for (int t = 0; t < n; t++) {
            System.arraycopy(z[t], 0, x[t], 0, d);
            x[t][d] = 1;
            y[t] = z[t + 1].clone();
        }
        RealMatrix w = new QRDecomposition(new Array2DRowRealMatrix(x, false)).getSolver()
                .solve(new Array2DRowRealMatrix(y, false)); // [d + 1][d]: z_{t+1}ᵀ = [z_tᵀ, 1] W
        double[][] a = new double[d][d];
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = w.getEntry(j, i);
            }
            b[i] = w.getEntry(d, i);
        }
        double[][] q = new double[d][d];
        RealMatrix r = new Array2DRowRealMatrix(y, false).subtract(new Array2DRowRealMatrix(x, false).multiply(w));
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    q[i][j] += r.getEntry(t, i) * r.getEntry(t, j) / (n - d - 1);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            q[i][i] += 1e-12 * (1 + q[i][i]);
        }
        return new LatentDynamics(a, b, new CholeskyDecomposition(new Array2DRowRealMatrix(q), 1e-10, 0).getL()
                .getData());
    }

    /** The deterministic part A z + b {@code [d]}. */
    public double[] mean(double[] z) {
        Check.length("z", z, b.length);
        double[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[i] += a[i][j] * z[j];
            }
        }
        return out;
    }

    /** One month for every member {@code [N][d]}: A z_n + b + L ξ_n with ξ_n ~ N(0, I) from {@code rng}. */
    public double[][] step(double[][] ensemble, Random rng) {
        double[][] out = new double[ensemble.length][];
        int d = b.length;
        for (int n = 0; n < ensemble.length; n++) {
            out[n] = mean(ensemble[n]);
            double[] xi = new double[d];
            for (int j = 0; j < d; j++) {
                xi[j] = rng.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    out[n][i] += noise[i][j] * xi[j];
                }
            }
        }
        return out;
    }

    /** The noise covariance Q = L Lᵀ {@code [d][d]}. */
    public double[][] covariance() {
        int d = b.length;
        double[][] q = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    q[i][j] += noise[i][k] * noise[j][k];
                }
            }
        }
        return q;
    }

    /** The largest eigenvalue modulus of A (below 1 for a stationary model). */
    public double spectralRadius() {
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(a));
        double r = 0;
        for (int i = 0; i < b.length; i++) {
            r = Math.max(r, Math.hypot(e.getRealEigenvalue(i), e.getImagEigenvalue(i)));
        }
        return r;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
