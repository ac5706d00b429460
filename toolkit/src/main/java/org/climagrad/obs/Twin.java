package org.climagrad.obs;

import java.util.Arrays;
import org.climagrad.core.Check;

/**
 * The data of one {@link TwinExperiment}: the truth and its observations at the T observation
 * times. Immutable; getters return copies.
 *
 * @param experiment the configuration that generated it
 * @param truth true states {@code [time][nx]}
 * @param observations the observations of the truth {@code [time][nx]}
 */
public record Twin(TwinExperiment experiment, double[][] truth, Observations observations) {
    /**
     * Validates the shapes and copies the truth.
     *
     * @throws IllegalArgumentException when the truth is empty or ragged, or the observations have
     *     another number of times or another state size than the truth
     */
    public Twin {
        if (truth == null || truth.length == 0) {
            throw new IllegalArgumentException("truth: need at least one time, got "
                    + (truth == null ? "null" : "0"));
        }
        if (observations == null) {
            throw new IllegalArgumentException("observations: must not be null");
        }
        int nx = truth[0].length;
        Check.atLeast("truth nx", nx, 1);
        Check.columns("truth", truth, nx);
        if (observations.times() != truth.length) {
            throw new IllegalArgumentException("observations: need " + truth.length + " times (as the truth), got "
                    + observations.times());
        }
        if (observations.nx() != nx) {
            throw new IllegalArgumentException("observations: need nx = " + nx + " (as the truth), got "
                    + observations.nx());
        }
        truth = Arrays.stream(truth).map(double[]::clone).toArray(double[][]::new);
    }

    /** The true states {@code [time][nx]} (a copy; in loops use {@link #truth(int, int)}). */
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

    /** The true value of variable {@code k} at observation time {@code time}, without copying. */
    public double truth(int time, int k) {
        return truth[time][k];
    }

    /** The true state at one time {@code [nx]} (a copy). */
    public double[] truthAt(int t) {
        return truth[t].clone();
    }
}
