package org.climagrad.coda;

/**
 * The channels of a CODA network's input window {@code [batch, channels, 2w + 1, nx]}, built by
 * {@link ObservationWindows}. Row s = 0..2w of a window is the observation time t − w + s, whose
 * relative time index is k = s − w.
 */
public enum CodaInputs {
    /**
     * The reference code's four channels (m-dml/coda, {@code L96TrainingDataset}): the observed
     * values (0 where missing), the mask (1 observed, 0 missing), the relative time index
     * k = −w..w of the row, and k × the observed value. The last two let a network whose skips
     * take a maximum over time still tell when in the window a feature was seen.
     */
    VALUES_MASK_TIME(4),
    /** Observed values (0 where missing) and the mask only. */
    VALUES_MASK(2);

    /** Channel of the observed values. */
    public static final int VALUES = 0;
    /** Channel of the mask. */
    public static final int MASK = 1;
    /** Channel of the relative time index k (four-channel layout). */
    public static final int TIME = 2;
    /** Channel of k × observed value (four-channel layout). */
    public static final int TIME_VALUES = 3;

    private final int channels;

    CodaInputs(int channels) {
        this.channels = channels;
    }

    /** The number of input channels. */
    public int channels() {
        return channels;
    }
}
