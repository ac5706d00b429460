package org.climagrad.solve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.climagrad.core.Check;

/**
 * Anderson acceleration of a fixed-point iteration x = Φ(x) (Anderson 1965; Walker &amp; Ni 2011,
 * SIAM J. Numer. Anal. 49, 1715, Algorithm AA with β = 1). With residuals f_k = Φ(x_k) − x_k and
 * the last m differences ΔF, ΔX as columns,
 *
 * <pre>  γ = argmin ‖f_k − ΔF γ‖₂,   x_{k+1} = x_k + f_k − (ΔX + ΔF) γ.</pre>
 *
 * With m = 0 it is the plain iteration x_{k+1} = Φ(x_k). For a linear map it is equivalent to
 * GMRES on (I − Φ) x = b. One evaluation of Φ per iteration. Immutable settings.
 *
 * @param memory m ≥ 0 past differences kept
 * @param tolerance stop when ‖f_k‖_∞ ≤ tolerance (&gt; 0)
 * @param maxEvaluations evaluations of Φ allowed (≥ 1)
 */
public record AndersonAcceleration(int memory, double tolerance, int maxEvaluations) {
    /** Validates. */
    public AndersonAcceleration {
        Check.atLeast("memory", memory, 0);
        Check.positive("tolerance", tolerance);
        Check.atLeast("maxEvaluations", maxEvaluations, 1);
    }

    /**
     * The outcome of a fixed-point solve (also of {@link NewtonKrylov}). Immutable: the array
     * accessors return a copy; loops use {@link #x(int)} and {@link #residual(int)}.
     *
     * @param x the last iterate whose residual was evaluated
     * @param residuals ‖f_k‖_∞ after each evaluation of Φ
     * @param converged whether the last residual is within the tolerance
     */
    public record Result(double[] x, double[] residuals, boolean converged) {
        /** Copies the arrays. */
        public Result {
            x = x.clone();
            residuals = residuals.clone();
        }

        /** Evaluations of Φ used. */
        public int evaluations() {
            return residuals.length;
        }

        /** Component {@code i} of the last iterate. */
        public double x(int i) {
            return x[i];
        }

        /** The residual after evaluation {@code k + 1}. */
        public double residual(int k) {
            return residuals[k];
        }

        /** The last iterate, a copy. */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** The residuals after each evaluation, a copy. */
        @Override
        public double[] residuals() {
            return residuals.clone();
        }
    }

    /** Iterates from x0 until the residual is within tolerance or the evaluations run out. */
    public Result solve(UnaryOperator<double[]> map, double[] x0) {
        Check.allFinite("x0", x0);
        double[] x = x0.clone();
        Deque<double[]> dx = new ArrayDeque<>();
        Deque<double[]> df = new ArrayDeque<>();
        double[] prevX = null;
        double[] prevF = null;
        List<Double> res = new ArrayList<>();
        for (int k = 0; k < maxEvaluations; k++) {
            double[] fx = map.apply(x);
            double[] f = new double[x.length];
            double norm = 0;
            for (int i = 0; i < x.length; i++) {
                f[i] = fx[i] - x[i];
                norm = Math.max(norm, Math.abs(f[i]));
            }
            if (!Double.isFinite(norm)) {
                throw new IllegalStateException("Anderson acceleration: non-finite residual at evaluation " + (k + 1));
            }
            res.add(norm);
            if (norm <= tolerance) {
                return new Result(x, res.stream().mapToDouble(Double::doubleValue).toArray(), true);
            }
            if (prevF != null && memory > 0) {
                dx.addLast(minus(x, prevX));
                df.addLast(minus(f, prevF));
                if (dx.size() > memory) {
                    dx.removeFirst();
                    df.removeFirst();
                }
            }
            prevX = x;
            prevF = f;
            double[] next = plus(x, f);
            if (!df.isEmpty()) {
                double[] gamma = leastSquares(df, f);
                if (gamma == null) {
                    dx.clear();
                    df.clear();
                } else {
                    double[][] dxs = dx.toArray(new double[0][]);
                    double[][] dfs = df.toArray(new double[0][]);
                    for (int j = 0; j < dxs.length; j++) {
                        for (int i = 0; i < next.length; i++) {
                            next[i] -= gamma[j] * (dxs[j][i] + dfs[j][i]);
                        }
                    }
                }
            }
            x = next;
        }
        double[] r = res.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(x, r, false);
    }

    /** γ minimising ‖f − ΔF γ‖₂, or null when ΔF is numerically rank-deficient. */
    private static double[] leastSquares(Deque<double[]> df, double[] f) {
        int n = f.length;
        int m = df.size();
        double[][] a = new double[n][m];
        int j = 0;
        for (double[] col : df) {
            for (int i = 0; i < n; i++) {
                a[i][j] = col[i];
            }
            j++;
        }
        try {
            RealVector g = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-12).getSolver()
                    .solve(new ArrayRealVector(f, false));
            return g.toArray();
        } catch (SingularMatrixException e) {
            return null;
        }
    }

    private static double[] minus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] - b[i];
        }
        return c;
    }

    private static double[] plus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }
}
