package org.climagrad.da;

import java.util.Random;
import org.climagrad.core.Check;
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

    /** The localisation, or null for none. */
    public Localization localization() {
        return config.localization();
    }

    @Override
    public DaResult assimilate(Twin twin) {
        return EnsembleCycle.run(config, 0, false, toString(), twin);
    }

    /**
     * One analysis with a general, possibly nonlinear observation operator h, for filters that run
     * their own forecasts (e.g. in an autoencoder's latent space, Behnoudfar et al. 2025). The
     * members' predicted observations h(x_n) replace H x_n: the state is augmented with them,
     * x̃_n = [x_n, h(x_n)], the observed components of x̃ are analysed with this filter's update,
     * localisation and inflation exactly as in the cycled filter, and the augmentation is dropped
     * (Evensen 2009, sec. 9.5; for linear h it is the usual analysis).
     *
     * @param ensemble forecast {@code [N][nx]}, N = this filter's ensemble size
     * @param predicted h(x_n) {@code [N][p]}
     * @param observed y {@code [p]}
     * @param sigma observation-error standard deviation σ &gt; 0 (R = σ² I), observation units
     * @param distances where states and observations sit, required when this filter localises
     *     (ignored otherwise; may then be null)
     * @param rng source of the observation perturbations (PertObs)
     * @return the analysis ensemble {@code [N][nx]}, inflated by this filter's λ
     */
    public double[][] analyse(double[][] ensemble, double[][] predicted, double[] observed, double sigma,
            ObsDistances distances, Random rng) {
        int n = config.ensembleSize();
        if (ensemble.length != n || predicted.length != n) {
            throw new IllegalArgumentException("ensemble and predicted: " + ensemble.length + " and " + predicted.length
                    + " members, must both equal ensembleSize = " + n);
        }
        int nx = ensemble[0].length;
        int p = observed.length;
        Check.columns("ensemble", ensemble, nx);
        Check.columns("predicted", predicted, p);
        Check.allFinite("ensemble", ensemble);
        Check.allFinite("predicted", predicted);
        Check.allFinite("observed", observed);
        Check.positive("sigma", sigma);
        Localization loc = config.localization();
        if (loc != null && (distances == null || distances.stateSize() != nx || distances.observations() != p)) {
            throw new IllegalArgumentException("distances: required with localisation, sized [" + nx + "][" + p
                    + "] and [" + p + "][" + p + "]");
        }
        double[][] aug = new double[n][nx + p];
        for (int m = 0; m < n; m++) {
            System.arraycopy(ensemble[m], 0, aug[m], 0, nx);
            System.arraycopy(predicted[m], 0, aug[m], nx, p);
        }
        int[] idx = new int[p];
        for (int j = 0; j < p; j++) {
            idx[j] = nx + j;
        }
        Distances augmented = loc == null ? null : new Distances() {
            @Override
            public double stateToObs(int i, int j) {
                return i < nx ? distances.stateToObs(i, j) : distances.obsToObs(i - nx, j);
            }

            @Override
            public double obsToObs(int j, int k) {
                return distances.obsToObs(j, k);
            }
        };
        double[][] out = Analysis.of(config.update(), aug, new ObsView(idx, observed.clone(), sigma), loc, augmented,
                rng).apply(aug);
        double[][] x = new double[n][];
        for (int m = 0; m < n; m++) {
            x[m] = java.util.Arrays.copyOf(out[m], nx);
        }
        return config.inflation() != 1 ? Ensembles.inflate(x, config.inflation()) : x;
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
