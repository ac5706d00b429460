package org.climagrad.scm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FaIR 2.x species model with the fair-calibrate v1.4.1 ensemble (Smith et al. 2024) read from
 * {@code ../shared/data/fair/} and the CMIP7 draft emissions from {@code ../shared/data/scenarios/}:
 * the ensemble medians on the history against the calibration's own published constraints, and
 * invariants.
 */
class FairTest {
    static final Path DATA = Path.of("..", "..", "shared", "data");
    static FairSpeciesTable species;
    static List<FairMember> members;
    static Map<String, FairScenario> scenarios;

    @BeforeAll
    static void read() {
        species = FairSpeciesTable.read(DATA.resolve("fair/species_configs_properties_calibration1.4.1.csv"));
        members = FairMember.readEnsemble(DATA.resolve("fair/calibrated_constrained_parameters_calibration1.4.1.csv"));
        scenarios = FairScenario.readAll(species, DATA.resolve("scenarios/extensions_1750-2500.csv"),
                DATA.resolve("fair/volcanic_solar.csv"));
    }

    @Test
    void readsTheCalibration() {
        assertEquals(61, species.size());
        assertEquals(841, members.size());
        assertEquals(7, scenarios.size());
        assertEquals(751, scenarios.get("medium-extension").years());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /**
     * The posterior medians of the 841 members on the shared history reproduce the constraints the
     * calibration was made to meet (Smith et al. 2024, Table 2; Forster et al. 2023): warming
     * 2003-2022 above 1850-1900 1.03 K (assessed 0.87-1.13, tolerance 0.04 K, a third of the
     * assessed half-range), aerosol ERF 2005-2014 −1.3 W m⁻² (AR6 −2.0 to −0.6; tolerance 0.1),
     * CO2 in 2022 417.0 ppm (NOAA global mean 417.1; tolerance 0.5 ppm, the calibration's own
     * spread), ECS 3 K (AR6 best estimate; tolerance 0.1 K) and TCR 1.8 K (AR6; tolerance 0.05 K).
     */
    @Test
    void ensembleMediansMeetTheCalibrationConstraints() {
        FairScenario history = scenarios.get("medium-extension");
        int co2 = species.index("CO2");
        int n = members.size();
        double[] warming = new double[n];
        double[] aerosol = new double[n];
        double[] co2in2022 = new double[n];
        double[] ecs = new double[n];
        double[] tcr = new double[n];
        for (int i = 0; i < n; i++) {
            Fair fair = Fair.builder().setSpecies(species).setMember(members.get(i)).build();
            FairRun run = fair.run(history);
            warming[i] = run.warming(new FairRun.Years(2003, 2022), FairRun.Years.preIndustrial());
            aerosol[i] = run.meanAerosolForcing(new FairRun.Years(2005, 2014));
            co2in2022[i] = run.meanConcentration(co2, new FairRun.Years(2022, 2022));
            ecs[i] = fair.ecs();
            tcr[i] = fair.tcr();
        }
        assertEquals(1.03, median(warming), 0.04, "median warming 2003-2022 vs 1850-1900, K");
        assertEquals(-1.3, median(aerosol), 0.1, "median aerosol ERF 2005-2014, W m-2");
        assertEquals(417.0, median(co2in2022), 0.5, "median CO2 2022, ppm");
        assertEquals(3.0, median(ecs), 0.1, "median ECS, K");
        assertEquals(1.8, median(tcr), 0.05, "median TCR, K");
    }

    /** With emissions at their baselines and no solar or volcanic forcing nothing leaves the 1750 state. */
    @Test
    void baselineEmissionsStayAtBaseline() {
        double[][] e = new double[300][species.size()];
        for (double[] row : e) {
            for (int s = 0; s < species.size(); s++) {
                row[s] = species.property(s, FairProperty.BASELINE_EMISSIONS);
                if (Double.isNaN(row[s])) {
                    row[s] = 0;
                }
            }
        }
        FairScenario flat = FairScenario.of(species, "baseline", 1750, e, FairScenario.Prescribed.none(301));
        FairRun run = Fair.builder().setSpecies(species).setMember(members.get(17)).build().run(flat);
        int co2 = species.index("CO2");
        int ch4 = species.index("CH4");
        for (int b = 0; b < run.bounds(); b++) {
            assertEquals(0, run.surfaceTemperature(b), 1e-8, "EESC at baseline concentrations is 344.3628 ppt, the file 344.3627591");
            assertEquals(0, run.forcingSum(b), 1e-8);
            assertEquals(run.concentration(0, co2), run.concentration(b, co2), 1e-9);
            assertEquals(run.concentration(0, ch4), run.concentration(b, ch4), 1e-9);
        }
    }

    /** More CO2 means more CO2, more forcing and more warming; the response is finite. */
    @Test
    void moreCo2WarmsMore() {
        FairScenario base = scenarios.get("medium-extension");
        int ffi = species.index("CO2 FFI");
        double[][] e = new double[base.years()][species.size()];
        for (int t = 0; t < base.years(); t++) {
            for (int s = 0; s < species.size(); s++) {
                e[t][s] = base.emission(t, s);
            }
            if (t >= 2030 - 1750) {
                e[t][ffi] += 10;
            }
        }
        double[] solar = new double[base.years() + 1];
        double[] volcanic = new double[base.years() + 1];
        for (int b = 0; b <= base.years(); b++) {
            solar[b] = base.solar(b);
            volcanic[b] = base.volcanic(b);
        }
        FairScenario more = FairScenario.of(species, "more", 1750, e, new FairScenario.Prescribed(solar, volcanic));
        Fair fair = Fair.builder().setSpecies(species).setMember(members.get(0)).build();
        FairRun r0 = fair.run(base);
        FairRun r1 = fair.run(more);
        int b2100 = 2100 - 1750;
        int co2 = species.index("CO2");
        // 700 Gt CO2 more by 2100 is 89.7 ppm if all stayed airborne; the airborne fraction of a
        // 70-year pulse is between 0.3 and 0.7 in FaIR's carbon cycle.
        double added = 70 * 10 / (Fair.MASS_ATMOSPHERE / 1e18 * 44.009 / Fair.MOLECULAR_WEIGHT_AIR);
        double fraction = (r1.concentration(b2100, co2) - r0.concentration(b2100, co2)) / added;
        assertTrue(fraction > 0.3 && fraction < 0.7, "airborne fraction " + fraction);
        assertTrue(r1.surfaceTemperature(b2100) > r0.surfaceTemperature(b2100) + 0.1, "warmer");
        assertEquals(r0.surfaceTemperature(2029 - 1750), r1.surfaceTemperature(2029 - 1750), 1e-12, "no change before");
    }

    @Test
    void badInputIsRefusedBeforeAnyRun() throws IOException {
        double[][] e = new double[10][species.size()];
        e[3][species.index("Sulfur")] = 1e9;
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> FairScenario.of(species, "x", 1750, e, FairScenario.Prescribed.none(11)));
        assertTrue(big.getMessage().contains("Sulfur") && big.getMessage().contains("1753"), big.getMessage());
        e[3][species.index("Sulfur")] = Double.NaN;
        assertThrows(IllegalArgumentException.class,
                () -> FairScenario.of(species, "x", 1750, e, FairScenario.Prescribed.none(11)));
        e[3][species.index("Sulfur")] = 0;
        IllegalArgumentException bounds = assertThrows(IllegalArgumentException.class,
                () -> FairScenario.of(species, "x", 1750, e, FairScenario.Prescribed.none(10)));
        assertTrue(bounds.getMessage().contains("11 time bounds"), bounds.getMessage());

        Path dir = Files.createTempDirectory("fair");
        List<String> lines = Files.readAllLines(DATA.resolve("scenarios/extensions_1750-2500.csv"));
        Path missing = dir.resolve("missing.csv");
        Files.write(missing, lines.stream().filter(l -> !l.contains(",World,CH4,")).toList());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> FairScenario.readAll(species, missing, DATA.resolve("fair/volcanic_solar.csv")));
        assertTrue(m.getMessage().contains("'CH4'"), m.getMessage());
        Path late = dir.resolve("late.csv");
        Files.write(late, lines.stream().map(l -> {
            String[] c = l.split(",", -1);
            return String.join(",", Arrays.copyOf(c, 4)) + "," + String.join(",", Arrays.copyOfRange(c, 204, c.length));
        }).toList());
        IllegalArgumentException l = assertThrows(IllegalArgumentException.class,
                () -> FairScenario.readAll(species, late, DATA.resolve("fair/volcanic_solar.csv")));
        assertTrue(l.getMessage().contains("1750") && l.getMessage().contains("1950"), l.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fair.builder().setSpecies(species).build());
    }

    /**
     * The ensemble over two pathways: its medians equal the medians of single runs, the order of
     * members and of scenarios does not change the summary, and the percentiles are ordered.
     */
    @Test
    void ensembleSummaryIsTheMediansOfSingleRunsWhateverTheOrder() {
        List<FairMember> some = members.subList(0, 41);
        List<FairScenario> two = List.of(scenarios.get("low"), scenarios.get("high-extension"));
        FairEnsemble.Result r = FairEnsemble.builder().setSpecies(species).setMembers(some).setScenarios(two)
                .optThreads(2).build().run();
        java.util.ArrayList<FairMember> shuffled = new java.util.ArrayList<>(some);
        java.util.Collections.shuffle(shuffled, new java.util.Random(5));
        FairEnsemble.Result s = FairEnsemble.builder().setSpecies(species).setMembers(shuffled)
                .setScenarios(List.of(two.get(1), two.get(0))).optThreads(1).build().run();
        double[] w = new double[some.size()];
        for (int i = 0; i < w.length; i++) {
            FairRun run = Fair.builder().setSpecies(species).setMember(some.get(i)).build().run(two.get(1));
            w[i] = run.surfaceTemperature(2100 - 1750) - run.meanSurfaceTemperature(FairRun.Years.preIndustrial());
        }
        assertEquals(median(w), r.value("high-extension", FairEnsemble.Variable.WARMING, 2100, "p50"), 1e-12);
        for (String sc : List.of("low", "high-extension")) {
            for (FairEnsemble.Variable v : FairEnsemble.Variable.values()) {
                for (int year : new int[] {1900, 2050, 2100, 2400}) {
                    assertEquals(r.value(sc, v, year, "p50"), s.value(sc, v, year, "p50"), 1e-12);
                    assertTrue(r.value(sc, v, year, "p5") <= r.value(sc, v, year, "p50")
                            && r.value(sc, v, year, "p50") <= r.value(sc, v, year, "p95"));
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> FairEnsemble.builder().setSpecies(species)
                .setMembers(some).setScenarios(two).optThreads(0).build());
    }

    /**
     * The adjoint gradient of the mean surface warming of 2081-2100 with respect to the emissions
     * against central differences (step 10⁻⁵ of each emission) for one species of every path
     * through the model: CO2 (carbon-cycle feedback), AFOLU (land use), CH4 (chemistry), N2O, SO2,
     * BC (snow), OC, NH3, NOx and VOC and CO (ozone and CH4 lifetime), CFC-11 and Halon-1211
     * (EESC), HFC-134a, on two members and two pathways. Worst relative error measured 6e-6.
     */
    @Test
    void emissionGradientMatchesCentralDifferences() {
        String[] names = {"CO2 FFI", "CO2 AFOLU", "CH4", "N2O", "Sulfur", "BC", "OC", "NH3", "NOx", "VOC", "CO",
            "CFC-11", "Halon-1211", "HFC-134a"};
        int[] years = {2020, 1900, 2030, 2050, 2000, 2010, 2000, 2030, 2050, 2040, 2040, 1990, 1995, 2050};
        for (String[] run : new String[][] {{"0", "verylow"}, {"420", "high-extension"}}) {
            FairScenario base = scenarios.get(run[1]);
            Fair fair = Fair.builder().setSpecies(species).setMember(members.get(Integer.parseInt(run[0]))).build();
            double[] w = new double[base.years() + 1];
            for (int y = 2081; y <= 2100; y++) {
                w[y - 1750] = 1.0 / 20;
            }
            Fair.Gradient g = fair.gradient(base, w);
            double[][] e = new double[base.years()][species.size()];
            for (int t = 0; t < base.years(); t++) {
                for (int s = 0; s < species.size(); s++) {
                    e[t][s] = base.emission(t, s);
                }
            }
            double[] solar = new double[base.years() + 1];
            double[] volcanic = new double[base.years() + 1];
            for (int b = 0; b <= base.years(); b++) {
                solar[b] = base.solar(b);
                volcanic[b] = base.volcanic(b);
            }
            FairScenario.Prescribed prescribed = new FairScenario.Prescribed(solar, volcanic);
            assertEquals(objective(fair.run(base), w), g.value(), 1e-12);
            for (int i = 0; i < names.length; i++) {
                int s = species.index(names[i]);
                int t = years[i] - 1750;
                double keep = e[t][s];
                double h = 1e-5 * Math.max(Math.abs(keep), 1e-2);
                e[t][s] = keep + h;
                double up = objective(fair.run(FairScenario.of(species, "up", 1750, e, prescribed)), w);
                e[t][s] = keep - h;
                double down = objective(fair.run(FairScenario.of(species, "down", 1750, e, prescribed)), w);
                e[t][s] = keep;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, g.emission(t, s), 1e-4 * Math.abs(fd), names[i] + " " + years[i] + " on " + run[1]);
            }
        }
        FairScenario any = scenarios.get("low");
        Fair fair = Fair.builder().setSpecies(species).setMember(members.get(0)).build();
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> fair.gradient(any, new double[3]));
        assertTrue(bad.getMessage().contains("weights"), bad.getMessage());
    }

    private static double objective(FairRun run, double[] w) {
        double j = 0;
        for (int b = 0; b < w.length; b++) {
            j += w[b] * run.surfaceTemperature(b);
        }
        return j;
    }
}
