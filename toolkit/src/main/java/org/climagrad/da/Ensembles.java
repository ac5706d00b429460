package org.climagrad.da;

import java.util.Random;

/**
 * Ensemble statistics on plain arrays. An ensemble is {@code [ensembleSize][nx]}: row n is member
 * n. Every statistic is symmetric in the members (invariant under reordering the rows).
 */
public final class Ensembles {
    private Ensembles() {}

    /** The ensemble mean x̄ = (1/N) Σ_n x_n, {@code [nx]}. */
    public static double[] mean(double[][] ensemble) {
        int nx = ensemble[0].length;
        double[] mu = new double[nx];
        for (double[] x : ensemble) {
            for (int i = 0; i < nx; i++) {
                mu[i] += x[i];
            }
        }
        for (int i = 0; i < nx; i++) {
            mu[i] /= ensemble.length;
        }
        return mu;
    }

    /** The anomalies A_n = x_n − x̄, {@code [ensembleSize][nx]}. */
    public static double[][] anomalies(double[][] ensemble) {
        double[] mu = mean(ensemble);
        double[][] a = new double[ensemble.length][mu.length];
        for (int n = 0; n < ensemble.length; n++) {
            for (int i = 0; i < mu.length; i++) {
                a[n][i] = ensemble[n][i] - mu[i];
            }
        }
        return a;
    }

    /**
     * The spread sqrt((1/nx) Σ_i var_i) with the unbiased variance var_i = Σ_n A_ni² / (N − 1)
     * (DAPPER's "rmv"), state units.
     */
    public static double spread(double[][] ensemble) {
        double[][] a = anomalies(ensemble);
        double s = 0;
        for (double[] an : a) {
            for (double v : an) {
                s += v * v;
            }
        }
        return Math.sqrt(s / (ensemble.length - 1) / ensemble[0].length);
    }

    /**
     * Multiplicative inflation of the anomalies, x_n ← x̄ + λ (x_n − x̄) (DAPPER's
     * {@code post_process}); a new array.
     *
     * @param ensemble {@code [ensembleSize][nx]}
     * @param inflation λ ≥ 1
     */
    public static double[][] inflate(double[][] ensemble, double inflation) {
        double[] mu = mean(ensemble);
        double[][] out = new double[ensemble.length][mu.length];
        for (int n = 0; n < ensemble.length; n++) {
            for (int i = 0; i < mu.length; i++) {
                out[n][i] = mu[i] + inflation * (ensemble[n][i] - mu[i]);
            }
        }
        return out;
    }

    /**
     * Draws {@code size} distinct rows of {@code pool} (a seeded partial shuffle), copies.
     *
     * @param pool candidate states {@code [samples][nx]}, at least {@code size} rows
     * @return {@code [size][nx]}
     */
    public static double[][] draw(double[][] pool, int size, Random rng) {
        int[] idx = new int[pool.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        double[][] out = new double[size][];
        for (int n = 0; n < size; n++) {
            int j = n + rng.nextInt(pool.length - n);
            int t = idx[n];
            idx[n] = idx[j];
            idx[j] = t;
            out[n] = pool[idx[n]].clone();
        }
        return out;
    }

    /** Deep copy of an ensemble. */
    static double[][] copy(double[][] ensemble) {
        double[][] c = new double[ensemble.length][];
        for (int n = 0; n < ensemble.length; n++) {
            c[n] = ensemble[n].clone();
        }
        return c;
    }
}
