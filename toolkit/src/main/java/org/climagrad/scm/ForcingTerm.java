package org.climagrad.scm;

/** The terms of the effective radiative forcing, in the order of {@link ScmOutput#forcing()}. */
public enum ForcingTerm {
    /** Carbon dioxide. */
    CO2,
    /** Methane. */
    CH4,
    /** Nitrous oxide. */
    N2O,
    /** Tropospheric ozone from CH4 and N2O. */
    OZONE,
    /** Aerosol-radiation interactions (SO2 and BC). */
    AEROSOL_RADIATION,
    /** Aerosol-cloud interactions (SO2). */
    AEROSOL_CLOUD
}
