package org.climagrad.da;

/**
 * The result of one ensemble analysis, as an operation that can be applied to the forecast
 * ensemble of the analysis time and, unchanged, to the stored ensembles of earlier times (the
 * EnKS: Evensen 2009, ch. 9). Every form is linear in the anomalies A of the ensemble it is applied
 * to: x_n ← x_n + Σ_m W_nm A_m, possibly with a W per variable.
 */
sealed interface Increment {
    /** Applies the increment to an ensemble {@code [N][nx]}; returns a new array. */
    double[][] apply(double[][] ensemble);

    /** No observations: the identity. */
    Increment NONE = new Identity();

    /** The identity. */
    record Identity() implements Increment {
        @Override
        public double[][] apply(double[][] ensemble) {
            return Ensembles.copy(ensemble);
        }
    }

    /**
     * A global ensemble transform: x_n ← x_n + Σ_m W_nm A_m.
     *
     * @param w {@code [N][N]}
     */
    record Transform(double[][] w) implements Increment {
        @Override
        public double[][] apply(double[][] ensemble) {
            double[][] a = Ensembles.anomalies(ensemble);
            double[][] out = Ensembles.copy(ensemble);
            int nx = a[0].length;
            for (int n = 0; n < out.length; n++) {
                for (int m = 0; m < a.length; m++) {
                    double c = w[n][m];
                    for (int i = 0; i < nx; i++) {
                        out[n][i] += c * a[m][i];
                    }
                }
            }
            return out;
        }
    }

    /**
     * One ETKF transform per variable (the local analyses of the LETKF), in factored form:
     * x_ni ← x_ni + Σ_m W^(i)_nm A_mi; a null entry leaves variable i unchanged.
     *
     * @param w {@code [nx]}
     */
    record LocalTransforms(EtkfWeights[] w) implements Increment {
        @Override
        public double[][] apply(double[][] ensemble) {
            double[][] a = Ensembles.anomalies(ensemble);
            double[][] out = Ensembles.copy(ensemble);
            double[] column = new double[a.length];
            double[] dx = new double[a.length];
            for (int i = 0; i < w.length; i++) {
                if (w[i] == null) {
                    continue;
                }
                for (int m = 0; m < a.length; m++) {
                    column[m] = a[m][i];
                }
                w[i].apply(column, dx);
                for (int n = 0; n < out.length; n++) {
                    out[n][i] += dx[n];
                }
            }
            return out;
        }
    }

    /**
     * A covariance-localised gain: x_n ← x_n + (ρ ∘ Aᵀ Y) z_n, where Y {@code [N][p]} are the
     * forecast observation anomalies at the analysis time, ρ {@code [nx][p]} the state-to-observation
     * taper and z_n {@code [p]} the member's weights in observation space (already multiplied by
     * the inverse innovation covariance).
     *
     * @param y forecast observation anomalies {@code [N][p]}
     * @param z observation-space weights {@code [N][p]}
     * @param rho taper {@code [nx][p]}
     */
    record TaperedGain(double[][] y, double[][] z, double[][] rho) implements Increment {
        @Override
        public double[][] apply(double[][] ensemble) {
            double[][] a = Ensembles.anomalies(ensemble);
            double[][] g = Linalg.transposeTimes(a, y);
            for (int i = 0; i < g.length; i++) {
                for (int j = 0; j < g[i].length; j++) {
                    g[i][j] *= rho[i][j];
                }
            }
            double[][] out = Ensembles.copy(ensemble);
            for (int n = 0; n < out.length; n++) {
                double[] dx = Linalg.times(g, z[n]);
                for (int i = 0; i < dx.length; i++) {
                    out[n][i] += dx[i];
                }
            }
            return out;
        }
    }
}
