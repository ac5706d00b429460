package org.climagrad.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.climagrad.core.Check;

/**
 * Jacobian-free Newton-Krylov for a fixed point x = Φ(x) (Knoll &amp; Keyes 2004, J. Comput. Phys.
 * 193, 357; for ocean spin-up, Bernsen et al. 2008 and Merlis &amp; Khatiwala 2008): Newton on
 * F(x) = Φ(x) − x, each linear system J δ = −F solved by GMRES with J v ≈ (Φ(x + εv) − Φ(x))/ε − v,
 * and a backtracking line search on ‖F‖ (when it fails, one plain step x ← Φ(x)). Every evaluation of Φ counts: one per Jacobian-vector
 * product, one per trial point. Immutable settings; build with {@link #builder()} (the canonical
 * constructor validates but is not the way to make one).
 *
 * @param tolerance stop when ‖F(x)‖_∞ ≤ tolerance (&gt; 0)
 * @param maxEvaluations evaluations of Φ allowed (≥ 1)
 * @param krylovTolerance relative residual at which GMRES stops (in (0, 1))
 * @param maxKrylov GMRES iterations per Newton step (≥ 1)
 */
public record NewtonKrylov(double tolerance, int maxEvaluations, double krylovTolerance, int maxKrylov) {
    /** Validates. */
    public NewtonKrylov {
        Check.positive("tolerance", tolerance);
        Check.atLeast("maxEvaluations", maxEvaluations, 1);
        Check.inHalfOpen("krylovTolerance", krylovTolerance, 1e-12, 1);
        Check.atLeast("maxKrylov", maxKrylov, 1);
    }

    /** A builder: tolerance and evaluations required, the GMRES settings optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().setTolerance(tolerance).setMaxEvaluations(maxEvaluations)
                .optKrylovTolerance(krylovTolerance).optMaxKrylov(maxKrylov);
    }

    /** Builds {@link NewtonKrylov}. */
    public static final class Builder {
        private Double tolerance;
        private Integer maxEvaluations;
        private double krylovTolerance = 1e-3;
        private int maxKrylov = 20;

        private Builder() {}

        /** Stop when ‖F(x)‖_∞ ≤ tolerance, &gt; 0 (required). */
        public Builder setTolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        /** Evaluations of Φ allowed, ≥ 1 (required). */
        public Builder setMaxEvaluations(int maxEvaluations) {
            this.maxEvaluations = maxEvaluations;
            return this;
        }

        /** Relative residual at which GMRES stops, in [1e-12, 1) (default 1e-3). */
        public Builder optKrylovTolerance(double krylovTolerance) {
            this.krylovTolerance = krylovTolerance;
            return this;
        }

        /** GMRES iterations per Newton step, ≥ 1 (default 20; at most the state size are used). */
        public Builder optMaxKrylov(int maxKrylov) {
            this.maxKrylov = maxKrylov;
            return this;
        }

        /** Validates (the message names the field and its range) and builds. */
        public NewtonKrylov build() {
            if (tolerance == null) {
                throw new IllegalArgumentException("tolerance: required (> 0)");
            }
            if (maxEvaluations == null) {
                throw new IllegalArgumentException("maxEvaluations: required (>= 1)");
            }
            return new NewtonKrylov(tolerance, maxEvaluations, krylovTolerance, maxKrylov);
        }
    }

    /** Iterates from x0; the result's residuals list ‖F‖_∞ after every evaluation of Φ. */
    public AndersonAcceleration.Result solve(UnaryOperator<double[]> map, double[] x0) {
        Check.allFinite("x0", x0);
        List<Double> res = new ArrayList<>();
        double[] x = x0.clone();
        double[] f = residual(map, x, res);
        while (res.size() < maxEvaluations) {
            double fn = normInf(f);
            if (fn <= tolerance) {
                return done(x, res, true);
            }
            double[] fx = plus(x, f); // Φ(x)
            double[] delta = gmres(map, x, fx, f, res);
            if (delta == null) {
                break;
            }
            double step = 1;
            boolean accepted = false;
            while (res.size() < maxEvaluations && step > 1e-3) {
                double[] trial = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    trial[i] = x[i] + step * delta[i];
                }
                double[] ft = residual(map, trial, res);
                if (normInf(ft) < fn) {
                    x = trial;
                    f = ft;
                    accepted = true;
                    break;
                }
                step /= 2;
            }
            if (!accepted && res.size() < maxEvaluations) {
                // Newton failed to reduce ‖F‖: take one plain step x ← Φ(x) and try again from there.
                x = fx;
                f = residual(map, x, res);
            }
        }
        return done(x, res, normInf(f) <= tolerance);
    }

    /** GMRES for J δ = −f, J v = (Φ(x + εv) − Φ(x))/ε − v; null if the budget runs out first. */
    private double[] gmres(UnaryOperator<double[]> map, double[] x, double[] fx, double[] f, List<Double> res) {
        int n = x.length;
        int kmax = Math.min(maxKrylov, n);
        double beta = norm2(f);
        double[][] v = new double[kmax + 1][];
        double[][] h = new double[kmax + 1][kmax];
        v[0] = new double[n];
        for (int i = 0; i < n; i++) {
            v[0][i] = -f[i] / beta;
        }
        double[] cs = new double[kmax];
        double[] sn = new double[kmax];
        double[] g = new double[kmax + 1];
        g[0] = beta;
        int used = 0;
        double xn = norm2(x);
        for (int j = 0; j < kmax; j++) {
            if (res.size() >= maxEvaluations) {
                return null;
            }
            double eps = 1e-7 * (1 + xn);
            double[] xp = new double[n];
            for (int i = 0; i < n; i++) {
                xp[i] = x[i] + eps * v[j][i];
            }
            double[] fp = map.apply(xp);
            res.add(Double.NaN); // an evaluation spent on a Jacobian-vector product
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = (fp[i] - fx[i]) / eps - v[j][i];
            }
            for (int i = 0; i <= j; i++) {
                h[i][j] = dot(w, v[i]);
                for (int k = 0; k < n; k++) {
                    w[k] -= h[i][j] * v[i][k];
                }
            }
            h[j + 1][j] = norm2(w);
            v[j + 1] = new double[n];
            if (h[j + 1][j] > 0) {
                for (int k = 0; k < n; k++) {
                    v[j + 1][k] = w[k] / h[j + 1][j];
                }
            }
            for (int i = 0; i < j; i++) {
                double t = cs[i] * h[i][j] + sn[i] * h[i + 1][j];
                h[i + 1][j] = -sn[i] * h[i][j] + cs[i] * h[i + 1][j];
                h[i][j] = t;
            }
            double r = Math.hypot(h[j][j], h[j + 1][j]);
            cs[j] = h[j][j] / r;
            sn[j] = h[j + 1][j] / r;
            h[j][j] = r;
            h[j + 1][j] = 0;
            g[j + 1] = -sn[j] * g[j];
            g[j] = cs[j] * g[j];
            used = j + 1;
            if (Math.abs(g[j + 1]) <= krylovTolerance * beta) {
                break;
            }
        }
        double[] y = new double[used];
        for (int i = used - 1; i >= 0; i--) {
            double s = g[i];
            for (int k = i + 1; k < used; k++) {
                s -= h[i][k] * y[k];
            }
            y[i] = s / h[i][i];
        }
        double[] delta = new double[n];
        for (int i = 0; i < used; i++) {
            for (int k = 0; k < n; k++) {
                delta[k] += y[i] * v[i][k];
            }
        }
        return delta;
    }

    private static double[] residual(UnaryOperator<double[]> map, double[] x, List<Double> res) {
        double[] fx = map.apply(x);
        double[] f = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = fx[i] - x[i];
        }
        double n = normInf(f);
        if (!Double.isFinite(n)) {
            throw new IllegalStateException("Newton-Krylov: non-finite residual at evaluation " + (res.size() + 1));
        }
        res.add(n);
        return f;
    }

    private static AndersonAcceleration.Result done(double[] x, List<Double> res, boolean converged) {
        // Jacobian-vector products carry the last known residual, so the history is monotone in cost.
        double[] r = new double[res.size()];
        double last = Double.NaN;
        for (int i = 0; i < r.length; i++) {
            double v = res.get(i);
            last = Double.isNaN(v) ? last : v;
            r[i] = last;
        }
        return new AndersonAcceleration.Result(x, r, converged);
    }

    private static double normInf(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static double norm2(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] plus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }
}
