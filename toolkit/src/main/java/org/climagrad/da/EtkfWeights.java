package org.climagrad.da;

/**
 * The ETKF ensemble-space update W = 1 wᵀ + T − I in factored form,
 * T − I = Σ_k c_k U_k U_kᵀ (Sakov &amp; Oke 2008; Hunt et al. 2007, eqs. 21–24): applying it to
 * one variable's anomalies costs O(N q) instead of O(N²).
 *
 * @param w mean weights {@code [N]}
 * @param c coefficients √((N−1)/(λ_k+N−1)) − 1 {@code [q]}
 * @param u orthonormal directions U_k in ensemble space {@code [q][N]} (zero for empty directions)
 */
record EtkfWeights(double[] w, double[] c, double[][] u) {

    /** dx_n = Σ_m W_nm a_m for one variable's anomalies a {@code [N]}, written to dx {@code [N]}. */
    void apply(double[] a, double[] dx) {
        double mean = 0;
        for (int m = 0; m < a.length; m++) {
            mean += w[m] * a[m];
        }
        java.util.Arrays.fill(dx, mean);
        for (int k = 0; k < c.length; k++) {
            if (c[k] == 0) {
                continue;
            }
            double[] uk = u[k];
            double proj = 0;
            for (int m = 0; m < a.length; m++) {
                proj += uk[m] * a[m];
            }
            proj *= c[k];
            for (int n = 0; n < a.length; n++) {
                dx[n] += proj * uk[n];
            }
        }
    }

    /** W {@code [N][N]}. */
    double[][] matrix() {
        int n = w.length;
        double[][] big = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double s = w[b];
                for (int k = 0; k < c.length; k++) {
                    s += c[k] * u[k][a] * u[k][b];
                }
                big[a][b] = s;
            }
        }
        return big;
    }
}
