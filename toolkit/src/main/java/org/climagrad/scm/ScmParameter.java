package org.climagrad.scm;

/**
 * The tunable parameters of the simple climate model {@link Scm}, with their AR6-mean defaults.
 * The order of the constants is the order of the parameter vector θ ({@code [batch, P]}).
 *
 * <p>Energy balance: three-layer model of Cummins et al. (2020), AR6-mean calibration (FaIR 2.1,
 * Smith et al. 2021/2024). Gas cycles: FaIR v2.0 (Leach et al. 2021, GMD 14, 3007), iIRF100 = r0 +
 * ru·G_u + rT·T + ra·G_a. Forcing: AR6 WG1 Ch. 7 (Forster et al. 2021) and its supplement; the
 * aerosol coefficients are ours, chosen so that this six-agent model (no halocarbons, no ozone
 * precursors besides CH4 and N2O) warms 1.1 K from 1850-1900 to 2011-2020 with aerosol ERF in the
 * AR6 range (see {@link Scm}).
 */
public enum ScmParameter {
    /** Heat capacity of the surface layer, W yr m⁻² K⁻¹. */
    C1(4.13),
    /** Heat capacity of the middle layer, W yr m⁻² K⁻¹. */
    C2(17.21),
    /** Heat capacity of the deep layer, W yr m⁻² K⁻¹. */
    C3(85.40),
    /** Climate feedback parameter λ = κ1, W m⁻² K⁻¹. */
    KAPPA1(1.298),
    /** Heat exchange surface - middle layer, W m⁻² K⁻¹. */
    KAPPA2(2.447),
    /** Heat exchange middle - deep layer, W m⁻² K⁻¹. */
    KAPPA3(1.156),
    /** Deep-ocean heat uptake efficacy ε, dimensionless. */
    EPSILON(1.286),
    /** Effective radiative forcing of 4 × CO2, W m⁻²; CO2 ERF = F4x·ln(C/C0)/ln 4. */
    F4X(7.79),
    /** CO2 iIRF100 at pre-industrial, yr (Leach et al. 2021). */
    CO2_R0(28.627),
    /** CO2 iIRF100 sensitivity to cumulative uptake, yr per Gt C. */
    CO2_RU(0.019773),
    /** CO2 iIRF100 sensitivity to warming, yr K⁻¹. */
    CO2_RT(4.334433),
    /**
     * CH4 iIRF100 at pre-industrial, yr. FaIR v2.0 has 8.249 with natural emissions; with emissions
     * counted above 1750, 9.6 gives the observed 2019 concentration (1866 ppb, AR6).
     */
    CH4_R0(9.6),
    /** CH4 iIRF100 sensitivity to the atmospheric burden, yr per Mt CH4. */
    CH4_RA(0.000318),
    /** N2O iIRF100 at pre-industrial, yr. */
    N2O_R0(65.44),
    /** Aerosol-radiation ERF per SO2 emission above 1750, W m⁻² per (Mt SO2 / yr). */
    SO2_ARI(-0.0005),
    /** Aerosol-radiation ERF per BC emission above 1750, W m⁻² per (Mt BC / yr) (FaIR 2.1). */
    BC_ARI(0.0508),
    /** Aerosol-cloud ERF scale β: −β·ln(1 + E_SO2 / s), W m⁻². */
    ACI_BETA(0.30),
    /** Aerosol-cloud ERF shape s, Mt SO2 / yr. */
    ACI_SHAPE(2.0),
    /** Tropospheric ozone ERF per ppb CH4 above 1750, W m⁻² ppb⁻¹ (Thornhill et al. 2021). */
    O3_CH4(1.75e-4),
    /** Tropospheric ozone ERF per ppb N2O above 1750, W m⁻² ppb⁻¹ (Thornhill et al. 2021). */
    O3_N2O(7.1e-4);

    private final double ar6;

    ScmParameter(double ar6) {
        this.ar6 = ar6;
    }

    /** The AR6-mean default value. */
    public double ar6() {
        return ar6;
    }

    /** Number of parameters P. */
    public static int count() {
        return values().length;
    }
}
