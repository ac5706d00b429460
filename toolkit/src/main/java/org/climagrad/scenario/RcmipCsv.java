package org.climagrad.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loader for annual emission files in RCMIP layout: a header {@code scenario,region,variable,unit,
 * 1750.5,1751.5,...} and one row per (scenario, region, variable). Only region {@code World} and the
 * six {@link Agent} variables are read (names as in the CMIP7 ScenarioMIP files, or ending in
 * {@code |<variable>} as in RCMIP's {@code Emissions|CH4}); other species are skipped. The unit must
 * match the agent's unit. A year column {@code 2020.5} (mid-year) becomes year 2020.
 */
public final class RcmipCsv {
    private RcmipCsv() {}

    /**
     * Reads every scenario in the file.
     *
     * @return scenario name → scenario (file order), each with all six agents
     * @throws IllegalArgumentException for a malformed file, a wrong unit, a missing agent or a gap
     */
    public static Map<String, Scenario> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file " + file + ": not found");
        }
        Map<String, Map<Agent, double[]>> found = new LinkedHashMap<>();
        int firstYear;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException("file " + file + ": empty");
            }
            List<String> cols = split(header);
            if (cols.size() < 5 || !cols.get(0).equalsIgnoreCase("scenario") || !cols.get(1).equalsIgnoreCase("region")
                    || !cols.get(2).equalsIgnoreCase("variable") || !cols.get(3).equalsIgnoreCase("unit")) {
                throw new IllegalArgumentException("file " + file + ": header must start scenario,region,variable,unit"
                        + " then years; got " + cols.subList(0, Math.min(5, cols.size())));
            }
            int n = cols.size() - 4;
            firstYear = year(cols.get(4), file);
            for (int i = 1; i < n; i++) {
                if (year(cols.get(4 + i), file) != firstYear + i) {
                    throw new IllegalArgumentException("file " + file + ": year column " + cols.get(4 + i)
                            + " breaks the annual sequence from " + firstYear);
                }
            }
            String line;
            int row = 1;
            while ((line = in.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = split(line);
                if (!f.get(1).equalsIgnoreCase("World")) {
                    continue;
                }
                Agent agent;
                try {
                    agent = Agent.ofVariable(f.get(2));
                } catch (IllegalArgumentException other) {
                    continue;
                }
                if (!f.get(3).replace(" ", "").equalsIgnoreCase(agent.unit().replace(" ", ""))) {
                    throw new IllegalArgumentException("file " + file + " row " + row + ": unit '" + f.get(3)
                            + "' for " + f.get(2) + ", expected '" + agent.unit() + "'");
                }
                if (f.size() != cols.size()) {
                    throw new IllegalArgumentException("file " + file + " row " + row + ": " + f.size()
                            + " fields, header has " + cols.size());
                }
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    String s = f.get(4 + i).trim();
                    if (s.isEmpty()) {
                        throw new IllegalArgumentException("file " + file + " row " + row + " (" + f.get(0) + ", "
                                + f.get(2) + "): no value for " + cols.get(4 + i));
                    }
                    v[i] = Double.parseDouble(s);
                }
                found.computeIfAbsent(f.get(0), k -> new EnumMap<>(Agent.class)).put(agent, v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("file " + file + ": not a number (" + e.getMessage() + ")", e);
        }
        Map<String, Scenario> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Agent, double[]>> e : found.entrySet()) {
            Scenario.Builder b = Scenario.builder().setName(e.getKey()).setFirstYear(firstYear);
            for (Agent a : Agent.values()) {
                double[] v = e.getValue().get(a);
                if (v == null) {
                    throw new IllegalArgumentException("file " + file + ": scenario " + e.getKey() + " has no "
                            + a.variable() + " row");
                }
                b.optEmissions(a, v);
            }
            out.put(e.getKey(), b.build());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("file " + file + ": no World rows of the agents "
                    + java.util.Arrays.stream(Agent.values()).map(Agent::variable).toList());
        }
        return out;
    }

    private static int year(String col, Path file) {
        try {
            return (int) Math.floor(Double.parseDouble(col.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("file " + file + ": column '" + col + "' is not a year", e);
        }
    }

    /** Splits one CSV line; fields may be double-quoted (with "" for a quote). */
    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
