package org.climagrad.enso;

/**
 * The output of a {@link LatentFilter} run (Behnoudfar et al. 2025, Secs. 3-4). Immutable: the
 * constructor copies its arrays, the array accessors return a copy, and loops use the indexed
 * getters (e.g. {@link #corrected(int, int)}) with {@link #months()}, {@link #nx()} and {@link
 * #latent()}.
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

    /** Copies every array. */
    public LatentCorrection {
        corrected = copy(corrected);
        spread = copy(spread);
        member = copy(member);
        forecast = copy(forecast);
        forecastLatent = copy(forecastLatent);
        analysisLatent = copy(analysisLatent);
        latentPositions = latentPositions.clone();
        innovationRms = innovationRms.clone();
    }

    /** Corrected SST anomaly {@code [months][nx]}, K (a copy). */
    @Override
    public double[][] corrected() {
        return copy(corrected);
    }

    /** Row {@code month} of {@link #corrected()} (a copy). */
    public double[] corrected(int month) {
        return corrected[month].clone();
    }

    /** Entry {@code [month][i]} of {@link #corrected()} (no copy). */
    public double corrected(int month, int i) {
        return corrected[month][i];
    }

    /** Spread of the decoded analysis members {@code [months][nx]}, K (a copy). */
    @Override
    public double[][] spread() {
        return copy(spread);
    }

    /** Row {@code month} of {@link #spread()} (a copy). */
    public double[] spread(int month) {
        return spread[month].clone();
    }

    /** Entry {@code [month][i]} of {@link #spread()} (no copy). */
    public double spread(int month, int i) {
        return spread[month][i];
    }

    /** Member 0's decoded analysis trajectory {@code [months][nx]}, K (a copy). */
    @Override
    public double[][] member() {
        return copy(member);
    }

    /** Row {@code month} of {@link #member()} (a copy). */
    public double[] member(int month) {
        return member[month].clone();
    }

    /** Entry {@code [month][i]} of {@link #member()} (no copy). */
    public double member(int month, int i) {
        return member[month][i];
    }

    /** Mean of the decoded forecast members {@code [months][nx]}, K (a copy). */
    @Override
    public double[][] forecast() {
        return copy(forecast);
    }

    /** Row {@code month} of {@link #forecast()} (a copy). */
    public double[] forecast(int month) {
        return forecast[month].clone();
    }

    /** Entry {@code [month][i]} of {@link #forecast()} (no copy). */
    public double forecast(int month, int i) {
        return forecast[month][i];
    }

    /** Latent forecast mean {@code [months][d]} (a copy). */
    @Override
    public double[][] forecastLatent() {
        return copy(forecastLatent);
    }

    /** Row {@code month} of {@link #forecastLatent()} (a copy). */
    public double[] forecastLatent(int month) {
        return forecastLatent[month].clone();
    }

    /** Entry {@code [month][k]} of {@link #forecastLatent()} (no copy). */
    public double forecastLatent(int month, int k) {
        return forecastLatent[month][k];
    }

    /** Latent analysis mean {@code [months][d]} (a copy). */
    @Override
    public double[][] analysisLatent() {
        return copy(analysisLatent);
    }

    /** Row {@code month} of {@link #analysisLatent()} (a copy). */
    public double[] analysisLatent(int month) {
        return analysisLatent[month].clone();
    }

    /** Entry {@code [month][k]} of {@link #analysisLatent()} (no copy). */
    public double analysisLatent(int month, int k) {
        return analysisLatent[month][k];
    }

    /** Longitude of each latent direction {@code [d]}, °E (a copy). */
    @Override
    public double[] latentPositions() {
        return latentPositions.clone();
    }

    /** Entry {@code k} of {@link #latentPositions()} (no copy). */
    public double latentPositions(int k) {
        return latentPositions[k];
    }

    /** RMS of y − h(z̄) per probe {@code [p]}, K (a copy). */
    @Override
    public double[] innovationRms() {
        return innovationRms.clone();
    }

    /** Entry {@code probe} of {@link #innovationRms()} (no copy). */
    public double innovationRms(int probe) {
        return innovationRms[probe];
    }

    /** Field size nx. */
    public int nx() {
        return grid.size();
    }

    /** Latent dimension d. */
    public int latent() {
        return latentPositions.length;
    }

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

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
