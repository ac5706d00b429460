package org.climagrad.scm;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Plain-array result of {@link ScmRunner} runs: one member per scenario or parameter set.
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

    /** Index of a member by name. */
    public int member(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("name '" + name + "': not a member; have " + names);
        }
        return i;
    }

    /** Mean warming of {@code member} over the years {@code from..to} (inclusive). */
    public double meanTemperature(int member, int from, int to) {
        return mean(temperature[member], from, to);
    }

    /** Warming of {@code to1..to2} relative to {@code from1..from2} (e.g. 1850-1900 → 2011-2020), K. */
    public double warming(int member, int from1, int from2, int to1, int to2) {
        return meanTemperature(member, to1, to2) - meanTemperature(member, from1, from2);
    }

    /** Total ERF of a member in one year, W m⁻². */
    public double totalForcing(int member, int year) {
        double s = 0;
        for (double[] term : forcing[member]) {
            s += term[year - firstYear];
        }
        return s;
    }

    /** One term of the ERF of a member in one year, W m⁻². */
    public double forcing(int member, ForcingTerm term, int year) {
        return forcing[member][term.ordinal()][year - firstYear];
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
