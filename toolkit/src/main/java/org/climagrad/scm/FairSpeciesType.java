package org.climagrad.scm;

/**
 * The role of a species in FaIR 2.x (the {@code type} column of its species configuration): which
 * equations use it.
 */
public enum FairSpeciesType {
    /** Fossil and industrial CO2 emissions (feed {@link #CO2}). */
    CO2_FFI("co2 ffi"),
    /** Agriculture, forestry and other land-use CO2 emissions (feed {@link #CO2} and land use). */
    CO2_AFOLU("co2 afolu"),
    /** Atmospheric CO2: four-box gas cycle, Meinshausen et al. (2020) forcing. */
    CO2("co2"),
    /** Methane: one box with the Thornhill et al. (2021) lifetime chemistry. */
    CH4("ch4"),
    /** Nitrous oxide. */
    N2O("n2o"),
    /** Sulfur dioxide (aerosol precursor). */
    SULFUR("sulfur"),
    /** Black carbon. */
    BLACK_CARBON("black carbon"),
    /** Organic carbon. */
    ORGANIC_CARBON("organic carbon"),
    /** Other short-lived climate forcers: NH3, NOx, VOC, CO. */
    OTHER_SLCF("other slcf"),
    /** CFC-11, the reference of EESC's fractional release. */
    CFC_11("cfc-11"),
    /** Other ozone-depleting halogenated gases. */
    OTHER_HALOGEN("other halogen"),
    /** Fluorinated gases without chlorine or bromine. */
    F_GAS("f-gas"),
    /** Aviation NOx (contrails; absent from calibration 1.4.1). */
    AVIATION_NOX("aviation nox"),
    /** Solar forcing, prescribed. */
    SOLAR("solar"),
    /** Volcanic forcing, prescribed. */
    VOLCANIC("volcanic"),
    /** Aerosol-radiation interactions. */
    ARI("ari"),
    /** Aerosol-cloud interactions. */
    ACI("aci"),
    /** Tropospheric and stratospheric ozone. */
    OZONE("ozone"),
    /** Contrails (absent from calibration 1.4.1). */
    CONTRAILS("contrails"),
    /** Light-absorbing particles on snow and ice. */
    LAPSI("lapsi"),
    /** Stratospheric water vapour from CH4 oxidation. */
    H2O_STRATOSPHERIC("h2o stratospheric"),
    /** Land-use albedo. */
    LAND_USE("land use"),
    /** Equivalent effective stratospheric chlorine. */
    EESC("eesc");

    private final String label;

    FairSpeciesType(String label) {
        this.label = label;
    }

    /** FaIR's name of the type, e.g. {@code "other halogen"}. */
    public String label() {
        return label;
    }

    /** The type of FaIR's label; throws naming the label and the allowed ones if unknown. */
    public static FairSpeciesType ofLabel(String label) {
        for (FairSpeciesType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("type: unknown FaIR species type '" + label + "'; allowed: "
                + java.util.Arrays.stream(values()).map(FairSpeciesType::label).toList());
    }
}
