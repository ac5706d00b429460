package org.climagrad.da;

import org.climagrad.core.Check;

/**
 * Localisation distances for an analysis with a general observation operator ({@link
 * Enkf#analyse}): where each state variable and each observation sit, in the units of the
 * filter's {@link Localization} half-width (for a latent state: the longitude centroid of each
 * latent direction's decoded pattern and the longitude of each observation, in degrees).
 *
 * @param stateToObs distance from state variable i to observation j {@code [nx][p]}, ≥ 0
 * @param obsToObs distance between observations {@code [p][p]}, ≥ 0
 */
public record ObsDistances(double[][] stateToObs, double[][] obsToObs) {
    /** Validates the shapes and signs; keeps copies. */
    public ObsDistances {
        if (stateToObs == null || obsToObs == null || stateToObs.length == 0 || obsToObs.length == 0) {
            throw new IllegalArgumentException("stateToObs and obsToObs: required, non-empty");
        }
        int p = obsToObs.length;
        Check.columns("stateToObs", stateToObs, p);
        Check.columns("obsToObs", obsToObs, p);
        stateToObs = nonNegativeCopy("stateToObs", stateToObs);
        obsToObs = nonNegativeCopy("obsToObs", obsToObs);
    }

    /** Distances between positions on a line: |state_i − obs_j| and |obs_j − obs_k|. */
    public static ObsDistances onLine(double[] statePositions, double[] obsPositions) {
        Check.allFinite("statePositions", statePositions);
        Check.allFinite("obsPositions", obsPositions);
        double[][] xy = new double[statePositions.length][obsPositions.length];
        double[][] yy = new double[obsPositions.length][obsPositions.length];
        for (int j = 0; j < obsPositions.length; j++) {
            for (int i = 0; i < statePositions.length; i++) {
                xy[i][j] = Math.abs(statePositions[i] - obsPositions[j]);
            }
            for (int k = 0; k < obsPositions.length; k++) {
                yy[j][k] = Math.abs(obsPositions[j] - obsPositions[k]);
            }
        }
        return new ObsDistances(xy, yy);
    }

    /** The distance from state variable i to observation j. */
    public double stateToObs(int i, int j) {
        return stateToObs[i][j];
    }

    /** The distance between observations j and k. */
    public double obsToObs(int j, int k) {
        return obsToObs[j][k];
    }

    /** State size nx. */
    public int stateSize() {
        return stateToObs.length;
    }

    /** Number of observations p. */
    public int observations() {
        return obsToObs.length;
    }

    @Override
    public double[][] stateToObs() {
        return Ensembles.copy(stateToObs);
    }

    @Override
    public double[][] obsToObs() {
        return Ensembles.copy(obsToObs);
    }

    private static double[][] nonNegativeCopy(String name, double[][] d) {
        Check.allFinite(name, d);
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < d[i].length; j++) {
                if (d[i][j] < 0) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + d[i][j] + ": must be >= 0");
                }
            }
        }
        return Ensembles.copy(d);
    }
}
