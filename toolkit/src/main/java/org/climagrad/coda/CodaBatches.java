package org.climagrad.coda;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.climagrad.core.Check;
import org.climagrad.obs.Observations;

/**
 * The tensors CODA trains on, cut from one observation record (values and mask
 * {@code [time][nx]}): network inputs (observation windows of half-width w around a centre time)
 * and loss targets (the observations of the R+1 times from the centre on).
 *
 * <p>Inputs as {@link ObservationWindows}. Valid centres for training are
 * t = w .. T−1−w−R, so that the window around t+R is complete too.
 */
final class CodaBatches {
    private final float[][] values; // [time][nx], 0 where missing
    private final float[][] mask; // [time][nx]
    private final int halfWidth;
    private final int rolloutSteps;
    private final CodaInputs inputs;

    CodaBatches(Observations observations, int halfWidth, int rolloutSteps, CodaInputs inputs) {
        Check.atLeast("halfWidth", halfWidth, 0);
        Check.atLeast("rolloutSteps", rolloutSteps, 0);
        int times = observations.times();
        if (times < 2 * halfWidth + rolloutSteps + 1) {
            throw new IllegalArgumentException("observations have " + times + " times: need at least 2*halfWidth + "
                    + "rolloutSteps + 1 = " + (2 * halfWidth + rolloutSteps + 1));
        }
        float[][][] f = ObservationWindows.floats(observations);
        values = f[0];
        mask = f[1];
        this.halfWidth = halfWidth;
        this.rolloutSteps = rolloutSteps;
        this.inputs = inputs;
    }

    int nx() {
        return values[0].length;
    }

    int times() {
        return values.length;
    }

    /** First valid training centre. */
    int firstCentre() {
        return halfWidth;
    }

    /** Last valid training centre (inclusive). */
    int lastCentre() {
        return values.length - 1 - halfWidth - rolloutSteps;
    }

    /** Network inputs for the given centre times (each in [w, T−1−w]): {@link ObservationWindows#inputs}. */
    NDArray inputs(NDManager manager, int[] centres) {
        return ObservationWindows.inputs(manager, values, mask, centres, halfWidth, inputs);
    }

    /** Observations y_{t..t+R} {@code [batch, R+1, nx]} (0 where missing). */
    NDArray targets(NDManager manager, int[] centres) {
        return slab(manager, centres, values);
    }

    /** Mask m_{t..t+R} {@code [batch, R+1, nx]}. */
    NDArray targetMask(NDManager manager, int[] centres) {
        return slab(manager, centres, mask);
    }

    private NDArray slab(NDManager manager, int[] centres, float[][] source) {
        int nx = nx();
        int len = rolloutSteps + 1;
        float[] data = new float[centres.length * len * nx];
        for (int b = 0; b < centres.length; b++) {
            for (int i = 0; i < len; i++) {
                System.arraycopy(source[centres[b] + i], 0, data, (b * len + i) * nx, nx);
            }
        }
        return manager.create(data, new Shape(centres.length, len, nx));
    }
}
