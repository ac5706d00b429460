package org.climagrad.obs;

import java.util.Random;
import org.climagrad.core.Check;

/**
 * The CODA observation model (Zinchenko &amp; Greenberg 2024, Sec. 3): Gaussian noise of standard
 * deviation σ on every variable, then a {@link Sampling} decides which variables are seen.
 * Immutable; {@link #observe} is seeded and reproducible.
 */
public final class ObservationModel {
    private final double sigma;
    private final Sampling sampling;

    private ObservationModel(double sigma, Sampling sampling) {
        this.sigma = sigma;
        this.sampling = sampling;
    }

    /** A builder: {@code setSigma} is required; sampling defaults to every variable observed. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Gaussian noise of standard deviation σ on every variable, then each variable missing
     * independently with probability {@code missingFraction}, redrawn every step
     * ({@link Sampling.RandomMissing}): the setting of CODA (Zinchenko &amp; Greenberg 2024, Sec. 3:
     * σ = 1, 75 % missing). Formerly {@code coda(σ, f)}.
     *
     * @param sigma observation-error standard deviation σ ≥ 0 (state units)
     * @param missingFraction probability that a variable is missing at a time, in [0, 1]
     */
    public static ObservationModel randomMissing(double sigma, double missingFraction) {
        return builder().setSigma(sigma).optSampling(new Sampling.RandomMissing(missingFraction)).build();
    }

    /**
     * The reference CODA code's setting: Gaussian noise σ, then exactly round(fraction·nx)
     * variables missing, a random subset redrawn every step ({@link Sampling.ExactMissing}).
     *
     * @param sigma observation-error standard deviation σ ≥ 0 (state units)
     * @param missingFraction fraction of the nx variables missing at every time, in [0, 1]
     */
    public static ObservationModel exactMissing(double sigma, double missingFraction) {
        return builder().setSigma(sigma).optSampling(new Sampling.ExactMissing(missingFraction)).build();
    }

    /** Observation-error standard deviation σ. */
    public double sigma() {
        return sigma;
    }

    /** Where observations are taken. */
    public Sampling sampling() {
        return sampling;
    }

    /**
     * Observes a trajectory.
     *
     * @param truth true states at the observation times {@code [time][nx]}, finite
     * @param seed seed of the noise and random masks
     * @return observations {@code [time][nx]}
     */
    public Observations observe(double[][] truth, long seed) {
        if (truth.length == 0) {
            throw new IllegalArgumentException("truth: must have at least one time");
        }
        Check.columns("truth", truth, truth[0].length);
        Check.allFinite("truth", truth);
        Random noise = new Random(seed);
        Random masks = new Random(seed ^ 0x5DEECE66DL);
        int nx = truth[0].length;
        double[][] y = new double[truth.length][nx];
        boolean[][] m = new boolean[truth.length][];
        for (int t = 0; t < truth.length; t++) {
            m[t] = sampling.mask(nx, t, masks);
            for (int i = 0; i < nx; i++) {
                double v = truth[t][i] + sigma * noise.nextGaussian();
                y[t][i] = m[t][i] ? v : 0;
            }
        }
        return new Observations(y, m, sigma);
    }

    /** Builder in DJL style. */
    public static final class Builder {
        private double sigma = Double.NaN;
        private Sampling sampling = Sampling.all();

        private Builder() {}

        /** Observation-error standard deviation σ ≥ 0 (required). */
        public Builder setSigma(double sigma) {
            this.sigma = sigma;
            return this;
        }

        /** Which variables are observed (default all). */
        public Builder optSampling(Sampling sampling) {
            this.sampling = sampling;
            return this;
        }

        /** Validates and builds. */
        public ObservationModel build() {
            if (Double.isNaN(sigma)) {
                throw new IllegalArgumentException("sigma: required, call setSigma (σ >= 0)");
            }
            Check.nonNegative("sigma", sigma);
            if (sampling == null) {
                throw new IllegalArgumentException("sampling: must not be null");
            }
            return new ObservationModel(sigma, sampling);
        }
    }
}
