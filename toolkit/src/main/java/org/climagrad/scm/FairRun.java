package org.climagrad.scm;

/**
 * One FaIR 2.x run ({@link Fair#run}): on the time bounds {@code firstYear .. lastYear + 1} the
 * concentration of every greenhouse gas and of EESC (NaN for other species), the forcing of every
 * forcing agent (NaN for species without their own forcing, such as CO2 FFI or EESC), the three
 * layer temperatures (K above the 1750 state; layer 0 is the surface), the total and the
 * efficacy-weighted forcing. Immutable: accessors are indexed; {@link #concentrations()} and the
 * other array accessors return copies.
 */
public final class FairRun {
    /**
     * A range of years, both ends included; a year's value is the mean of its two time bounds
     * (FaIR's time point y + 0.5).
     *
     * @param first the first year
     * @param last the last year, ≥ first
     */
    public record Years(int first, int last) {
        /** Validates. */
        public Years {
            if (last < first) {
                throw new IllegalArgumentException("last: need >= first (" + first + "), got " + last);
            }
        }

        /** 1850-1900, the pre-industrial baseline of IPCC AR6. */
        public static Years preIndustrial() {
            return new Years(1850, 1900);
        }
    }

    private final FairSpeciesTable species;
    private final String scenario;
    private final String member;
    private final int firstYear;
    private final double[][] concentration;
    private final double[][] forcing;
    private final double[][] temperature;
    private final double[] forcingSum;
    private final double[] effectiveForcing;

    FairRun(FairSpeciesTable species, String scenario, String member, int firstYear, double[][] concentration,
            double[][] forcing, double[][] temperature, double[] forcingSum, double[] effectiveForcing) {
        this.species = species;
        this.scenario = scenario;
        this.member = member;
        this.firstYear = firstYear;
        this.concentration = concentration;
        this.forcing = forcing;
        this.temperature = temperature;
        this.forcingSum = forcingSum;
        this.effectiveForcing = effectiveForcing;
    }

    /** The species configuration of the run. */
    public FairSpeciesTable species() {
        return species;
    }

    /** The scenario's name. */
    public String scenario() {
        return scenario;
    }

    /** The member's id. */
    public String member() {
        return member;
    }

    /** The first time bound's year. */
    public int firstYear() {
        return firstYear;
    }

    /** Number of time bounds (years + 1). */
    public int bounds() {
        return temperature.length;
    }

    /** Surface temperature at time bound {@code b}, K above 1750. */
    public double surfaceTemperature(int b) {
        return temperature[b][0];
    }

    /** Temperature of {@code layer} (0 surface, 1, 2 deep) at time bound {@code b}, K. */
    public double temperature(int b, int layer) {
        return temperature[b][layer];
    }

    /** Concentration of species {@code s} at time bound {@code b} (ppm CO2, ppb CH4 and N2O, ppt others). */
    public double concentration(int b, int s) {
        return concentration[b][s];
    }

    /** Forcing of agent {@code s} at time bound {@code b}, W m⁻² (NaN if the species has none). */
    public double forcing(int b, int s) {
        return forcing[b][s];
    }

    /** Total effective radiative forcing at time bound {@code b}, W m⁻². */
    public double forcingSum(int b) {
        return forcingSum[b];
    }

    /** Efficacy-weighted forcing at time bound {@code b} (what the EBM sees), W m⁻². */
    public double effectiveForcing(int b) {
        return effectiveForcing[b];
    }

    /** All concentrations {@code [bounds][species]} (a copy). */
    public double[][] concentrations() {
        return copy(concentration);
    }

    /** All forcings {@code [bounds][species]} (a copy). */
    public double[][] forcings() {
        return copy(forcing);
    }

    /** Layer temperatures {@code [bounds][3]} (a copy). */
    public double[][] temperatures() {
        return copy(temperature);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Surface warming over {@code target} relative to {@code baseline} (year means), K. */
    public double warming(Years target, Years baseline) {
        return mean(target, b -> temperature[b][0]) - mean(baseline, b -> temperature[b][0]);
    }

    /** Mean surface temperature over {@code years}, K above 1750. */
    public double meanSurfaceTemperature(Years years) {
        return mean(years, b -> temperature[b][0]);
    }

    /** Mean concentration of species {@code s} over {@code years}. */
    public double meanConcentration(int s, Years years) {
        return mean(years, b -> concentration[b][s]);
    }

    /** Mean forcing of agent {@code s} over {@code years}, W m⁻². */
    public double meanForcing(int s, Years years) {
        return mean(years, b -> forcing[b][s]);
    }

    /** Mean aerosol forcing (aerosol-radiation plus aerosol-cloud interactions) over {@code years}, W m⁻². */
    public double meanAerosolForcing(Years years) {
        int ari = species.indexOf(FairSpeciesType.ARI);
        int aci = species.indexOf(FairSpeciesType.ACI);
        return mean(years, b -> forcing[b][ari] + forcing[b][aci]);
    }

    private double mean(Years years, java.util.function.IntToDoubleFunction atBound) {
        int lastBound = firstYear + bounds() - 2;
        if (years.first() < firstYear || years.last() > lastBound) {
            throw new IllegalArgumentException("years: need " + firstYear + ".." + lastBound + ", got "
                    + years.first() + ".." + years.last());
        }
        double s = 0;
        for (int y = years.first(); y <= years.last(); y++) {
            int b = y - firstYear;
            s += 0.5 * (atBound.applyAsDouble(b) + atBound.applyAsDouble(b + 1));
        }
        return s / (years.last() - years.first() + 1);
    }
}
