package org.climagrad.scenario;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.climagrad.core.Check;

/**
 * Annual world emissions of the six {@link Agent}s over a range of years: the input of the simple
 * climate model and of the emulators (Womack et al. 2026, Sec. 2). Immutable; every operation
 * returns a new scenario. Values are per calendar year (the RCMIP year {@code 2020.5} is year 2020),
 * in the units of {@link Agent#unit()}. Negative CO2 values are net removals; the other agents must
 * be ≥ 0. Tables and CSV files: {@link ScenarioTables}; charts: {@code ScenarioCharts} (plot package).
 */
public final class Scenario {
    private final String name;
    private final int firstYear;
    private final double[][] emissions; // [agent][year - firstYear]

    private Scenario(String name, int firstYear, double[][] emissions) {
        this.name = name;
        this.firstYear = firstYear;
        this.emissions = emissions;
    }

    /** A builder (DJL style: {@code setX} required, {@code optX} optional, {@code build()} validates). */
    public static Builder builder() {
        return new Builder();
    }

    /** The scenario's name (e.g. {@code "medium-extension"}). */
    public String name() {
        return name;
    }

    /** The first year. */
    public int firstYear() {
        return firstYear;
    }

    /** The last year (inclusive). */
    public int lastYear() {
        return firstYear + length() - 1;
    }

    /** Number of years. */
    public int length() {
        return emissions[0].length;
    }

    /** The years, {@code firstYear..lastYear}. */
    public double[] years() {
        double[] y = new double[length()];
        for (int i = 0; i < y.length; i++) {
            y[i] = firstYear + i;
        }
        return y;
    }

    /** One agent's annual emissions (a copy), {@code [length]}. */
    public double[] emissions(Agent agent) {
        return emissions[agent.ordinal()].clone();
    }

    /** All emissions (a copy), {@code [6 agents][length]} in {@link Agent} order. */
    public double[][] emissions() {
        double[][] c = new double[emissions.length][];
        for (int a = 0; a < c.length; a++) {
            c[a] = emissions[a].clone();
        }
        return c;
    }

    /** The emission of one agent in one year. */
    public double at(Agent agent, int year) {
        return emissions[agent.ordinal()][index("year", year)];
    }

    /** The same emissions under another name. */
    public Scenario withName(String newName) {
        return toBuilder().setName(newName).build();
    }

    /** The years {@code from..to} (inclusive), within this scenario's range. */
    public Scenario slice(int from, int to) {
        int i0 = index("from", from);
        int i1 = index("to", to);
        if (i1 < i0) {
            throw new IllegalArgumentException("to = " + to + ": must be ≥ from = " + from);
        }
        double[][] e = new double[emissions.length][];
        for (int a = 0; a < e.length; a++) {
            e[a] = Arrays.copyOfRange(emissions[a], i0, i1 + 1);
        }
        return new Scenario(name, from, e);
    }

    /** One agent's emissions multiplied by {@code factor} (finite; ≥ 0 for the non-CO2 agents). */
    public Scenario scale(Agent agent, double factor) {
        Check.finite("factor", factor);
        return map(agent, (i, v) -> v * factor);
    }

    /** Adds {@code amount} (agent units) to one agent in one year. */
    public Scenario pulse(Agent agent, int year, double amount) {
        int at = index("year", year);
        Check.finite("amount", amount);
        return map(agent, (i, v) -> i == at ? v + amount : v);
    }

    /** Adds {@code amount} (agent units per year) to one agent from {@code fromYear} on. */
    public Scenario step(Agent agent, int fromYear, double amount) {
        int at = index("fromYear", fromYear);
        Check.finite("amount", amount);
        return map(agent, (i, v) -> i >= at ? v + amount : v);
    }

    /**
     * The weighted mix {@code (1 − weight)·this + weight·other} of two scenarios over the same years.
     *
     * @param weight in [0, 1]
     */
    public Scenario blend(Scenario other, double weight) {
        Check.inClosed("weight", weight, 0, 1);
        if (other.firstYear != firstYear || other.length() != length()) {
            throw new IllegalArgumentException("other: years " + other.firstYear + "-" + other.lastYear()
                    + " differ from " + firstYear + "-" + lastYear());
        }
        double[][] e = new double[emissions.length][length()];
        for (int a = 0; a < e.length; a++) {
            for (int i = 0; i < length(); i++) {
                e[a][i] = (1 - weight) * emissions[a][i] + weight * other.emissions[a][i];
            }
        }
        return new Scenario(name + "+" + other.name, firstYear, e);
    }

    /**
     * Centred running mean over {@code window} years (odd, ≥ 1), the window shrinking at the ends;
     * preserves constants and linear trends away from the ends.
     */
    public Scenario smooth(int window) {
        Check.atLeast("window", window, 1);
        if (window % 2 == 0) {
            throw new IllegalArgumentException("window = " + window + ": must be odd");
        }
        int h = window / 2;
        double[][] e = new double[emissions.length][length()];
        for (int a = 0; a < e.length; a++) {
            for (int i = 0; i < length(); i++) {
                int lo = Math.max(0, i - h);
                int hi = Math.min(length() - 1, i + h);
                double s = 0;
                for (int j = lo; j <= hi; j++) {
                    s += emissions[a][j];
                }
                e[a][i] = s / (hi - lo + 1);
            }
        }
        return new Scenario(name, firstYear, e);
    }

    /** How {@link #extend} fills the new years. */
    public enum Extension {
        /** Keep the last year's emissions. */
        HOLD,
        /** Zero emissions. */
        ZERO
    }

    /** Extends the scenario to {@code toYear} (≥ lastYear). */
    public Scenario extend(int toYear, Extension how) {
        if (toYear < lastYear()) {
            throw new IllegalArgumentException("toYear = " + toYear + ": must be ≥ lastYear = " + lastYear());
        }
        int n = toYear - firstYear + 1;
        double[][] e = new double[emissions.length][];
        for (int a = 0; a < e.length; a++) {
            e[a] = Arrays.copyOf(emissions[a], n);
            double fill = how == Extension.HOLD ? emissions[a][length() - 1] : 0;
            Arrays.fill(e[a], length(), n, fill);
        }
        return new Scenario(name, firstYear, e);
    }

    /** A builder holding this scenario's values. */
    public Builder toBuilder() {
        Builder b = builder().setName(name).setFirstYear(firstYear);
        for (Agent a : Agent.values()) {
            b.optEmissions(a, emissions[a.ordinal()]);
        }
        return b.setLength(length());
    }

    @Override
    public String toString() {
        return "Scenario[" + name + ", " + firstYear + "-" + lastYear() + "]";
    }

    private int index(String what, int year) {
        Check.inRange(what, year, firstYear, lastYear());
        return year - firstYear;
    }

    private interface YearMap {
        double apply(int index, double value);
    }

    private Scenario map(Agent agent, YearMap f) {
        double[][] e = emissions();
        for (int i = 0; i < length(); i++) {
            e[agent.ordinal()][i] = f.apply(i, emissions[agent.ordinal()][i]);
        }
        return toBuilderOf(e).build();
    }

    private Builder toBuilderOf(double[][] e) {
        Builder b = builder().setName(name).setFirstYear(firstYear).setLength(length());
        for (Agent a : Agent.values()) {
            b.optEmissions(a, e[a.ordinal()]);
        }
        return b;
    }

    /** Builds a {@link Scenario}; agents not given are zero. */
    public static final class Builder {
        private String name;
        private Integer firstYear;
        private int length = -1;
        private final Map<Agent, double[]> values = new EnumMap<>(Agent.class);

        private Builder() {}

        /** The name (required, non-blank). */
        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        /** The first year (required). */
        public Builder setFirstYear(int firstYear) {
            this.firstYear = firstYear;
            return this;
        }

        /** Number of years ≥ 1 (required unless some agent's emissions are given). */
        public Builder setLength(int length) {
            this.length = length;
            return this;
        }

        /** One agent's annual emissions from the first year on (copied; default all zero). */
        public Builder optEmissions(Agent agent, double... annual) {
            values.put(agent, annual == null ? null : annual.clone());
            return this;
        }

        /** Validates (names the offending agent and year) and builds. */
        public Scenario build() {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name: required (setName)");
            }
            if (firstYear == null) {
                throw new IllegalArgumentException("firstYear: required (setFirstYear)");
            }
            int n = length;
            for (Map.Entry<Agent, double[]> e : values.entrySet()) {
                if (e.getValue() == null) {
                    throw new IllegalArgumentException("emissions of " + e.getKey() + ": null");
                }
                if (n < 0) {
                    n = e.getValue().length;
                }
                if (e.getValue().length != n) {
                    throw new IllegalArgumentException("emissions of " + e.getKey() + ": " + e.getValue().length
                            + " years, expected " + n);
                }
            }
            Check.atLeast("length", n, 1);
            double[][] em = new double[Agent.values().length][n];
            for (Map.Entry<Agent, double[]> e : values.entrySet()) {
                Agent a = e.getKey();
                double[] v = e.getValue();
                for (int i = 0; i < n; i++) {
                    if (!Double.isFinite(v[i])) {
                        throw new IllegalArgumentException("emissions of " + a + " in " + (firstYear + i) + ": "
                                + v[i] + " is not finite");
                    }
                    boolean co2 = a == Agent.CO2_FFI || a == Agent.CO2_AFOLU;
                    if (!co2 && v[i] < 0) {
                        throw new IllegalArgumentException("emissions of " + a + " in " + (firstYear + i) + ": "
                                + v[i] + " must be ≥ 0 (only CO2 may be negative)");
                    }
                }
                em[a.ordinal()] = v.clone();
            }
            return new Scenario(name, firstYear, em);
        }
    }
}
