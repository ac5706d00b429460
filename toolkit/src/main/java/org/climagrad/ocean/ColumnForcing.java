package org.climagrad.ocean;

import org.climagrad.core.Check;

/**
 * The seasonal atmosphere the column's surface layer relaxes to, on a 360-day model year:
 * T_a(t) = meanTemperature + temperatureAmplitude · sin(2πt / 360),
 * S_a(t) = meanSalinity − salinityAmplitude · sin(2πt / 360) (saltiest when coldest, so winter
 * surface water is densest and convects). Immutable; build with {@link #builder()} (the canonical
 * constructor validates but is not the way to make one).
 *
 * @param meanTemperature °C
 * @param temperatureAmplitude K (≥ 0)
 * @param meanSalinity g kg⁻¹
 * @param salinityAmplitude g kg⁻¹ (≥ 0)
 */
public record ColumnForcing(double meanTemperature, double temperatureAmplitude, double meanSalinity,
        double salinityAmplitude) {
    /** Days per model year. */
    public static final int DAYS_PER_YEAR = 360;

    /** Validates. */
    public ColumnForcing {
        Check.finite("meanTemperature", meanTemperature);
        Check.nonNegative("temperatureAmplitude", temperatureAmplitude);
        Check.finite("meanSalinity", meanSalinity);
        Check.nonNegative("salinityAmplitude", salinityAmplitude);
    }

    /** A mid-latitude climate: SST 12 ± 6 °C, surface salinity 35 ± 0.3 g/kg (saltiest in winter). */
    public static ColumnForcing midLatitude() {
        return builder().setMeanTemperature(12).setTemperatureAmplitude(6).setMeanSalinity(35)
                .setSalinityAmplitude(0.3).build();
    }

    /** A builder; every field is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this forcing. */
    public Builder toBuilder() {
        return new Builder().setMeanTemperature(meanTemperature).setTemperatureAmplitude(temperatureAmplitude)
                .setMeanSalinity(meanSalinity).setSalinityAmplitude(salinityAmplitude);
    }

    /** Builds a {@link ColumnForcing}. */
    public static final class Builder {
        private Double meanTemperature;
        private Double temperatureAmplitude;
        private Double meanSalinity;
        private Double salinityAmplitude;

        private Builder() {}

        /** Annual-mean air temperature, °C, finite (required). */
        public Builder setMeanTemperature(double meanTemperature) {
            this.meanTemperature = meanTemperature;
            return this;
        }

        /** Seasonal temperature amplitude, K, ≥ 0 (required). */
        public Builder setTemperatureAmplitude(double temperatureAmplitude) {
            this.temperatureAmplitude = temperatureAmplitude;
            return this;
        }

        /** Annual-mean surface salinity, g kg⁻¹, finite (required). */
        public Builder setMeanSalinity(double meanSalinity) {
            this.meanSalinity = meanSalinity;
            return this;
        }

        /** Seasonal salinity amplitude, g kg⁻¹, ≥ 0 (required). */
        public Builder setSalinityAmplitude(double salinityAmplitude) {
            this.salinityAmplitude = salinityAmplitude;
            return this;
        }

        /** Validates (the message names the field and its range) and builds. */
        public ColumnForcing build() {
            require("meanTemperature", meanTemperature);
            require("temperatureAmplitude", temperatureAmplitude);
            require("meanSalinity", meanSalinity);
            require("salinityAmplitude", salinityAmplitude);
            return new ColumnForcing(meanTemperature, temperatureAmplitude, meanSalinity, salinityAmplitude);
        }

        private static void require(String name, Double value) {
            if (value == null) {
                throw new IllegalArgumentException(name + ": required");
            }
        }
    }
}
