package org.climagrad.scm;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Plain-array result of {@link ScmRunner} runs: one member per scenario or parameter set.
 * Immutable: the constructor copies its arrays, the array accessors return a copy, and loops use
 * the indexed getters ({@link #temperature(int, int)}, {@link #forcing(int, ForcingTerm, int)}, ...)
 * with the size getters {@link #members()} and {@link #length()}, which copy nothing.
 *
 * @param names member names (scenario names, or "member i")
 * @param firstYear calendar year of index 0
 * @param temperature surface warming above 1750 {@code [member][year]}, K
 * @param co2 ppm {@code [member][year]}
 * @param ch4 ppb {@code [member][year]}
 * @param n2o ppb {@code [member][year]}
 * @param forcing ERF {@code [member][term][year]}, W m⁻², {@link ForcingTerm} order
 */
public record ScmResult(List<String> names, int firstYear, double[][] temperature, double[][] co2, double[][] ch4,
        double[][] n2o, double[][][] forcing) {

    /**
     * An inclusive range of calendar years, e.g. the 1850-1900 baseline.
     *
     * @param first first year
     * @param last last year (≥ first)
     */
    public record Years(int first, int last) {
        /** Validates the order. */
        public Years {
            if (last < first) {
                throw new IllegalArgumentException("last = " + last + ": must be >= first = " + first);
            }
        }

        /** The IPCC pre-industrial baseline 1850-1900. */
        public static Years preIndustrial() {
            return new Years(1850, 1900);
        }
    }

    /** Copies every array. */
    public ScmResult {
        names = List.copyOf(names);
        temperature = copy(temperature);
        co2 = copy(co2);
        ch4 = copy(ch4);
        n2o = copy(n2o);
        double[][][] f = new double[forcing.length][][];
        for (int i = 0; i < f.length; i++) {
            f[i] = copy(forcing[i]);
        }
        forcing = f;
    }

    /** Surface warming above 1750 {@code [member][year]}, K (a copy). */
    @Override
    public double[][] temperature() {
        return copy(temperature);
    }

    /** CO2 concentration {@code [member][year]}, ppm (a copy). */
    @Override
    public double[][] co2() {
        return copy(co2);
    }

    /** CH4 concentration {@code [member][year]}, ppb (a copy). */
    @Override
    public double[][] ch4() {
        return copy(ch4);
    }

    /** N2O concentration {@code [member][year]}, ppb (a copy). */
    @Override
    public double[][] n2o() {
        return copy(n2o);
    }

    /** ERF {@code [member][term][year]}, W m⁻², {@link ForcingTerm} order (a copy). */
    @Override
    public double[][][] forcing() {
        double[][][] f = new double[forcing.length][][];
        for (int i = 0; i < f.length; i++) {
            f[i] = copy(forcing[i]);
        }
        return f;
    }

    /** Number of members. */
    public int members() {
        return temperature.length;
    }

    /** Number of years of every member. */
    public int length() {
        return temperature.length == 0 ? 0 : temperature[0].length;
    }

    /** Calendar year of the last index. */
    public int lastYear() {
        return firstYear + length() - 1;
    }

    /** One member's warming above 1750 by year {@code [year]}, K (a copy). */
    public double[] temperature(int member) {
        return temperature[member].clone();
    }

    /** Warming above 1750 of a member in a calendar year, K (no copy). */
    public double temperature(int member, int year) {
        return temperature[member][index(year)];
    }

    /** CO2 concentration of a member in a calendar year, ppm. */
    public double co2(int member, int year) {
        return co2[member][index(year)];
    }

    /** CH4 concentration of a member in a calendar year, ppb. */
    public double ch4(int member, int year) {
        return ch4[member][index(year)];
    }

    /** N2O concentration of a member in a calendar year, ppb. */
    public double n2o(int member, int year) {
        return n2o[member][index(year)];
    }

    /** Index of a member by name. */
    public int member(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("name '" + name + "': not a member; have " + names);
        }
        return i;
    }

    /** Mean warming above 1750 of {@code member} over the years {@code from..to} (inclusive), K. */
    public double meanTemperature(int member, int from, int to) {
        return mean(temperature[member], from, to);
    }

    /** Mean warming above 1750 of {@code member} over a range of years, K. */
    public double meanTemperature(int member, Years years) {
        return mean(temperature[member], years.first(), years.last());
    }

    /**
     * Warming of a member over {@code target} relative to {@code baseline} (e.g. 2011-2020 relative
     * to {@link Years#preIndustrial()} 1850-1900), K.
     */
    public double warming(int member, Years target, Years baseline) {
        return meanTemperature(member, target) - meanTemperature(member, baseline);
    }

    /** Total ERF of a member in one year, W m⁻². */
    public double totalForcing(int member, int year) {
        double s = 0;
        int i = index(year);
        for (double[] term : forcing[member]) {
            s += term[i];
        }
        return s;
    }

    /** One term of the ERF of a member in one year, W m⁻². */
    public double forcing(int member, ForcingTerm term, int year) {
        return forcing[member][term.ordinal()][index(year)];
    }

    /** One member as a table: year, temperature, concentrations, ERF terms. */
    public Table table(int member) {
        int n = temperature[member].length;
        int[] years = new int[n];
        for (int i = 0; i < n; i++) {
            years[i] = firstYear + i;
        }
        Table t = Table.create(names.get(member), IntColumn.create("year", years),
                DoubleColumn.create("temperature [K]", temperature[member]), DoubleColumn.create("CO2 [ppm]", co2[member]),
                DoubleColumn.create("CH4 [ppb]", ch4[member]), DoubleColumn.create("N2O [ppb]", n2o[member]));
        for (ForcingTerm f : ForcingTerm.values()) {
            t.addColumns(DoubleColumn.create("ERF " + f + " [W m-2]", forcing[member][f.ordinal()]));
        }
        return t;
    }

    private int index(int year) {
        if (year < firstYear || year > lastYear()) {
            throw new IllegalArgumentException("year " + year + ": outside " + firstYear + "-" + lastYear());
        }
        return year - firstYear;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private double mean(double[] v, int from, int to) {
        if (from < firstYear || to >= firstYear + v.length || to < from) {
            throw new IllegalArgumentException("years " + from + "-" + to + ": outside " + firstYear + "-"
                    + (firstYear + v.length - 1));
        }
        double s = 0;
        for (int y = from; y <= to; y++) {
            s += v[y - firstYear];
        }
        return s / (to - from + 1);
    }
}
