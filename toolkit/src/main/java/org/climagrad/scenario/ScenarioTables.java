package org.climagrad.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A {@link Scenario} as a Tablesaw table and as a CSV file: columns {@code year} then one per
 * agent, labelled {@link Agent#column()} (e.g. {@code CO2 FFI [Gt CO2/yr]}); the table's name is
 * the scenario's name. Charts of scenarios: {@code ScenarioCharts} (plot package).
 */
public final class ScenarioTables {
    private ScenarioTables() {}

    /** The scenario as a table, one row per year. */
    public static Table toTable(Scenario s) {
        int[] years = new int[s.length()];
        for (int i = 0; i < years.length; i++) {
            years[i] = s.firstYear() + i;
        }
        Table t = Table.create(s.name(), IntColumn.create("year", years));
        for (Agent a : Agent.values()) {
            t.addColumns(DoubleColumn.create(a.column(), s.emissions(a)));
        }
        return t;
    }

    /**
     * A scenario from a table with a {@code year} column (consecutive years) and agent columns
     * labelled {@link Agent#column()} or just {@link Agent#variable()}; missing agents are zero.
     */
    public static Scenario fromTable(Table table, String name) {
        if (!table.columnNames().contains("year")) {
            throw new IllegalArgumentException("table " + table.name() + ": no 'year' column; have "
                    + table.columnNames());
        }
        int n = table.rowCount();
        if (n == 0) {
            throw new IllegalArgumentException("table " + table.name() + ": no rows");
        }
        int first = (int) Math.round(((Number) table.column("year").get(0)).doubleValue());
        for (int i = 0; i < n; i++) {
            double y = ((Number) table.column("year").get(i)).doubleValue();
            if (y != first + i) {
                throw new IllegalArgumentException("table " + table.name() + ": year in row " + i + " is " + y
                        + ", expected consecutive years from " + first);
            }
        }
        Scenario.Builder b = Scenario.builder().setName(name).setFirstYear(first).setLength(n);
        for (Agent a : Agent.values()) {
            String col = table.columnNames().contains(a.column()) ? a.column()
                    : table.columnNames().contains(a.variable()) ? a.variable() : null;
            if (col != null) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    Object o = table.column(col).get(i);
                    v[i] = o == null ? Double.NaN : ((Number) o).doubleValue();
                }
                b.optEmissions(a, v);
            }
        }
        return b.build();
    }

    /**
     * Writes the scenario as CSV. The file appears complete or not at all (written to a temporary
     * file in the same folder, then moved).
     *
     * @return the file
     */
    public static Path writeCsv(Scenario s, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".scenario", ".csv.tmp");
            try {
                toTable(s).write().csv(tmp.toFile());
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write scenario " + s.name() + " to " + file, e);
        }
    }

    /**
     * Reads a scenario CSV shipped in {@code datasets/scenarios/} (a class-path resource next to
     * this class), in the format of {@link #writeCsv}.
     *
     * @param resource file name, e.g. {@code womack2026-optimised-751.csv}
     * @param name the scenario's name
     */
    public static Scenario readResource(String resource, String name) {
        try (java.io.InputStream in = ScenarioTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("resource " + resource + ": not on the class path (datasets/scenarios/)");
            }
            Table t = Table.read().usingOptions(CsvReadOptions.builder(in).columnTypesPartial(
                    col -> col.equals("year") ? java.util.Optional.of(ColumnType.INTEGER)
                            : java.util.Optional.of(ColumnType.DOUBLE)));
            return fromTable(t, name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read resource " + resource, e);
        }
    }

    /** Reads a CSV written by {@link #writeCsv}; the scenario is named after the file. */
    public static Scenario readCsv(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file " + file + ": not found");
        }
        try {
            Table t = Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).columnTypesPartial(
                    name -> name.equals("year") ? java.util.Optional.of(ColumnType.INTEGER)
                            : java.util.Optional.of(ColumnType.DOUBLE)));
            String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
            return fromTable(t, name);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("file " + file + ": not a scenario CSV (" + e.getMessage() + ")", e);
        }
    }
}
