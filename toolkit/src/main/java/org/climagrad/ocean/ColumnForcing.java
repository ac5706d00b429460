package org.climagrad.ocean;

import org.climagrad.core.Check;

/**
 * The seasonal atmosphere the column's surface layer relaxes to, on a 360-day model year:
 * T_a(t) = meanTemperature + temperatureAmplitude · sin(2πt / 360),
 * S_a(t) = meanSalinity − salinityAmplitude · sin(2πt / 360) (saltiest when coldest, so winter
 * surface water is densest and convects).
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
        return new ColumnForcing(12, 6, 35, 0.3);
    }
}
