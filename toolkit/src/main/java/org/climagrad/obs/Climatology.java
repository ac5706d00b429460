package org.climagrad.obs;

import java.util.Random;
import org.climagrad.core.Check;
import org.climagrad.dynamics.Rollout;

/**
 * Climatological statistics of a model from one long seeded run: the mean, the covariance (the
 * static background covariance of optimal interpolation and 3D-Var), and a pool of independent
 * states for drawing ensembles.
 *
 * @param mean climatological mean {@code [nx]}
 * @param covariance climatological covariance {@code [nx][nx]}
 * @param samples decorrelated states from the run {@code [samples][nx]}
 */
public record Climatology(double[] mean, double[][] covariance, double[][] samples) {
    /** Checks the shapes and keeps deep copies (the record is immutable). */
    public Climatology {
        int nx = mean.length;
        Check.atLeast("mean length", nx, 1);
        Check.allFinite("mean", mean);
        Check.inRange("covariance rows", covariance.length, nx, nx);
        Check.columns("covariance", covariance, nx);
        Check.atLeast("samples", samples.length, 2);
        Check.columns("samples", samples, nx);
        mean = mean.clone();
        covariance = deepCopy(covariance);
        samples = deepCopy(samples);
    }

    /** Climatological mean {@code [nx]} (a copy). */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** Climatological covariance {@code [nx][nx]} (a copy). */
    @Override
    public double[][] covariance() {
        return deepCopy(covariance);
    }

    /** The decorrelated states {@code [samples][nx]} (a copy). */
    @Override
    public double[][] samples() {
        return deepCopy(samples);
    }

    /** State size nx. */
    public int nx() {
        return mean.length;
    }

    /** Number of decorrelated states in {@link #samples()}. */
    public int sampleCount() {
        return samples.length;
    }

    /** The climatological mean of variable {@code k}, without copying. */
    public double mean(int k) {
        return mean[k];
    }

    /** The climatological covariance of variables {@code i} and {@code j}, without copying. */
    public double covariance(int i, int j) {
        return covariance[i][j];
    }

    /** Variable {@code k} of decorrelated state {@code s}, without copying. */
    public double sample(int s, int k) {
        return samples[s][k];
    }

    /**
     * A builder that estimates the climatology from one long seeded run: {@code spinUp} steps are
     * discarded, then {@code steps} steps are recorded and every {@code every}-th state is kept.
     * {@code setRollout}, {@code setParameters} and {@code setSteps} are required.
     *
     * <pre>{@code
     * Climatology clim = Climatology.builder().setRollout(rollout).setParameters(8.0)
     *         .optSpinUp(1000).setSteps(40_000).optEvery(20).optSeed(2).build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of a climatology estimated from a long run; {@link #build()} runs the model. */
    public static final class Builder {
        private Rollout rollout;
        private double[] theta;
        private int spinUp = 1000;
        private int steps = -1;
        private int every = 1;
        private long seed = 1;

        private Builder() {}

        /** The model's integrator (required). */
        public Builder setRollout(Rollout rollout) {
            this.rollout = rollout;
            return this;
        }

        /** The model parameters θ of the run (required; length = the model's parameter count). */
        public Builder setParameters(double... theta) {
            this.theta = theta == null ? null : theta.clone();
            return this;
        }

        /** Steps of the recorded run, ≥ every (required). */
        public Builder setSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Steps discarded first, from the seeded initial state, ≥ 0 (default 1000). */
        public Builder optSpinUp(int spinUp) {
            this.spinUp = spinUp;
            return this;
        }

        /** Sampling interval in steps, ≥ 1 (default 1: every step). */
        public Builder optEvery(int every) {
            this.every = every;
            return this;
        }

        /** Seed of the initial state (default 1). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Validates, runs the model and estimates the climatology. */
        public Climatology build() {
            if (rollout == null) {
                throw new IllegalArgumentException("rollout: required (setRollout)");
            }
            if (theta == null) {
                throw new IllegalArgumentException("parameters: required (setParameters)");
            }
            if (steps < 0) {
                throw new IllegalArgumentException("steps: required (setSteps)");
            }
            Check.atLeast("spinUp", spinUp, 0);
            Check.atLeast("every", every, 1);
            Check.atLeast("steps", steps, every);
            double[][] x0 = rollout.spinUp(theta, spinUp, new Random(seed));
            double[][] s = rollout.simulate(x0, theta, steps, every)[0];
            return of(s);
        }
    }

    /** The climatology of a set of samples {@code [samples][nx]} (at least two). */
    public static Climatology of(double[][] samples) {
        Check.atLeast("samples", samples.length, 2);
        int n = samples.length;
        int nx = samples[0].length;
        double[] mean = new double[nx];
        for (double[] s : samples) {
            for (int i = 0; i < nx; i++) {
                mean[i] += s[i] / n;
            }
        }
        double[][] cov = new double[nx][nx];
        for (double[] s : samples) {
            for (int i = 0; i < nx; i++) {
                double di = s[i] - mean[i];
                for (int j = i; j < nx; j++) {
                    cov[i][j] += di * (s[j] - mean[j]) / (n - 1);
                }
            }
        }
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < i; j++) {
                cov[i][j] = cov[j][i];
            }
        }
        return new Climatology(mean, cov, samples);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Per-variable climatological standard deviation {@code [nx]} (a new array). */
    public double[] std() {
        double[] s = new double[mean.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(covariance[i][i]);
        }
        return s;
    }
}
