package org.climagrad.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The Scenario value type: builder validation, operations, tables and CSV round trips. */
class ScenarioTest {
    static Scenario ramp() {
        double[] co2 = {1, 2, 3, 4, 5, 6, 7};
        double[] so2 = {10, 10, 10, 10, 10, 10, 10};
        return Scenario.builder().setName("ramp").setFirstYear(2000).optEmissions(Agent.CO2_FFI, co2)
                .optEmissions(Agent.SO2, so2).build();
    }

    @Test
    void builderFillsMissingAgentsWithZeroAndValidates() {
        Scenario s = ramp();
        assertEquals(2006, s.lastYear());
        assertArrayEquals(new double[7], s.emissions(Agent.CH4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.builder()
                .setName("x").setFirstYear(2000).optEmissions(Agent.CH4, 1, -2, 3).build());
        assertTrue(e.getMessage().contains("CH4") && e.getMessage().contains("2001"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scenario.builder().setName("x").setFirstYear(2000)
                .optEmissions(Agent.CO2_FFI, 1, Double.NaN).build());
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scenario.builder().setName("x").setFirstYear(2000)
                .optEmissions(Agent.CO2_FFI, 1, 2).optEmissions(Agent.BC, 1).build());
        assertTrue(e.getMessage().contains("BC"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scenario.builder().setFirstYear(2000).setLength(3).build());
        // Negative CO2 is a net removal and allowed.
        assertEquals(-1, Scenario.builder().setName("cdr").setFirstYear(0).optEmissions(Agent.CO2_AFOLU, -1).build()
                .at(Agent.CO2_AFOLU, 0));
    }

    @Test
    void operationsReturnNewScenariosAndLeaveTheOriginal() {
        Scenario s = ramp();
        assertArrayEquals(new double[] {3, 4, 5}, s.slice(2002, 2004).emissions(Agent.CO2_FFI));
        assertEquals(2002, s.slice(2002, 2004).firstYear());
        assertArrayEquals(new double[] {20, 20, 20, 20, 20, 20, 20}, s.scale(Agent.SO2, 2).emissions(Agent.SO2));
        assertEquals(13, s.pulse(Agent.CO2_FFI, 2006, 6).at(Agent.CO2_FFI, 2006));
        assertEquals(3, s.step(Agent.CO2_FFI, 2003, 10).at(Agent.CO2_FFI, 2002));
        assertEquals(14, s.step(Agent.CO2_FFI, 2003, 10).at(Agent.CO2_FFI, 2003));
        assertEquals(1, s.at(Agent.CO2_FFI, 2000), "the original is unchanged");
        Scenario zero = Scenario.builder().setName("zero").setFirstYear(2000).setLength(7).build();
        assertEquals(2.5, s.blend(zero, 0.5).at(Agent.CO2_FFI, 2004));
        assertThrows(IllegalArgumentException.class, () -> s.blend(zero.slice(2000, 2003), 0.5));
        assertThrows(IllegalArgumentException.class, () -> s.blend(zero, 1.5));
        // A centred mean keeps a linear ramp in the interior and a constant everywhere.
        Scenario sm = s.smooth(3);
        assertEquals(4, sm.at(Agent.CO2_FFI, 2003), 1e-12);
        assertEquals(1.5, sm.at(Agent.CO2_FFI, 2000), 1e-12);
        assertEquals(10, sm.at(Agent.SO2, 2000), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> s.smooth(4));
        Scenario ext = s.extend(2010, Scenario.Extension.HOLD);
        assertEquals(7, ext.at(Agent.CO2_FFI, 2010));
        assertEquals(0, s.extend(2010, Scenario.Extension.ZERO).at(Agent.SO2, 2009));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.at(Agent.CH4, 2020));
        assertTrue(e.getMessage().contains("year") && e.getMessage().contains("2006"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.scale(Agent.CH4, -1).scale(Agent.SO2, -1));
        assertTrue(e.getMessage().contains("SO2"), e.getMessage());
    }

    @Test
    void tableAndCsvRoundTrip(@TempDir Path dir) throws Exception {
        Scenario s = Cmip7.scenario(Cmip7.Pathway.LOW).slice(2000, 2100);
        Table t = ScenarioTables.toTable(s);
        assertEquals(101, t.rowCount());
        assertEquals(7, t.columnCount());
        assertTrue(t.columnNames().contains("Sulfur [Mt SO2/yr]"));
        Scenario back = ScenarioTables.fromTable(t, "low");
        for (Agent a : Agent.values()) {
            assertArrayEquals(s.emissions(a), back.emissions(a), 0.0);
        }
        Path file = ScenarioTables.writeCsv(s, dir.resolve("low.csv"));
        Scenario read = ScenarioTables.readCsv(file);
        assertEquals("low", read.name());
        assertEquals(2000, read.firstYear());
        for (Agent a : Agent.values()) {
            assertArrayEquals(s.emissions(a), read.emissions(a), 1e-9 * 100);
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "year,CH4\n2000,1\n2002,1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioTables.readCsv(bad));
        assertTrue(e.getMessage().contains("consecutive"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ScenarioTables.readResource("no-such-scenario.csv", "x"));
        assertTrue(missing.getMessage().contains("no-such-scenario.csv"), missing.getMessage());
    }

    @Test
    void idealisedDesignsKeepOtherAgentsPreindustrial() {
        Scenario c = Idealised.constant(Agent.SO2, 50, 1850, 100);
        assertEquals(50, c.at(Agent.SO2, 1900));
        assertEquals(Cmip7.history().at(Agent.CH4, 1750), c.at(Agent.CH4, 1900), 0.0);
        Scenario p = Idealised.pulse(Agent.CO2_FFI, 100, 10, 1850, 100);
        assertEquals(100 + Cmip7.history().at(Agent.CO2_FFI, 1750), p.at(Agent.CO2_FFI, 1860), 1e-12);
        assertEquals(Cmip7.history().at(Agent.CO2_FFI, 1750), p.at(Agent.CO2_FFI, 1861), 1e-12);
        Scenario sin = Idealised.sinusoid(Agent.CO2_FFI, 20, 10, 40, 1850, 81);
        assertEquals(20, sin.at(Agent.CO2_FFI, 1850), 1e-12);
        assertEquals(30, sin.at(Agent.CO2_FFI, 1860), 1e-12);
        assertEquals(20, sin.at(Agent.CO2_FFI, 1930), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Idealised.sinusoid(Agent.CH4, 10, 20, 40, 1850, 81));
        assertEquals(60, Idealised.step(Agent.CH4, 60, 5, 1850, 10).at(Agent.CH4, 1855)
                - Cmip7.history().at(Agent.CH4, 1750), 1e-9);
    }
}
