package org.climagrad.da;

import org.climagrad.core.Check;
import org.climagrad.obs.Twin;

/**
 * The ensemble Kalman smoother with a fixed lag (Evensen &amp; van Leeuwen 2000; Evensen 2009,
 * ch. 9; DAPPER's {@code EnKS}): the analysis at observation time t applies the same ensemble
 * update (perturbed-observation, square-root or DEnKF form, with the same localisation) to the
 * stored ensembles of times t−L..t−1, i.e. the update of the augmented state
 * [x_{t−L}; ...; x_t] given y_t. Inflation acts on the time-t analysis only. Lag L = 0 is the
 * filter. The result carries the filter and the smoother estimates. Immutable.
 */
public final class Enks implements DaMethod {
    private final EnsembleConfig config;
    private final int lag;

    private Enks(EnsembleConfig config, int lag) {
        this.config = config;
        this.lag = lag;
    }

    /** A builder: as {@link Enkf#builder()}, plus the lag. */
    public static Builder builder() {
        return new Builder();
    }

    /** The lag L in observation times. */
    public int lag() {
        return lag;
    }

    @Override
    public DaResult assimilate(Twin twin) {
        return EnsembleCycle.run(config, lag, true, toString(), twin);
    }

    @Override
    public String toString() {
        return "EnKS(" + config.describe() + ", lag=" + lag + ")";
    }

    /** Builder of an {@link Enks}. */
    public static final class Builder extends EnsembleBuilder<Builder> {
        private int lag = -1;

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /** The lag L ≥ 0 in observation times (required; 0 is the filter). */
        public Builder setLag(int lag) {
            this.lag = lag;
            return this;
        }

        /** Validates and builds. */
        public Enks build() {
            EnsembleConfig c = config();
            Check.atLeast("lag", lag, 0);
            return new Enks(c, lag);
        }
    }
}
