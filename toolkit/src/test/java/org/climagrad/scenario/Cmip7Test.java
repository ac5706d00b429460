package org.climagrad.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The CMIP7 milestone presets against the full annual CMIP7 draft file shipped with FaIR (read
 * from {@code ../shared/data/scenarios/}, not copied into the project), and the RCMIP loader.
 */
class Cmip7Test {
    static final Path FULL = Path.of("..", "..", "shared", "data", "scenarios", "extensions_1750-2500.csv");
    static Map<String, Scenario> full;

    @BeforeAll
    static void load() {
        assertTrue(Files.isRegularFile(FULL), "the CMIP7 draft file is read from the shared/ folder beside the"
                + " repository: " + FULL.toAbsolutePath().normalize() + " is missing");
        full = RcmipCsv.read(FULL);
    }

    @Test
    void loaderReadsTheSevenPathwaysAndSkipsOtherSpecies() {
        assertEquals(7, full.size());
        for (Cmip7.Pathway p : Cmip7.Pathway.values()) {
            Scenario s = full.get(p.id());
            assertEquals(1750, s.firstYear());
            assertEquals(2500, s.lastYear());
        }
        // Spot values of the file: the year column 2000.5 is year 2000.
        assertTrue(full.get("low").at(Agent.CO2_FFI, 2000) > 20 && full.get("low").at(Agent.CO2_FFI, 2000) < 30);
    }

    /**
     * Tolerances: at milestone years the presets equal the file within 1.5 % (the table rounds to
     * four figures, and the shared 2023 history row differs by up to 1.3 % between pathways); over
     * 1750-2500 the RMS difference of every agent is below 3 % of its peak magnitude (linear
     * interpolation misses the year-to-year wiggles of the history), and cumulative CO2 1750-2100
     * agrees within 2 %.
     */
    @Test
    void milestonePresetsStayCloseToTheFullAnnualFile() {
        Table m = Cmip7.milestones();
        for (int i = 0; i < m.rowCount(); i++) {
            String sc = m.stringColumn("scenario").get(i);
            int year = m.intColumn("year").get(i);
            Scenario ref = full.get(sc.equals("history") ? "medium-extension" : sc);
            for (Agent a : Agent.values()) {
                double v = m.doubleColumn(a.column()).get(i);
                double r = ref.at(a, year);
                assertEquals(r, v, 0.015 * Math.abs(r) + 1e-3, sc + " " + year + " " + a);
            }
        }
        for (Cmip7.Pathway p : Cmip7.Pathway.values()) {
            Scenario s = Cmip7.scenario(p);
            Scenario ref = full.get(p.id());
            for (Agent a : Agent.values()) {
                double[] u = s.emissions(a);
                double[] v = ref.emissions(a);
                double peak = 0;
                double sq = 0;
                for (int i = 0; i < u.length; i++) {
                    peak = Math.max(peak, Math.abs(v[i]));
                    sq += (u[i] - v[i]) * (u[i] - v[i]);
                }
                assertTrue(Math.sqrt(sq / u.length) < 0.03 * peak, p + " " + a);
            }
            double cu = cumulativeCo2(s, 2100);
            double cv = cumulativeCo2(ref, 2100);
            assertEquals(cv, cu, 0.02 * cv, p + " cumulative CO2 1750-2100");
        }
    }

    static double cumulativeCo2(Scenario s, int to) {
        double c = 0;
        for (int y = s.firstYear(); y <= to; y++) {
            c += s.at(Agent.CO2_FFI, y) + s.at(Agent.CO2_AFOLU, y);
        }
        return c;
    }

    @Test
    void presetsShareTheHistoryAndTheSixStandardPathwaysExcludeTheHeldOutOne() {
        assertEquals(6, Cmip7.standardSix().size());
        assertTrue(!Cmip7.standardSix().contains(Cmip7.Pathway.HIGH_OVERSHOOT));
        Scenario h = Cmip7.history();
        assertEquals(2023, h.lastYear());
        for (Cmip7.Pathway p : Cmip7.Pathway.values()) {
            assertEquals(h.at(Agent.SO2, 1990), Cmip7.scenario(p).at(Agent.SO2, 1990), 0.0);
        }
        // Linear between milestones: 2055 is the mean of 2050 and 2060.
        Scenario low = Cmip7.scenario(Cmip7.Pathway.LOW);
        assertEquals((19.23 + 12.71) / 2, low.at(Agent.CO2_FFI, 2055), 1e-9);
        assertEquals("M", Cmip7.Pathway.MEDIUM_EXTENSION.label());
    }

    @Test
    void loaderRejectsBadFilesWithClearMessages(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "model,region,variable,unit,2000.5\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RcmipCsv.read(f));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
        Files.writeString(f, "scenario,region,variable,unit,2000.5,2001.5\nx,World,CH4,Gt CH4/yr,1,2\n");
        e = assertThrows(IllegalArgumentException.class, () -> RcmipCsv.read(f));
        assertTrue(e.getMessage().contains("unit"), e.getMessage());
        Files.writeString(f, "scenario,region,variable,unit,2000.5,2001.5\nx,World,Emissions|CH4,Mt CH4/yr,1,2\n");
        e = assertThrows(IllegalArgumentException.class, () -> RcmipCsv.read(f));
        assertTrue(e.getMessage().contains("no CO2 FFI row"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RcmipCsv.read(dir.resolve("missing.csv")));
    }
}
