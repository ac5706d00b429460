package org.climagrad.da;

import org.climagrad.obs.Twin;

/**
 * The ensemble Kalman filter (Evensen 2009; DAPPER's {@code EnKF}) with the analysis flavours of
 * {@link EnkfUpdate} (perturbed observations, symmetric square root / ETKF, DEnKF of Sakov &amp; Oke
 * 2008), multiplicative inflation of the analysis anomalies and optional Gaspari–Cohn localisation
 * (covariance tapering for PertObs and DEnKF, local analyses — the LETKF — for Sqrt). Immutable.
 *
 * <p>Cycle: the prior at t = 0 is N distinct climatology samples (seeded) or a given ensemble;
 * each observation time is analysed, then the ensemble is forecast obsEvery model steps in one
 * batched call. The result carries the filter (analysis) mean and spread, no smoother.
 */
public final class Enkf implements DaMethod {
    private final EnsembleConfig config;

    private Enkf(EnsembleConfig config) {
        this.config = config;
    }

    /** A builder: update and ensemble size (or an initial ensemble) and the climatology are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The analysis flavour. */
    public EnkfUpdate update() {
        return config.update();
    }

    /** Ensemble size N. */
    public int ensembleSize() {
        return config.ensembleSize();
    }

    /** Multiplicative inflation λ. */
    public double inflation() {
        return config.inflation();
    }

    @Override
    public DaResult assimilate(Twin twin) {
        return EnsembleCycle.run(config, 0, false, toString(), twin);
    }

    @Override
    public String toString() {
        return "EnKF(" + config.describe() + ")";
    }

    /** Builder of an {@link Enkf}. */
    public static final class Builder extends EnsembleBuilder<Builder> {
        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /** Validates and builds. */
        public Enkf build() {
            return new Enkf(config());
        }
    }
}
