package org.climagrad.scm;

import java.util.Locale;

/**
 * The per-species properties of FaIR 2.x (Leach et al. 2021; Smith et al. 2024, fair-calibrate
 * v1.4.1), one column each of FaIR's species-configuration file and, with a {@code [species]}
 * suffix, of the calibrated ensemble. Units are FaIR's: emissions in the units of
 * {@link FairScenario}, concentrations in ppm (CO2), ppb (CH4, N2O) or ppt (halogenated gases,
 * EESC), lifetimes in years, forcings in W m⁻².
 */
public enum FairProperty {
    /** Gas-cycle partition fraction of box 0 (of four). */
    PARTITION_FRACTION0,
    /** Partition fraction of box 1. */
    PARTITION_FRACTION1,
    /** Partition fraction of box 2. */
    PARTITION_FRACTION2,
    /** Partition fraction of box 3. */
    PARTITION_FRACTION3,
    /** Unperturbed lifetime of box 0, yr. */
    UNPERTURBED_LIFETIME0,
    /** Unperturbed lifetime of box 1, yr. */
    UNPERTURBED_LIFETIME1,
    /** Unperturbed lifetime of box 2, yr. */
    UNPERTURBED_LIFETIME2,
    /** Unperturbed lifetime of box 3, yr. */
    UNPERTURBED_LIFETIME3,
    /** Tropospheric adjustment: forcing is scaled by (1 + adjustment) · scale. */
    TROPOSPHERIC_ADJUSTMENT,
    /** Efficacy of the species' forcing in the energy balance model. */
    FORCING_EFFICACY,
    /** Forcing added per K of surface warming of the previous year, W m⁻² K⁻¹ (ozone). */
    FORCING_TEMPERATURE_FEEDBACK,
    /** Forcing scale factor (calibrated per member). */
    FORCING_SCALE,
    /** Molecular weight, g mol⁻¹. */
    MOLECULAR_WEIGHT,
    /** Concentration with zero anomalous emissions (the gas cycle's baseline). */
    BASELINE_CONCENTRATION,
    /** Concentration of zero forcing (Meinshausen et al. 2020's reference). */
    FORCING_REFERENCE_CONCENTRATION,
    /** Pre-industrial 100-year integrated impulse response r0, yr. */
    IIRF_0,
    /** Sensitivity of iIRF100 to the airborne burden, yr per emission unit. */
    IIRF_AIRBORNE,
    /** Sensitivity of iIRF100 to cumulative uptake, yr per emission unit. */
    IIRF_UPTAKE,
    /** Sensitivity of iIRF100 to surface warming, yr K⁻¹. */
    IIRF_TEMPERATURE,
    /** Emissions of zero anomaly (natural emissions). */
    BASELINE_EMISSIONS,
    /** g1 of α = g0 exp(iIRF100 / g1), yr. */
    G1,
    /** g0 of α = g0 exp(iIRF100 / g1). */
    G0,
    /** Radiative efficiency of a minor greenhouse gas, W m⁻² ppb⁻¹. */
    GREENHOUSE_GAS_RADIATIVE_EFFICIENCY,
    /** Stratospheric water vapour forcing per ppb of CH4 above baseline, W m⁻² ppb⁻¹. */
    H2O_STRATOSPHERIC_FACTOR,
    /** Forcing of light-absorbing particles on snow per unit emission above baseline. */
    LAPSI_RADIATIVE_EFFICIENCY,
    /** Land-use forcing per unit cumulative emission (CO2 AFOLU), W m⁻² per Gt CO2. */
    LAND_USE_CUMULATIVE_EMISSIONS_TO_FORCING,
    /** Chlorine atoms per molecule. */
    CL_ATOMS,
    /** Bromine atoms per molecule. */
    BR_ATOMS,
    /** Fractional release in the stratosphere. */
    FRACTIONAL_RELEASE,
    /** Sensitivity of CH4 lifetime (log) to this species' emission or concentration anomaly. */
    CH4_LIFETIME_CHEMICAL_SENSITIVITY,
    /** Sensitivity of CH4 lifetime to surface warming, K⁻¹. */
    LIFETIME_TEMPERATURE_SENSITIVITY,
    /** Contrail forcing per unit emission (aviation NOx; absent from calibration 1.4.1). */
    CONTRAILS_RADIATIVE_EFFICIENCY,
    /** Aerosol-radiation forcing per unit emission or concentration anomaly. */
    ERFARI_RADIATIVE_EFFICIENCY,
    /** Ozone forcing per unit emission or concentration anomaly. */
    OZONE_RADIATIVE_EFFICIENCY,
    /** Aerosol-cloud shape parameter s_i of −β ln(1 + Σ s_i E_i). */
    ACI_SHAPE,
    /** Aerosol-cloud scale β of −β ln(1 + Σ s_i E_i), W m⁻². */
    ACI_SCALE;

    /** The column name in FaIR's files, e.g. {@code partition_fraction0}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The property of a column name; empty if the name is not a species property. */
    public static java.util.Optional<FairProperty> ofColumn(String column) {
        for (FairProperty p : values()) {
            if (p.column().equals(column)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}
