package org.climagrad.plot;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.climagrad.scenario.Agent;
import org.climagrad.scenario.Scenario;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of emission {@link Scenario}s (the scenario package itself holds only data and I/O):
 * one scenario's six agents, or one agent across several scenarios (Womack et al. 2026, Figs. 1
 * and 3).
 */
public final class ScenarioCharts {
    private ScenarioCharts() {}

    /**
     * One line per agent, each normalised by its largest magnitude (so all six share one axis);
     * the legend gives the maximum in the agent's unit.
     */
    public static XYChart chart(Scenario s) {
        Map<String, double[]> lines = new LinkedHashMap<>();
        for (Agent a : Agent.values()) {
            double[] v = s.emissions(a);
            double max = Arrays.stream(v).map(Math::abs).max().orElse(0);
            double scale = max > 0 ? max : 1;
            lines.put(a.variable() + " (max " + String.format("%.3g", max) + " " + a.unit() + ")",
                    Arrays.stream(v).map(x -> x / scale).toArray());
        }
        XYChart c = Charts.lines(s.name() + ": emissions by agent", "year", "emission / max |emission|", s.years(),
                lines);
        c.getStyler().setXAxisDecimalPattern("0");
        return c;
    }

    /**
     * One agent in several scenarios, in the agent's unit (scenarios may cover different years).
     *
     * @throws IllegalArgumentException when two scenarios share a name
     */
    public static XYChart chart(Agent agent, Collection<Scenario> scenarios) {
        XYChart c = Charts.lines(agent.variable() + " emissions", "year", agent.unit(), new double[0], Map.of());
        c.getStyler().setXAxisDecimalPattern("0");
        Set<String> names = new HashSet<>();
        for (Scenario s : scenarios) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("scenarios: two are named '" + s.name() + "'; use withName");
            }
            c.addSeries(s.name(), s.years(), s.emissions(agent)).setMarker(SeriesMarkers.NONE);
        }
        return c;
    }
}
