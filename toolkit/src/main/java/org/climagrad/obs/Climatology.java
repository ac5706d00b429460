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

    /**
     * Estimates the climatology from a run of {@code steps} steps after {@code spinUp} steps,
     * sampling every {@code every} steps.
     *
     * @param rollout the model's integrator
     * @param theta parameters θ
     * @param spinUp steps discarded first, ≥ 0
     * @param steps steps of the recorded run, ≥ every
     * @param every sampling interval in steps, ≥ 1
     * @param seed seed of the initial state
     */
    public static Climatology estimate(Rollout rollout, double[] theta, int spinUp, int steps, int every, long seed) {
        Check.atLeast("spinUp", spinUp, 0);
        Check.atLeast("every", every, 1);
        Check.atLeast("steps", steps, every);
        double[][] x0 = rollout.spinUp(theta, spinUp, new Random(seed));
        double[][] s = rollout.simulate(x0, theta, steps, every)[0];
        return of(s);
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

    /** Per-variable climatological standard deviation {@code [nx]}. */
    public double[] std() {
        double[] s = new double[mean.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(covariance[i][i]);
        }
        return s;
    }
}
