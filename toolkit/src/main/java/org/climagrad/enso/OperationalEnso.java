package org.climagrad.enso;

import java.util.SplittableRandom;
import org.climagrad.core.Check;

/**
 * A biased "operational" ENSO generator standing in for a CMIP6 model (Behnoudfar et al. 2025):
 * a linear, Gaussian damped oscillator drives the Niño3 index (so no skewness and a regular
 * period), Niño4 follows Niño3 with a fixed share plus independent noise (so the CP/EP mix is
 * wrong), and the SST fields use an EP pattern shifted west. Every bias is a parameter:
 *
 * <pre>
 *   T_{n+1} = ρ (cos ω T_n + sin ω H_n) + ε_T,   H_{n+1} = ρ (−sin ω T_n + cos ω H_n) + ε_H   (monthly)
 *   Niño3 = amplitude · T / sd(T),  Niño4 = cpShare · Niño3 + sqrt(1 − cpShare²) · amplitude4 · η
 * </pre>
 *
 * with ω = 2π / (12 · period) and ρ = exp(−1 / decayMonths) (a long decay time makes the
 * oscillation regular).
 *
 * <p>Build one with {@link #builder()} (defaults: {@link #biased()}) or vary it with {@link #toBuilder()}.
 *
 * @param period oscillation period, years (&gt; 0.5)
 * @param decayMonths e-folding time of the oscillation's damping, months (&gt; 0)
 * @param amplitude Niño3 standard deviation, K (&gt; 0)
 * @param amplitude4 scale of Niño4's independent part, K (≥ 0)
 * @param cpShare regression of Niño4 on Niño3, in [0, 1]
 * @param epShift westward shift of the EP pattern relative to the truth's, degrees
 * @param fieldNoise small-scale SST variability, K (≥ 0)
 */
public record OperationalEnso(double period, double decayMonths, double amplitude, double amplitude4, double cpShare,
        double epShift, double fieldNoise) {
    /** Validates the ranges. */
    public OperationalEnso {
        if (!(period > 0.5)) {
            throw new IllegalArgumentException("period = " + period + " years: must be > 0.5");
        }
        Check.positive("decayMonths", decayMonths);
        Check.positive("amplitude", amplitude);
        Check.nonNegative("amplitude4", amplitude4);
        Check.inClosed("cpShare", cpShare, 0, 1);
        Check.finite("epShift", epShift);
        Check.nonNegative("fieldNoise", fieldNoise);
    }

    /**
     * Typical biases: a regular 4-year oscillation (decay 24 months), Niño3 standard deviation
     * 0.7 K with no skewness, Niño4 = 0.7 Niño3 + 0.3 K noise, EP pattern 20° too far west.
     */
    public static OperationalEnso biased() {
        return builder().build();
    }

    /** A builder; the optional values default to those of {@link #biased()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values (for variants). */
    public Builder toBuilder() {
        return new Builder().optPeriod(period).optDecayMonths(decayMonths).optAmplitude(amplitude)
                .optAmplitude4(amplitude4).optCpShare(cpShare).optEpShift(epShift).optFieldNoise(fieldNoise);
    }

    /** Builds a {@link OperationalEnso} (DJL style); {@link #build()} validates and names the bad field. */
    public static final class Builder {
        private double period = 4;
        private double decayMonths = 24;
        private double amplitude = 0.7;
        private double amplitude4 = 0.3;
        private double cpShare = 0.7;
        private double epShift = 20;
        private double fieldNoise = 0.2;

        private Builder() {}

        /** Oscillation period &gt; 0.5, years (default 4). */
        public Builder optPeriod(double period) {
            this.period = period;
            return this;
        }

        /** E-folding time of the damping &gt; 0, months (default 24). */
        public Builder optDecayMonths(double decayMonths) {
            this.decayMonths = decayMonths;
            return this;
        }

        /** Niño3 standard deviation &gt; 0, K (default 0.7). */
        public Builder optAmplitude(double amplitude) {
            this.amplitude = amplitude;
            return this;
        }

        /** Scale of Niño4's independent part ≥ 0, K (default 0.3). */
        public Builder optAmplitude4(double amplitude4) {
            this.amplitude4 = amplitude4;
            return this;
        }

        /** Regression of Niño4 on Niño3, in [0, 1] (default 0.7). */
        public Builder optCpShare(double cpShare) {
            this.cpShare = cpShare;
            return this;
        }

        /** Westward shift of the EP pattern relative to the truth's, degrees (default 20). */
        public Builder optEpShift(double epShift) {
            this.epShift = epShift;
            return this;
        }

        /** Small-scale SST variability ≥ 0, K (default 0.2). */
        public Builder optFieldNoise(double fieldNoise) {
            this.fieldNoise = fieldNoise;
            return this;
        }

        /** Validates (the message names the field and its range) and builds. */
        public OperationalEnso build() {
            return new OperationalEnso(period, decayMonths, amplitude, amplitude4, cpShare, epShift, fieldNoise);
        }
    }

    /** Monthly Niño3 and Niño4 indices {@code [2][months]} after a 10-year spin-up. */
    public double[][] indices(int months, long seed) {
        Check.atLeast("months", months, 12);
        SplittableRandom rng = new SplittableRandom(seed);
        double omega = 2 * Math.PI / (12 * period);
        double rho = Math.exp(-1 / decayMonths);
        double c = Math.cos(omega);
        double s = Math.sin(omega);
        double t = 0;
        double h = 0;
        double[] raw = new double[months];
        for (int n = -120; n < months; n++) {
            double nt = rho * (c * t + s * h) + rng.nextGaussian();
            double nh = rho * (-s * t + c * h) + rng.nextGaussian();
            t = nt;
            h = nh;
            if (n >= 0) {
                raw[n] = t;
            }
        }
        double sd = Math.sqrt(EnsoStatistics.variance(raw));
        double mean = EnsoStatistics.mean(raw);
        double[][] out = new double[2][months];
        double rest = Math.sqrt(1 - cpShare * cpShare);
        for (int n = 0; n < months; n++) {
            out[0][n] = amplitude * (raw[n] - mean) / sd;
            out[1][n] = cpShare * out[0][n] + rest * amplitude4 * rng.nextGaussian();
        }
        return out;
    }

    /** The SST field generator with this model's EP pattern shift. */
    public SstFields fieldModel(EquatorialGrid grid) {
        SstFields truth = SstFields.truth(grid);
        return truth.toBuilder().optEpCentre(truth.epCentre() - epShift).optNoiseStd(fieldNoise).build();
    }
}
