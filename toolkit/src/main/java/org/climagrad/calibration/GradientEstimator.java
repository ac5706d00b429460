package org.climagrad.calibration;

import java.util.SplittableRandom;
import org.climagrad.core.Check;

/**
 * Ways to obtain ∂J/∂u, behind one interface (LEAP-HCS: gradients where the model has autodiff
 * and where it has none). Each is an immutable typed option; randomised ones draw from the seed
 * they are given, so a calibration is reproducible.
 */
public sealed interface GradientEstimator {
    /**
     * The estimate at u.
     *
     * @param seed seed of any random perturbations (the caller varies it per iteration)
     */
    Estimate estimate(Objective f, double[] u, long seed);

    /** A short name for tables. */
    String label();

    /** Exact reverse-mode autodiff through the model: one forward and one backward run. */
    record Autodiff() implements GradientEstimator {
        @Override
        public Estimate estimate(Objective f, double[] u, long seed) {
            if (!f.differentiable()) {
                throw new IllegalArgumentException("estimator Autodiff: the objective's model has no autodiff");
            }
            Estimate e = f.valueAndGradient(u);
            return new Estimate(e.value(), e.gradient(), 2);
        }

        @Override
        public String label() {
            return "autodiff";
        }
    }

    /**
     * Finite differences with step h in u: forward (d + 1 runs) or central (2d runs).
     *
     * @param central central instead of forward differences
     * @param step h &gt; 0
     */
    record FiniteDifferences(boolean central, double step) implements GradientEstimator {
        /** Validates. */
        public FiniteDifferences {
            Check.positive("step", step);
        }

        @Override
        public Estimate estimate(Objective f, double[] u, long seed) {
            int d = u.length;
            double[] g = new double[d];
            double f0 = central ? Double.NaN : f.value(u);
            for (int i = 0; i < d; i++) {
                double[] up = u.clone();
                up[i] += step;
                if (central) {
                    double[] down = u.clone();
                    down[i] -= step;
                    g[i] = (f.value(up) - f.value(down)) / (2 * step);
                } else {
                    g[i] = (f.value(up) - f0) / step;
                }
            }
            return new Estimate(f0, g, central ? 2 * d : d + 1);
        }

        @Override
        public String label() {
            return central ? "central differences" : "forward differences";
        }
    }

    /**
     * Simultaneous-perturbation stochastic approximation (Spall 1992): for Rademacher directions
     * Δ, ĝ_i = (J(u + cΔ) − J(u − cΔ)) / (2c Δ_i), averaged over {@code samples} directions; two
     * runs per direction whatever the dimension.
     *
     * @param samples directions per estimate ≥ 1
     * @param step c &gt; 0
     */
    record Spsa(int samples, double step) implements GradientEstimator {
        /** Validates. */
        public Spsa {
            Check.atLeast("samples", samples, 1);
            Check.positive("step", step);
        }

        @Override
        public Estimate estimate(Objective f, double[] u, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            int d = u.length;
            double[] g = new double[d];
            for (int s = 0; s < samples; s++) {
                double[] delta = new double[d];
                double[] up = u.clone();
                double[] down = u.clone();
                for (int i = 0; i < d; i++) {
                    delta[i] = rng.nextBoolean() ? 1 : -1;
                    up[i] += step * delta[i];
                    down[i] -= step * delta[i];
                }
                double diff = f.value(up) - f.value(down);
                for (int i = 0; i < d; i++) {
                    g[i] += diff / (2 * step * delta[i]) / samples;
                }
            }
            return new Estimate(Double.NaN, g, 2 * samples);
        }

        @Override
        public String label() {
            return "SPSA (" + samples + ")";
        }
    }

    /**
     * A surrogate gradient: a linear emulator of the observations, G(u + δ) ≈ G(u) + A δ, fitted
     * by least squares to {@code members} black-box runs at u + σ ξ_m (plus the run at u), then
     * differentiated: ∇J ≈ Aᵀ (G(u) − y) / (M σ²). Needs a {@link LeastSquaresObjective}.
     * {@code members} + 1 runs.
     *
     * @param members perturbed runs ≥ dimension
     * @param spread σ of the perturbations &gt; 0
     */
    record Surrogate(int members, double spread) implements GradientEstimator {
        /** Validates. */
        public Surrogate {
            Check.atLeast("members", members, 1);
            Check.positive("spread", spread);
        }

        @Override
        public Estimate estimate(Objective f, double[] u, long seed) {
            if (!(f instanceof LeastSquaresObjective ls)) {
                throw new IllegalArgumentException("estimator Surrogate: the objective must expose its predictions "
                        + "(LeastSquaresObjective)");
            }
            int d = u.length;
            if (members < d) {
                throw new IllegalArgumentException("members = " + members + ": must be >= dimension = " + d);
            }
            double[] g0 = ls.predict(u);
            int p = g0.length;
            double[][] dx = perturbations(members, d, spread, seed);
            double[][] dg = new double[members][p];
            for (int m = 0; m < members; m++) {
                double[] gm = ls.predict(plus(u, dx[m]));
                for (int j = 0; j < p; j++) {
                    dg[m][j] = gm[j] - g0[j];
                }
            }
            // A^T [d][p] from dX A^T = dG (least squares).
            double[][] at = new org.apache.commons.math3.linear.QRDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(dx, false)).getSolver()
                    .solve(new org.apache.commons.math3.linear.Array2DRowRealMatrix(dg, false)).getData();
            double[] y = ls.observed();
            double s2 = ls.sigma() * ls.sigma();
            double[] grad = new double[d];
            double value = 0;
            for (int j = 0; j < p; j++) {
                double r = g0[j] - y[j];
                value += r * r / (2 * p * s2);
                for (int i = 0; i < d; i++) {
                    grad[i] += at[i][j] * r / (p * s2);
                }
            }
            return new Estimate(value, grad, members + 1);
        }

        @Override
        public String label() {
            return "linear surrogate (" + members + ")";
        }
    }

    /**
     * Ensemble regression: J at {@code members} points u + σ ξ_m (ξ ~ N(0, I)), and the gradient
     * as the slope of the least-squares linear fit J ≈ a + gᵀ (u_m − u) — the ensemble-based
     * gradient of EnOpt (Chen, Oliver &amp; Zhang 2009). {@code members} runs.
     *
     * @param members ensemble size &gt; dimension + 1
     * @param spread σ &gt; 0
     */
    record EnsembleRegression(int members, double spread) implements GradientEstimator {
        /** Validates. */
        public EnsembleRegression {
            Check.atLeast("members", members, 3);
            Check.positive("spread", spread);
        }

        @Override
        public Estimate estimate(Objective f, double[] u, long seed) {
            int d = u.length;
            if (members <= d + 1) {
                throw new IllegalArgumentException("members = " + members + ": must be > dimension + 1 = " + (d + 1));
            }
            double[][] xi = perturbations(members, d, spread, seed);
            double[][] x = new double[members][d + 1];
            double[] y = new double[members];
            for (int m = 0; m < members; m++) {
                System.arraycopy(xi[m], 0, x[m], 0, d);
                x[m][d] = 1;
                y[m] = f.value(plus(u, xi[m]));
            }
            double[] w = new org.apache.commons.math3.linear.QRDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(x, false)).getSolver()
                    .solve(new org.apache.commons.math3.linear.ArrayRealVector(y, false)).toArray();
            return new Estimate(w[d], java.util.Arrays.copyOf(w, d), members);
        }

        @Override
        public String label() {
            return "ensemble regression (" + members + ")";
        }
    }

    /** σ ξ for {@code members} draws ξ ~ N(0, I_d), seeded {@code [members][d]}. */
    private static double[][] perturbations(int members, int d, double spread, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] out = new double[members][d];
        for (double[] row : out) {
            for (int i = 0; i < d; i++) {
                row[i] = spread * rng.nextGaussian();
            }
        }
        return out;
    }

    private static double[] plus(double[] a, double[] b) {
        double[] c = a.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += b[i];
        }
        return c;
    }
}
