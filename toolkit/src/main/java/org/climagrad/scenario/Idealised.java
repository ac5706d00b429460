package org.climagrad.scenario;

import org.climagrad.core.Check;

/**
 * Idealised emission scenarios: targets and held-out tests structurally different from the
 * ScenarioMIP pathways, and the initial designs of the scenario optimisation (Womack et al. 2026).
 * Every agent not named stays at its pre-industrial (1750) level of {@link Cmip7#history()}, so
 * that its forcing stays near zero.
 */
public final class Idealised {
    private Idealised() {}

    /** All agents at their 1750 level, {@code years} long from {@code firstYear}. */
    public static Scenario preindustrial(int firstYear, int years) {
        Check.atLeast("years", years, 1);
        Scenario base = Cmip7.history().slice(Cmip7.FIRST_YEAR, Cmip7.FIRST_YEAR);
        Scenario.Builder b = Scenario.builder().setName("pre-industrial").setFirstYear(firstYear).setLength(years);
        for (Agent a : Agent.values()) {
            double[] v = new double[years];
            java.util.Arrays.fill(v, base.at(a, Cmip7.FIRST_YEAR));
            b.optEmissions(a, v);
        }
        return b.build();
    }

    /** A constant emission of one agent (others pre-industrial). */
    public static Scenario constant(Agent agent, double level, int firstYear, int years) {
        return set(preindustrial(firstYear, years), agent, i -> level, agent.variable() + " constant " + level);
    }

    /** A single-year pulse of {@code amount} on top of pre-industrial emissions, in year {@code firstYear + at}. */
    public static Scenario pulse(Agent agent, double amount, int at, int firstYear, int years) {
        Check.inRange("at", at, 0, years - 1);
        return preindustrial(firstYear, years).pulse(agent, firstYear + at, amount)
                .withName(agent.variable() + " pulse " + amount);
    }

    /** A step of {@code amount} per year from year {@code firstYear + at} on. */
    public static Scenario step(Agent agent, double amount, int at, int firstYear, int years) {
        Check.inRange("at", at, 0, years - 1);
        return preindustrial(firstYear, years).step(agent, firstYear + at, amount)
                .withName(agent.variable() + " step " + amount);
    }

    /**
     * A sinusoid {@code mean + amplitude·sin(2π (year − firstYear) / period)} for one agent; for a
     * non-CO2 agent {@code mean ≥ amplitude} keeps it non-negative.
     *
     * @param period in years, &gt; 0
     */
    public static Scenario sinusoid(Agent agent, double mean, double amplitude, double period, int firstYear,
            int years) {
        Check.positive("period", period);
        return set(preindustrial(firstYear, years), agent,
                i -> mean + amplitude * Math.sin(2 * Math.PI * i / period),
                agent.variable() + " sinusoid " + mean + "±" + amplitude + "/" + period + "yr");
    }

    private static Scenario set(Scenario s, Agent agent, java.util.function.IntToDoubleFunction f, String name) {
        double[] v = new double[s.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(i);
        }
        return s.toBuilder().optEmissions(agent, v).setName(name).build();
    }
}
