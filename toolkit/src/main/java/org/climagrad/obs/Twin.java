package org.climagrad.obs;

import java.util.Arrays;

/**
 * The data of one {@link TwinExperiment}: the truth and its observations at the T observation
 * times. Immutable; getters return copies.
 *
 * @param experiment the configuration that generated it
 * @param truth true states {@code [time][nx]}
 * @param observations the observations of the truth {@code [time][nx]}
 */
public record Twin(TwinExperiment experiment, double[][] truth, Observations observations) {
    /** Copies the truth. */
    public Twin {
        truth = Arrays.stream(truth).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[][] truth() {
        return Arrays.stream(truth).map(double[]::clone).toArray(double[][]::new);
    }

    /** Number of observation times. */
    public int times() {
        return truth.length;
    }

    /** State size. */
    public int nx() {
        return truth[0].length;
    }

    /** The true state at one time (copy). */
    public double[] truthAt(int t) {
        return truth[t].clone();
    }
}
