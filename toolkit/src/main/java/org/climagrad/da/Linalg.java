package org.climagrad.da;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The dense linear algebra of the analysis updates, on plain {@code double[][]} (row-major,
 * {@code [rows][cols]}): products, symmetric positive-definite solves (Cholesky) and symmetric
 * eigendecompositions (commons-math). Sizes here are small (nx = 40, ensembleSize ≤ ~100).
 */
final class Linalg {
    private Linalg() {}

    /**
     * A symmetric eigendecomposition S = V diag(values) Vᵀ.
     *
     * @param values eigenvalues {@code [n]}
     * @param vectors eigenvectors as columns {@code [n][n]} (vectors[i][k] = component i of vector k)
     */
    record Eigen(double[] values, double[][] vectors) {}

    /** Eigendecomposition of a symmetric matrix {@code [n][n]}. */
    static Eigen eigh(double[][] s) {
        int n = s.length;
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(symmetrize(s), false));
        double[] values = ed.getRealEigenvalues();
        RealMatrix v = ed.getV();
        return new Eigen(values.clone(), v.getData());
    }

    /**
     * Solves S X = B for symmetric positive-definite S {@code [n][n]} and B {@code [n][k]}.
     *
     * @return X {@code [n][k]}
     */
    static double[][] solveSpd(double[][] s, double[][] b) {
        CholeskyDecomposition c = new CholeskyDecomposition(new Array2DRowRealMatrix(symmetrize(s), false),
                1e-12, 1e-14);
        return c.getSolver().solve(new Array2DRowRealMatrix(b, true)).getData();
    }

    /** Aᵀ B for A {@code [n][p]}, B {@code [n][q]}: {@code [p][q]}. */
    static double[][] transposeTimes(double[][] a, double[][] b) {
        int n = a.length;
        int p = a[0].length;
        int q = b[0].length;
        double[][] c = new double[p][q];
        for (int k = 0; k < n; k++) {
            double[] ak = a[k];
            double[] bk = b[k];
            for (int i = 0; i < p; i++) {
                double v = ak[i];
                if (v != 0) {
                    double[] ci = c[i];
                    for (int j = 0; j < q; j++) {
                        ci[j] += v * bk[j];
                    }
                }
            }
        }
        return c;
    }

    /** A B for A {@code [n][p]}, B {@code [p][q]}: {@code [n][q]}. */
    static double[][] times(double[][] a, double[][] b) {
        int n = a.length;
        int p = b.length;
        int q = b[0].length;
        double[][] c = new double[n][q];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int k = 0; k < p; k++) {
                double v = a[i][k];
                if (v != 0) {
                    double[] bk = b[k];
                    for (int j = 0; j < q; j++) {
                        ci[j] += v * bk[j];
                    }
                }
            }
        }
        return c;
    }

    /** A Bᵀ for A {@code [n][p]}, B {@code [q][p]}: {@code [n][q]}. */
    static double[][] timesTranspose(double[][] a, double[][] b) {
        int n = a.length;
        int q = b.length;
        double[][] c = new double[n][q];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < q; j++) {
                double s = 0;
                for (int k = 0; k < a[i].length; k++) {
                    s += a[i][k] * b[j][k];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    /** M v for M {@code [n][p]}, v {@code [p]}: {@code [n]}. */
    static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += m[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** (A + Aᵀ)/2, a fresh copy. */
    static double[][] symmetrize(double[][] a) {
        int n = a.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        return s;
    }
}
