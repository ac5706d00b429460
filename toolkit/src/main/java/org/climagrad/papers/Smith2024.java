package org.climagrad.papers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.climagrad.scm.Fair;
import org.climagrad.scm.FairEnsemble;
import org.climagrad.scm.FairMember;
import org.climagrad.scm.FairRun;
import org.climagrad.scm.FairScenario;
import org.climagrad.scm.FairSpeciesTable;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * FaIR 2.x with its calibrated, constrained ensemble (Smith, C., et al. 2024: fair-calibrate
 * v1.4.1, Geosci. Model Dev.; doi:10.5281/zenodo.7694879): the 841 members on the seven CMIP7
 * draft pathways, the calibration's constraints on the history, and the warming plumes. The data
 * (FaIR's files, Apache-2.0) are read from the project's {@code shared/data} folder: the folder
 * named by the environment variable {@code CLIMAGRAD_SHARED_DATA}, else the first
 * {@code shared/data} found beside or above the working directory.
 */
public final class Smith2024 {
    private Smith2024() {}

    /**
     * The species configuration, the 841 members and the seven pathways.
     *
     * @param species FaIR's species configuration of calibration 1.4.1
     * @param members the constrained ensemble
     * @param pathways the CMIP7 draft pathways with solar and volcanic forcing, by name
     */
    public record Calibration(FairSpeciesTable species, List<FairMember> members, Map<String, FairScenario> pathways) {
        /** Copies the lists. */
        public Calibration {
            members = List.copyOf(members);
            pathways = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pathways));
        }
    }

    /** The folder holding {@code fair/} and {@code scenarios/}; throws naming what was searched. */
    public static Path dataFolder() {
        String env = System.getenv("CLIMAGRAD_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (Files.isDirectory(p.resolve("fair"))) {
                return p;
            }
            throw new IllegalArgumentException("CLIMAGRAD_SHARED_DATA=" + env + ": has no fair/ folder");
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            for (Path c : List.of(d.resolve("shared/data"), d.resolveSibling("shared/data"))) {
                if (Files.isDirectory(c.resolve("fair")) && Files.isDirectory(c.resolve("scenarios"))) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("no shared/data folder with fair/ and scenarios/ beside or above " + dir
                + "; set CLIMAGRAD_SHARED_DATA");
    }

    /** Reads calibration 1.4.1 and the pathways from {@link #dataFolder()}. */
    public static Calibration calibration() {
        Path d = dataFolder();
        FairSpeciesTable species = FairSpeciesTable.read(d.resolve("fair/species_configs_properties_calibration1.4.1.csv"));
        return new Calibration(species,
                FairMember.readEnsemble(d.resolve("fair/calibrated_constrained_parameters_calibration1.4.1.csv")),
                FairScenario.readAll(species, d.resolve("scenarios/extensions_1750-2500.csv"),
                        d.resolve("fair/volcanic_solar.csv")));
    }

    /**
     * The calibration's constraints on the history against the ensemble (Smith et al. 2024, Table
     * 2; warming after Forster et al. 2023): per constraint its assessed central value and the
     * ensemble's 5th, 50th and 95th percentiles.
     */
    public static Table constraints(Calibration c) {
        FairScenario history = c.pathways().values().iterator().next();
        int co2 = c.species().index("CO2");
        int n = c.members().size();
        double[][] v = new double[5][n];
        for (int i = 0; i < n; i++) {
            Fair fair = Fair.builder().setSpecies(c.species()).setMember(c.members().get(i)).build();
            FairRun run = fair.run(history);
            v[0][i] = run.warming(new FairRun.Years(2003, 2022), FairRun.Years.preIndustrial());
            v[1][i] = run.meanAerosolForcing(new FairRun.Years(2005, 2014));
            v[2][i] = run.meanConcentration(co2, new FairRun.Years(2022, 2022));
            v[3][i] = fair.ecs();
            v[4][i] = fair.tcr();
        }
        String[] names = {"warming 2003-2022 vs 1850-1900 (K)", "aerosol ERF 2005-2014 (W m-2)", "CO2 2022 (ppm)",
            "ECS (K)", "TCR (K)"};
        double[] assessed = {1.03, -1.3, 417.0, 3.0, 1.8};
        DoubleColumn[] p = {DoubleColumn.create("p5"), DoubleColumn.create("p50"), DoubleColumn.create("p95")};
        for (double[] x : v) {
            java.util.Arrays.sort(x);
            p[0].append(percentile(x, 5));
            p[1].append(percentile(x, 50));
            p[2].append(percentile(x, 95));
        }
        Table t = Table.create("FaIR calibration 1.4.1 constraints (" + n + " members)", StringColumn.create("constraint",
                names), DoubleColumn.create("assessed", assessed));
        t.addColumns(p);
        return t;
    }

    private static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q / 100;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The warming plumes: per pathway the ensemble median and 5-95 % range of surface warming above
     * 1850-1900, 1850 to {@code lastYear}, one panel per pathway.
     *
     * @param c the calibration
     * @param lastYear the last year shown (≤ 2500)
     * @param progress receives a progress line (or null)
     */
    public static Figure plumes(Calibration c, int lastYear, java.util.function.Consumer<String> progress) {
        FairEnsemble.Result r = FairEnsemble.builder().setSpecies(c.species()).setMembers(c.members())
                .setScenarios(c.pathways().values()).optProgress(progress).build().run();
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (String name : c.pathways().keySet()) {
            Table t = r.of(name, FairEnsemble.Variable.WARMING);
            Table shown = t.where(t.intColumn("year").isBetweenInclusive(1850, lastYear));
            double[] years = shown.intColumn("year").asDoubleArray();
            Map<String, double[]> lines = new LinkedHashMap<>();
            lines.put("5 %", shown.doubleColumn("p5").asDoubleArray());
            lines.put("median", shown.doubleColumn("p50").asDoubleArray());
            lines.put("95 %", shown.doubleColumn("p95").asDoubleArray());
            org.knowm.xchart.XYChart chart = Charts.lines(name, "year", "warming above 1850-1900 (K)", years, lines);
            chart.getStyler().setXAxisDecimalPattern("0");
            panels.add(chart);
        }
        return new Figure(String.format("FaIR calibrated ensemble: %d members x %d pathways in %.1f s", r.members(),
                c.pathways().size(), r.seconds()), r.table(), panels, 4);
    }
}
