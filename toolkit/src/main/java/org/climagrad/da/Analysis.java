package org.climagrad.da;

import java.util.Random;

/**
 * The EnKF analysis of one observation time (DAPPER's {@code EnKF_analysis}; Sakov &amp; Oke 2008),
 * returned as an {@link Increment} so that the smoother can apply the same update to earlier
 * times. Formulas in {@link EnkfUpdate}.
 */
final class Analysis {
    /** Relative eigenvalue threshold below which a direction of Yᵀ Y counts as empty. */
    private static final double EIG_FLOOR = 1e-12;

    private Analysis() {}

    /**
     * The analysis increment.
     *
     * @param update the flavour
     * @param ensemble forecast {@code [N][nx]}
     * @param obs observations of this time (p ≥ 0; p = 0 gives the identity)
     * @param localization the taper, or null for none
     * @param rng source of the observation perturbations (PertObs only)
     */
    static Increment of(EnkfUpdate update, double[][] ensemble, ObsView obs, Localization localization,
            Random rng) {
        return of(update, ensemble, obs, localization, Distances.periodic(ensemble[0].length, obs.indices()), rng);
    }

    /**
     * The analysis increment with explicit localisation distances (used only when
     * {@code localization} is not null).
     */
    static Increment of(EnkfUpdate update, double[][] ensemble, ObsView obs, Localization localization,
            Distances distances, Random rng) {
        if (obs.size() == 0) {
            return Increment.NONE;
        }
        if (update instanceof EnkfUpdate.Sqrt) {
            return localization == null ? sqrt(ensemble, obs) : letkf(ensemble, obs, localization, distances);
        }
        return gain(update instanceof EnkfUpdate.PertObs, ensemble, obs, localization, distances, rng);
    }

    /** PertObs or DEnKF: x_n ← x_n + [ρ ∘] Aᵀ Y ([ρ ∘] Yᵀ Y + (N−1) R)⁻¹ v_n. */
    private static Increment gain(boolean perturbed, double[][] ensemble, ObsView obs, Localization loc,
            Distances distances, Random rng) {
        int n = ensemble.length;
        int p = obs.size();
        double s2 = obs.sigma() * obs.sigma();
        double[][] a = Ensembles.anomalies(ensemble);
        double[][] y = obs.observe(a);
        double[] dy = innovation(ensemble, obs);
        double[][] c = Linalg.transposeTimes(y, y);
        if (loc != null) {
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    c[j][k] *= loc.taper(distances.obsToObs(j, k));
                }
            }
        }
        for (int j = 0; j < p; j++) {
            c[j][j] += (n - 1) * s2;
        }
        double[][] v = new double[p][n];
        if (perturbed) {
            double[][] d = centredNoise(n, p, obs.sigma(), rng);
            for (int m = 0; m < n; m++) {
                for (int j = 0; j < p; j++) {
                    // y − d_m − H x_m = δ − d_m − Y_m
                    v[j][m] = dy[j] - d[m][j] - y[m][j];
                }
            }
        } else {
            for (int m = 0; m < n; m++) {
                for (int j = 0; j < p; j++) {
                    v[j][m] = dy[j] - 0.5 * y[m][j];
                }
            }
        }
        double[][] zt = Linalg.solveSpd(c, v);
        double[][] z = new double[n][p];
        for (int m = 0; m < n; m++) {
            for (int j = 0; j < p; j++) {
                z[m][j] = zt[j][m];
            }
        }
        if (loc == null) {
            return new Increment.Transform(Linalg.timesTranspose(z, y));
        }
        return new Increment.TaperedGain(y, z, stateToObsTaper(ensemble[0].length, obs, loc, distances));
    }

    /** The global ETKF. */
    private static Increment sqrt(double[][] ensemble, ObsView obs) {
        double[][] y = obs.observe(Ensembles.anomalies(ensemble));
        double[] dy = innovation(ensemble, obs);
        double s = obs.sigma();
        for (double[] ym : y) {
            for (int j = 0; j < ym.length; j++) {
                ym[j] /= s;
            }
        }
        for (int j = 0; j < dy.length; j++) {
            dy[j] /= s;
        }
        return new Increment.Transform(etkfWeights(y, dy).matrix());
    }

    /** The LETKF: one ETKF per variable i with R⁻¹ tapered by ρ(d(i, obs)) (Hunt et al. 2007). */
    private static Increment letkf(double[][] ensemble, ObsView obs, Localization loc, Distances distances) {
        int nx = ensemble[0].length;
        int n = ensemble.length;
        double[][] y = obs.observe(Ensembles.anomalies(ensemble));
        double[] dy = innovation(ensemble, obs);
        double[][] rho = stateToObsTaper(nx, obs, loc, distances);
        EtkfWeights[] w = new EtkfWeights[nx];
        for (int i = 0; i < nx; i++) {
            int q = 0;
            for (double r : rho[i]) {
                q += r > 0 ? 1 : 0;
            }
            if (q == 0) {
                continue;
            }
            double[][] yl = new double[n][q];
            double[] dl = new double[q];
            int k = 0;
            for (int j = 0; j < rho[i].length; j++) {
                if (rho[i][j] > 0) {
                    double f = Math.sqrt(rho[i][j]) / obs.sigma();
                    for (int m = 0; m < n; m++) {
                        yl[m][k] = y[m][j] * f;
                    }
                    dl[k++] = dy[j] * f;
                }
            }
            w[i] = etkfWeights(yl, dl);
        }
        return new Increment.LocalTransforms(w);
    }

    /**
     * The ETKF weights W = 1 wᵀ + T − I from the scaled anomalies Ỹ = Y R^(−1/2) {@code [N][q]} and
     * innovation δ̃ = R^(−1/2) δ {@code [q]}: T = √(N−1) (Ỹ Ỹᵀ + (N−1) I)^(−1/2) (symmetric),
     * w = Ỹ (Ỹᵀ Ỹ + (N−1) I)⁻¹ δ̃. Uses the eigendecomposition of Ỹᵀ Ỹ = V Λ Vᵀ, with
     * U_k = Ỹ v_k / √λ_k: T = I + Σ_k (√((N−1)/(λ_k+N−1)) − 1) U_k U_kᵀ.
     */
    static EtkfWeights etkfWeights(double[][] yt, double[] dt) {
        int n = yt.length;
        int q = dt.length;
        Linalg.Eigen eig = Linalg.eigh(Linalg.transposeTimes(yt, yt));
        double lmax = 0;
        for (double l : eig.values()) {
            lmax = Math.max(lmax, l);
        }
        double[] w = new double[n];
        double[][] u = new double[q][];
        double[] c = new double[q];
        for (int k = 0; k < q; k++) {
            double vd = 0;
            for (int j = 0; j < q; j++) {
                vd += eig.vectors()[j][k] * dt[j];
            }
            double l = eig.values()[k];
            double coef = vd / (Math.max(l, 0) + n - 1);
            double[] yv = new double[n];
            for (int m = 0; m < n; m++) {
                double s = 0;
                for (int j = 0; j < q; j++) {
                    s += yt[m][j] * eig.vectors()[j][k];
                }
                yv[m] = s;
                w[m] += s * coef;
            }
            if (l > EIG_FLOOR * Math.max(1, lmax)) {
                double norm = Math.sqrt(l);
                for (int m = 0; m < n; m++) {
                    yv[m] /= norm;
                }
                u[k] = yv;
                c[k] = Math.sqrt((n - 1) / (l + n - 1)) - 1;
            } else {
                u[k] = new double[n];
            }
        }
        return new EtkfWeights(w, c, u);
    }

    /** δ = y − H x̄ {@code [p]}. */
    private static double[] innovation(double[][] ensemble, ObsView obs) {
        double[] hx = obs.observe(Ensembles.mean(ensemble));
        double[] d = obs.values().clone();
        for (int j = 0; j < d.length; j++) {
            d[j] -= hx[j];
        }
        return d;
    }

    /** ρ_xy {@code [nx][p]}. */
    private static double[][] stateToObsTaper(int nx, ObsView obs, Localization loc, Distances distances) {
        int p = obs.size();
        double[][] rho = new double[nx][p];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < p; j++) {
                rho[i][j] = loc.taper(distances.stateToObs(i, j));
            }
        }
        return rho;
    }

    /** d {@code [N][p]}, d_nj ~ N(0, σ²), centred over the members (DAPPER's {@code mean0}). */
    private static double[][] centredNoise(int n, int p, double sigma, Random rng) {
        double[][] d = new double[n][p];
        double[] mean = new double[p];
        for (int m = 0; m < n; m++) {
            for (int j = 0; j < p; j++) {
                d[m][j] = sigma * rng.nextGaussian();
                mean[j] += d[m][j] / n;
            }
        }
        for (int m = 0; m < n; m++) {
            for (int j = 0; j < p; j++) {
                d[m][j] -= mean[j];
            }
        }
        return d;
    }
}
