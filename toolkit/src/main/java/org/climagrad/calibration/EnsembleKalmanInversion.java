package org.climagrad.calibration;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.climagrad.core.Check;

/**
 * Ensemble Kalman inversion (Iglesias, Law &amp; Stuart 2013, Inverse Problems 29, 045001): a
 * derivative-free calibration that moves an ensemble of parameter vectors with Kalman updates,
 *
 * <pre>  u_j ← u_j + C_uG (C_GG + Γ)⁻¹ (y + η_j − G(u_j)),   η_j ~ N(0, Γ),  Γ = σ² I,</pre>
 *
 * C_uG and C_GG the ensemble cross- and output covariances. Each iteration costs one run per
 * member. For a linear G it is a preconditioned gradient flow on J, which is why it stands with
 * the gradient estimators. Immutable settings; build with {@link #builder()} (the canonical
 * constructor validates but is not the way to make one).
 *
 * @param members ensemble size ≥ 2
 * @param iterations ≥ 1
 * @param spread standard deviation of the initial ensemble around the start, in u (&gt; 0)
 * @param seed seed of the initial ensemble and the perturbations
 */
public record EnsembleKalmanInversion(int members, int iterations, double spread, long seed) {
    /** Validates. */
    public EnsembleKalmanInversion {
        Check.atLeast("members", members, 2);
        Check.atLeast("iterations", iterations, 1);
        Check.positive("spread", spread);
    }

    /** A builder: members and iterations required, spread and seed optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().setMembers(members).setIterations(iterations).optSpread(spread).optSeed(seed);
    }

    /** Builds an {@link EnsembleKalmanInversion}. */
    public static final class Builder {
        private Integer members;
        private Integer iterations;
        private double spread = 0.3;
        private long seed;

        private Builder() {}

        /** Ensemble size ≥ 2 (required). */
        public Builder setMembers(int members) {
            this.members = members;
            return this;
        }

        /** Kalman iterations ≥ 1 (required). */
        public Builder setIterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /** Standard deviation of the initial ensemble around the start, in u, &gt; 0 (default 0.3). */
        public Builder optSpread(double spread) {
            this.spread = spread;
            return this;
        }

        /** Seed of the initial ensemble and the perturbations (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Validates (the message names the field and its range) and builds. */
        public EnsembleKalmanInversion build() {
            if (members == null) {
                throw new IllegalArgumentException("members: required (>= 2)");
            }
            if (iterations == null) {
                throw new IllegalArgumentException("iterations: required (>= 1)");
            }
            return new EnsembleKalmanInversion(members, iterations, spread, seed);
        }
    }

    /** Runs from an ensemble centred at u0; the result's u is the final ensemble mean. */
    public Calibration.Result run(LeastSquaresObjective f, double[] u0) {
        Check.length("u0", u0, f.dimension());
        int d = u0.length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] ens = new double[members][d];
        for (double[] row : ens) {
            for (int i = 0; i < d; i++) {
                row[i] = u0[i] + spread * rng.nextGaussian();
            }
        }
        double[] y = f.observed();
        int p = y.length;
        double s2 = f.sigma() * f.sigma();
        double[][] path = new double[iterations + 1][];
        int[] runs = new int[iterations + 1];
        path[0] = mean(ens);
        for (int it = 1; it <= iterations; it++) {
            double[][] g = new double[members][];
            for (int j = 0; j < members; j++) {
                g[j] = f.predict(ens[j]);
            }
            double[] um = mean(ens);
            double[] gm = mean(g);
            double[][] cug = new double[d][p];
            double[][] cgg = new double[p][p];
            for (int j = 0; j < members; j++) {
                for (int a = 0; a < p; a++) {
                    double ga = (g[j][a] - gm[a]) / (members - 1);
                    for (int i = 0; i < d; i++) {
                        cug[i][a] += (ens[j][i] - um[i]) * ga;
                    }
                    for (int b = 0; b < p; b++) {
                        cgg[a][b] += ga * (g[j][b] - gm[b]);
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                cgg[a][a] += s2;
            }
            RealMatrix inv = new CholeskyDecomposition(new Array2DRowRealMatrix(cgg, false), 1e-10, 0).getSolver()
                    .getInverse();
            RealMatrix gain = new Array2DRowRealMatrix(cug, false).multiply(inv); // [d][p]
            for (int j = 0; j < members; j++) {
                double[] innov = new double[p];
                for (int a = 0; a < p; a++) {
                    innov[a] = y[a] + f.sigma() * rng.nextGaussian() - g[j][a];
                }
                double[] du = gain.operate(innov);
                for (int i = 0; i < d; i++) {
                    ens[j][i] += du[i];
                }
            }
            path[it] = mean(ens);
            runs[it] = runs[it - 1] + members;
        }
        return new Calibration.Result(path[iterations].clone(), path, runs);
    }

    private static double[] mean(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] r : x) {
            for (int i = 0; i < m.length; i++) {
                m[i] += r[i] / x.length;
            }
        }
        return m;
    }
}
