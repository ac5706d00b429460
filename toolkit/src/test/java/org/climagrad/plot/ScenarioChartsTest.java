package org.climagrad.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.climagrad.scenario.Agent;
import org.climagrad.scenario.Cmip7;
import org.climagrad.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Smoke test of the scenario charts (moved here from ScenarioTest with the charts). */
class ScenarioChartsTest {
    @Test
    void oneLinePerAgentOrScenarioAndNamesMustDiffer() {
        Scenario s = Cmip7.scenario(Cmip7.Pathway.LOW).slice(2000, 2100);
        Scenario other = s.withName("read");
        assertFalse(ScenarioCharts.chart(s).getSeriesMap().isEmpty());
        assertEquals(2, ScenarioCharts.chart(Agent.CO2_FFI, List.of(s, other)).getSeriesMap().size());
        assertThrows(IllegalArgumentException.class, () -> ScenarioCharts.chart(Agent.CH4, List.of(s, s)));
    }
}
