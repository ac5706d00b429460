package org.climagrad.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The seven CMIP7 ScenarioMIP draft pathways with their shared history 1750-2023, built from the
 * milestone table {@code datasets/scenarios/cmip7-milestones.csv} (source and licence in its
 * README) by linear interpolation between milestone years, annual 1750-2500.
 *
 * <p>Womack et al. (2026) train on "the six standard pathways": every {@link Pathway} but
 * {@link Pathway#HIGH_OVERSHOOT}, which stays available as a held-out test.
 */
public final class Cmip7 {
    /** First year of every preset. */
    public static final int FIRST_YEAR = 1750;
    /** Last year of every preset. */
    public static final int LAST_YEAR = 2500;
    /** Last historical year (shared by all pathways). */
    public static final int LAST_HISTORICAL_YEAR = 2023;
    private static final String RESOURCE = "cmip7-milestones.csv";
    private static final Map<String, TreeMap<Integer, double[]>> MILESTONES = load();

    private Cmip7() {}

    /** A CMIP7 ScenarioMIP draft pathway. */
    public enum Pathway {
        /** Very low, limited overshoot (paper: VLLO-ext). */
        VERYLOW("verylow", "VLLO-ext"),
        /** Very low after a high overshoot (paper: VLHO). */
        VERYLOW_OVERSHOOT("verylow-overshoot", "VLHO"),
        /** Low (paper: L). */
        LOW("low", "L"),
        /** Medium, then an overshoot decline after 2100 (paper: ML). */
        MEDIUM_OVERSHOOT("medium-overshoot", "ML"),
        /** Medium (paper: M). */
        MEDIUM_EXTENSION("medium-extension", "M"),
        /** High, then a decline to net negative CO2: the held-out test pathway. */
        HIGH_OVERSHOOT("high-overshoot", "H-os"),
        /** High (paper: H-ext). */
        HIGH_EXTENSION("high-extension", "H-ext");

        private final String id;
        private final String label;

        Pathway(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** The scenario name in the CMIP7 / FaIR files, e.g. {@code "medium-extension"}. */
        public String id() {
            return id;
        }

        /** The short label used in the paper's figures, e.g. {@code "M"}. */
        public String label() {
            return label;
        }
    }

    /** The six standard pathways of the paper (all but {@link Pathway#HIGH_OVERSHOOT}). */
    public static List<Pathway> standardSix() {
        List<Pathway> six = new ArrayList<>(List.of(Pathway.values()));
        six.remove(Pathway.HIGH_OVERSHOOT);
        return List.copyOf(six);
    }

    /** A pathway, annual {@value #FIRST_YEAR}-{@value #LAST_YEAR}, named by its {@link Pathway#id()}. */
    public static Scenario scenario(Pathway pathway) {
        TreeMap<Integer, double[]> points = new TreeMap<>(MILESTONES.get("history"));
        points.putAll(MILESTONES.get(pathway.id()));
        int n = LAST_YEAR - FIRST_YEAR + 1;
        double[][] e = new double[Agent.values().length][n];
        for (int i = 0; i < n; i++) {
            int year = FIRST_YEAR + i;
            Map.Entry<Integer, double[]> lo = points.floorEntry(year);
            Map.Entry<Integer, double[]> hi = points.ceilingEntry(year);
            double w = hi.getKey().equals(lo.getKey()) ? 0 : (double) (year - lo.getKey()) / (hi.getKey() - lo.getKey());
            for (int a = 0; a < e.length; a++) {
                e[a][i] = (1 - w) * lo.getValue()[a] + w * hi.getValue()[a];
            }
        }
        Scenario.Builder b = Scenario.builder().setName(pathway.id()).setFirstYear(FIRST_YEAR);
        for (Agent a : Agent.values()) {
            b.optEmissions(a, e[a.ordinal()]);
        }
        return b.build();
    }

    /** The shared history, annual {@value #FIRST_YEAR}-{@value #LAST_HISTORICAL_YEAR}. */
    public static Scenario history() {
        return scenario(Pathway.MEDIUM_EXTENSION).slice(FIRST_YEAR, LAST_HISTORICAL_YEAR).withName("history");
    }

    /** All seven pathways, in {@link Pathway} order, keyed by id. */
    public static Map<String, Scenario> all() {
        Map<String, Scenario> m = new LinkedHashMap<>();
        for (Pathway p : Pathway.values()) {
            m.put(p.id(), scenario(p));
        }
        return m;
    }

    /** The milestone table itself: scenario, year, one column per agent. */
    public static Table milestones() {
        Table t = Table.create("CMIP7 ScenarioMIP draft milestones", StringColumn.create("scenario"),
                IntColumn.create("year"));
        for (Agent a : Agent.values()) {
            t.addColumns(DoubleColumn.create(a.column()));
        }
        for (Map.Entry<String, TreeMap<Integer, double[]>> s : MILESTONES.entrySet()) {
            for (Map.Entry<Integer, double[]> row : s.getValue().entrySet()) {
                t.stringColumn(0).append(s.getKey());
                t.intColumn(1).append(row.getKey());
                for (Agent a : Agent.values()) {
                    t.doubleColumn(2 + a.ordinal()).append(row.getValue()[a.ordinal()]);
                }
            }
        }
        return t;
    }

    private static Map<String, TreeMap<Integer, double[]>> load() {
        Map<String, TreeMap<Integer, double[]>> m = new LinkedHashMap<>();
        try (InputStream in = Cmip7.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the class path (built from "
                        + "datasets/scenarios/)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            String[] cols = header.split(",");
            for (Agent a : Agent.values()) {
                if (!cols[2 + a.ordinal()].startsWith(a.variable())) {
                    throw new IllegalStateException(RESOURCE + ": column " + (2 + a.ordinal()) + " is " + cols[2
                            + a.ordinal()] + ", expected " + a.column());
                }
            }
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] v = new double[Agent.values().length];
                for (int a = 0; a < v.length; a++) {
                    v[a] = Double.parseDouble(f[2 + a]);
                }
                m.computeIfAbsent(f[0], k -> new TreeMap<>()).put(Integer.parseInt(f[1]), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
