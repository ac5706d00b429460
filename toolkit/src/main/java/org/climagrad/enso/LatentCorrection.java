package org.climagrad.enso;

/**
 * The output of a {@link LatentFilter} run (Behnoudfar et al. 2025, Secs. 3-4). Arrays are owned
 * by the record: treat them as read-only.
 *
 * @param grid the longitudes
 * @param corrected the corrected SST anomaly: mean of the decoded analysis members {@code [months][nx]}, K
 * @param spread standard deviation of the decoded analysis members {@code [months][nx]}, K
 * @param member one analysis member's decoded trajectory (member 0) {@code [months][nx]}, K: a
 *     realisation of the corrected model, whose statistics are not damped as the mean's are
 * @param forecast mean of the decoded forecast members {@code [months][nx]}, K
 * @param forecastLatent latent forecast mean {@code [months][d]}
 * @param analysisLatent latent analysis mean {@code [months][d]}
 * @param latentPositions longitude of each latent direction used for localisation {@code [d]}, °E
 * @param innovationRms RMS of y − h(z̄) over the run, per probe {@code [p]}, K
 */
public record LatentCorrection(EquatorialGrid grid, double[][] corrected, double[][] spread, double[][] member,
        double[][] forecast,
        double[][] forecastLatent, double[][] analysisLatent, double[] latentPositions, double[] innovationRms) {

    /** Number of months. */
    public int months() {
        return corrected.length;
    }

    /** The latent increments analysis − forecast {@code [months][d]}. */
    public double[][] latentIncrements() {
        double[][] inc = new double[months()][];
        for (int t = 0; t < inc.length; t++) {
            inc[t] = new double[analysisLatent[t].length];
            for (int k = 0; k < inc[t].length; k++) {
                inc[t][k] = analysisLatent[t][k] - forecastLatent[t][k];
            }
        }
        return inc;
    }

    /** The physical increments corrected − forecast {@code [months][nx]}, K. */
    public double[][] fieldIncrements() {
        double[][] inc = new double[months()][grid.size()];
        for (int t = 0; t < inc.length; t++) {
            for (int i = 0; i < inc[t].length; i++) {
                inc[t][i] = corrected[t][i] - forecast[t][i];
            }
        }
        return inc;
    }
}
