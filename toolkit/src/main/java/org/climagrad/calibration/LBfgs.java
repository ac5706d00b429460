package org.climagrad.calibration;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.climagrad.core.Check;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright 2006, Algorithms 7.4-7.5) for a differentiable {@link
 * Objective}: the two-loop recursion over the last m pairs (s, y) with the initial scaling
 * sᵀy / yᵀy, a backtracking Armijo line search (c1 = 1e-4, first trial step 1), and pairs with
 * sᵀy ≤ 1e-16·‖s‖‖y‖ skipped. Used where Adam stalls far above machine precision (Wang &amp; Lai
 * 2024 finish every stage with L-BFGS). Immutable settings.
 *
 * @param memory m ≥ 1 pairs kept
 * @param maxIterations ≥ 1
 * @param gradientTolerance stop when ‖∇J‖_∞ ≤ this (≥ 0)
 */
public record LBfgs(int memory, int maxIterations, double gradientTolerance) {
    /** Validates. */
    public LBfgs {
        Check.atLeast("memory", memory, 1);
        Check.atLeast("maxIterations", maxIterations, 1);
        Check.nonNegative("gradientTolerance", gradientTolerance);
    }

    /** Why the iteration stopped. */
    public enum Stop {
        /** ‖∇J‖_∞ ≤ gradientTolerance. */
        GRADIENT_TOLERANCE,
        /** maxIterations reached. */
        MAX_ITERATIONS,
        /** No step along the search direction lowers J (J is at rounding level). */
        NO_DECREASE
    }

    /**
     * The outcome.
     *
     * @param u the final parameters
     * @param values J at the start and after each iteration
     * @param evaluations value-and-gradient evaluations
     * @param stop why it stopped
     */
    public record Result(double[] u, double[] values, int evaluations, Stop stop) {
        /** Copies the arrays. */
        public Result {
            u = u.clone();
            values = values.clone();
        }

        /** u, a copy. */
        @Override
        public double[] u() {
            return u.clone();
        }

        /** Element {@code i} of u (no copy). */
        public double u(int i) {
            return u[i];
        }

        /** values, a copy. */
        @Override
        public double[] values() {
            return values.clone();
        }

        /** Element {@code i} of values (no copy). */
        public double values(int i) {
            return values[i];
        }

        /** The final J. */
        public double value() {
            return values[values.length - 1];
        }
    }

    /** Minimises f from u0. */
    public Result run(Objective f, double[] u0) {
        if (!f.differentiable()) {
            throw new IllegalArgumentException("f: L-BFGS needs a differentiable objective (autodiff)");
        }
        Check.length("u0", u0, f.dimension());
        Check.allFinite("u0", u0);
        int d = u0.length;
        double[] u = u0.clone();
        Estimate e = f.valueAndGradient(u);
        int evaluations = 1;
        double fu = e.value();
        double[] g = e.gradient();
        Deque<double[][]> pairs = new ArrayDeque<>();
        double[] values = new double[maxIterations + 1];
        values[0] = fu;
        int k = 0;
        Stop stop = Stop.MAX_ITERATIONS;
        while (k < maxIterations) {
            if (norm(g) <= gradientTolerance) {
                stop = Stop.GRADIENT_TOLERANCE;
                break;
            }
            double[] p = direction(g, pairs);
            double slope = dot(p, g);
            if (!(slope < 0)) {
                pairs.clear();
                p = negate(g);
                slope = dot(p, g);
            }
            double step = pairs.isEmpty() ? Math.min(1, 1 / Math.max(norm(g), 1e-300)) : 1;
            double[] next = null;
            Estimate en = null;
            for (int tries = 0; tries < 60; tries++) {
                double[] trial = new double[d];
                for (int i = 0; i < d; i++) {
                    trial[i] = u[i] + step * p[i];
                }
                Estimate et = f.valueAndGradient(trial);
                evaluations++;
                if (Double.isFinite(et.value()) && et.value() <= fu + 1e-4 * step * slope && et.value() < fu) {
                    next = trial;
                    en = et;
                    break;
                }
                step *= 0.5;
            }
            if (next == null) {
                stop = Stop.NO_DECREASE;
                break;
            }
            double[] gn = en.gradient();
            double[] s = new double[d];
            double[] y = new double[d];
            for (int i = 0; i < d; i++) {
                s[i] = next[i] - u[i];
                y[i] = gn[i] - g[i];
            }
            if (dot(s, y) > 1e-16 * Math.sqrt(dot(s, s) * dot(y, y))) {
                pairs.addLast(new double[][] {s, y});
                if (pairs.size() > memory) {
                    pairs.removeFirst();
                }
            }
            u = next;
            g = gn;
            fu = en.value();
            k++;
            values[k] = fu;
        }
        return new Result(u, Arrays.copyOf(values, k + 1), evaluations, stop);
    }

    /** −H g by the two-loop recursion. */
    private static double[] direction(double[] g, Deque<double[][]> pairs) {
        double[] q = g.clone();
        int n = pairs.size();
        double[] alpha = new double[n];
        double[][][] list = pairs.toArray(new double[0][][]);
        for (int j = n - 1; j >= 0; j--) {
            double rho = 1 / dot(list[j][1], list[j][0]);
            alpha[j] = rho * dot(list[j][0], q);
            axpy(-alpha[j], list[j][1], q);
        }
        if (n > 0) {
            double gamma = dot(list[n - 1][0], list[n - 1][1]) / dot(list[n - 1][1], list[n - 1][1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int j = 0; j < n; j++) {
            double rho = 1 / dot(list[j][1], list[j][0]);
            double beta = rho * dot(list[j][1], q);
            axpy(alpha[j] - beta, list[j][0], q);
        }
        return negate(q);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double norm(double[] g) {
        double m = 0;
        for (double v : g) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double[] negate(double[] g) {
        double[] n = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            n[i] = -g[i];
        }
        return n;
    }
}
