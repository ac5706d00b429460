package org.climagrad.design;

import org.climagrad.core.Check;
import org.climagrad.scenario.Agent;

/**
 * Per-agent bounds that keep a designed scenario physical, in agent units per year; the design
 * projects onto them after every step.
 *
 * @param lower lower bound per agent ({@link Agent} order)
 * @param upper upper bound per agent, &gt; lower
 */
public record EmissionBounds(double[] lower, double[] upper) {
    /** Validates and copies. */
    public EmissionBounds {
        Check.length("lower", lower, Agent.values().length);
        Check.length("upper", upper, Agent.values().length);
        lower = lower.clone();
        upper = upper.clone();
        for (Agent a : Agent.values()) {
            if (!(upper[a.ordinal()] > lower[a.ordinal()])) {
                throw new IllegalArgumentException("upper of " + a + " = " + upper[a.ordinal()] + ": must be > lower = "
                        + lower[a.ordinal()]);
            }
            if (a != Agent.CO2_FFI && a != Agent.CO2_AFOLU && lower[a.ordinal()] < 0) {
                throw new IllegalArgumentException("lower of " + a + " = " + lower[a.ordinal()] + ": must be ≥ 0");
            }
        }
    }

    /**
     * CO2 FFI −20..100 Gt CO2, CO2 AFOLU −10..10 Gt CO2, CH4 0..1000 Mt, N2O 0..30 Mt, SO2 0..200 Mt,
     * BC 0..15 Mt per year: beyond every CMIP7 pathway, with net removals allowed for CO2 only.
     */
    public static EmissionBounds physical() {
        return new EmissionBounds(new double[] {-20, -10, 0, 0, 0, 0}, new double[] {100, 10, 1000, 30, 200, 15});
    }

    /** Lower bound per agent, {@link Agent} order, agent units per year (a copy). */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** Upper bound per agent, {@link Agent} order, agent units per year (a copy). */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** Lower bound of one agent, agent units per year. */
    public double lower(Agent agent) {
        return lower[agent.ordinal()];
    }

    /** Upper bound of one agent, agent units per year. */
    public double upper(Agent agent) {
        return upper[agent.ordinal()];
    }
}
