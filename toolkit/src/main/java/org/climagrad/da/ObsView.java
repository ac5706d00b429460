package org.climagrad.da;

import org.climagrad.obs.Observations;

/**
 * The observations of one analysis time in observation space: H selects the observed variables,
 * R = σ² I.
 *
 * @param indices observed variables, ascending {@code [p]}
 * @param values y {@code [p]}
 * @param sigma observation-error standard deviation σ (state units)
 */
record ObsView(int[] indices, double[] values, double sigma) {

    /** The observations at time index t. */
    static ObsView at(Observations obs, int t) {
        int[] idx = obs.observedAt(t);
        double[] all = obs.valuesAt(t);
        double[] y = new double[idx.length];
        for (int j = 0; j < idx.length; j++) {
            y[j] = all[idx[j]];
        }
        return new ObsView(idx, y, obs.sigma());
    }

    /** Number of observations p. */
    int size() {
        return indices.length;
    }

    /** H x for one state {@code [nx]}: {@code [p]}. */
    double[] observe(double[] x) {
        double[] hx = new double[indices.length];
        for (int j = 0; j < indices.length; j++) {
            hx[j] = x[indices[j]];
        }
        return hx;
    }

    /** H applied to every row {@code [N][nx]}: {@code [N][p]}. */
    double[][] observe(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int n = 0; n < rows.length; n++) {
            out[n] = observe(rows[n]);
        }
        return out;
    }
}
