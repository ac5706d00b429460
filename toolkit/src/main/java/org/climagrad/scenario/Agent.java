package org.climagrad.scenario;

/**
 * The emitted agents of a {@link Scenario}, with the variable names and units of the RCMIP /
 * CMIP7 ScenarioMIP files (world totals, per year).
 */
public enum Agent {
    /** CO2 from fossil fuels and industry, Gt CO2 / yr. */
    CO2_FFI("CO2 FFI", "Gt CO2/yr"),
    /** CO2 from agriculture, forestry and other land use, Gt CO2 / yr. */
    CO2_AFOLU("CO2 AFOLU", "Gt CO2/yr"),
    /** Methane, Mt CH4 / yr. */
    CH4("CH4", "Mt CH4/yr"),
    /** Nitrous oxide, Mt N2O / yr. */
    N2O("N2O", "Mt N2O/yr"),
    /** Sulphur dioxide, Mt SO2 / yr (the RCMIP variable "Sulfur"). */
    SO2("Sulfur", "Mt SO2/yr"),
    /** Black carbon, Mt BC / yr. */
    BC("BC", "Mt BC/yr");

    private final String variable;
    private final String unit;

    Agent(String variable, String unit) {
        this.variable = variable;
        this.unit = unit;
    }

    /** The variable name in RCMIP-format files, e.g. {@code "CO2 FFI"} or {@code "Sulfur"}. */
    public String variable() {
        return variable;
    }

    /** The unit, e.g. {@code "Gt CO2/yr"}. */
    public String unit() {
        return unit;
    }

    /** The column label used in tables and CSV files: {@code "variable [unit]"}. */
    public String column() {
        return variable + " [" + unit + "]";
    }

    /**
     * The agent of an RCMIP variable name; the last {@code |}-separated part is matched too, so
     * {@code "Emissions|CH4"} works.
     *
     * @throws IllegalArgumentException for a variable that is none of the six agents
     */
    public static Agent ofVariable(String name) {
        String tail = name.contains("|") ? name.substring(name.lastIndexOf('|') + 1) : name;
        for (Agent a : values()) {
            if (a.variable.equalsIgnoreCase(name.trim()) || a.variable.equalsIgnoreCase(tail.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("variable '" + name + "': not one of the agents "
                + java.util.Arrays.stream(values()).map(Agent::variable).toList());
    }
}
