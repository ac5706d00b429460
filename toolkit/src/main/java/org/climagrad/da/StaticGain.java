package org.climagrad.da;

/**
 * The Kalman update with a static background covariance B (optimal interpolation and 3D-Var;
 * Kalnay 2003, eqs. 5.4.5–5.4.7): x_a = x_b + K (y − H x_b), K = B Hᵀ (H B Hᵀ + R)⁻¹,
 * P_a = (I − K H) B, with H selecting the observed variables and R = σ² I.
 */
final class StaticGain {
    private StaticGain() {}

    /**
     * The analysis mean and its spread.
     *
     * @param mean x_a {@code [nx]}
     * @param spread sqrt(tr(P_a)/nx)
     */
    record Update(double[] mean, double spread) {}

    /**
     * One update.
     *
     * @param background x_b {@code [nx]}
     * @param b B {@code [nx][nx]}
     * @param obs the observations (p = 0 returns x_b and sqrt(tr B / nx))
     */
    static Update apply(double[] background, double[][] b, ObsView obs) {
        int nx = background.length;
        int p = obs.size();
        double trace = 0;
        for (int i = 0; i < nx; i++) {
            trace += b[i][i];
        }
        if (p == 0) {
            return new Update(background.clone(), Math.sqrt(trace / nx));
        }
        int[] idx = obs.indices();
        double[][] s = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                s[j][k] = b[idx[j]][idx[k]];
            }
            s[j][j] += obs.sigma() * obs.sigma();
        }
        double[] hx = obs.observe(background);
        double[][] d = new double[p][1];
        for (int j = 0; j < p; j++) {
            d[j][0] = obs.values()[j] - hx[j];
        }
        double[] z = column(Linalg.solveSpd(s, d));
        // H B (p x nx), then S^-1 H B for the trace of K H B.
        double[][] hb = new double[p][];
        for (int j = 0; j < p; j++) {
            hb[j] = b[idx[j]].clone();
        }
        double[][] sInvHb = Linalg.solveSpd(s, hb);
        double[] mean = background.clone();
        double reduction = 0;
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < nx; i++) {
                mean[i] += hb[j][i] * z[j];
                reduction += hb[j][i] * sInvHb[j][i];
            }
        }
        return new Update(mean, Math.sqrt(Math.max(trace - reduction, 0) / nx));
    }

    private static double[] column(double[][] m) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][0];
        }
        return c;
    }
}
