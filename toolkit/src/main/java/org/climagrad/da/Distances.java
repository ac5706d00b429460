package org.climagrad.da;

/**
 * The distances that localisation tapers: from state variable i to observation j, and between
 * observations j and k, in the units of the {@link Localization}'s half-width.
 */
interface Distances {
    /** Distance from state variable i to observation j. */
    double stateToObs(int i, int j);

    /** Distance between observations j and k. */
    double obsToObs(int j, int k);

    /** Grid-point distances on the periodic ring of nx variables, observations at {@code indices}. */
    static Distances periodic(int nx, int[] indices) {
        return new Distances() {
            @Override
            public double stateToObs(int i, int j) {
                return Localization.periodicDistance(i, indices[j], nx);
            }

            @Override
            public double obsToObs(int j, int k) {
                return Localization.periodicDistance(indices[j], indices[k], nx);
            }
        };
    }
}
