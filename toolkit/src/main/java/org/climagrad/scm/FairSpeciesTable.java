package org.climagrad.scm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The species of a FaIR 2.x configuration with their default properties: FaIR's
 * species-configuration file ({@code species_configs_properties_calibration1.4.1.csv}, one row per
 * species: name, type, input mode, the flags {@code greenhouse_gas},
 * {@code aerosol_chemistry_from_emissions}, {@code aerosol_chemistry_from_concentration}, then
 * one column per {@link FairProperty}; empty cells are 0, {@code nan} marks a property that does
 * not apply to the species and is kept as NaN: FaIR's sums over species skip it). Immutable.
 */
public final class FairSpeciesTable {
    /** How a species enters a run. */
    public enum InputMode {
        /** Driven by emissions. */
        EMISSIONS,
        /** Calculated from other species. */
        CALCULATED,
        /** Prescribed forcing. */
        FORCING,
        /** Prescribed concentration (not supported by {@link Fair}). */
        CONCENTRATION
    }

    private final List<String> names;
    private final FairSpeciesType[] types;
    private final InputMode[] modes;
    private final boolean[] greenhouseGas;
    private final boolean[] fromEmissions;
    private final boolean[] fromConcentration;
    private final double[][] properties;

    private FairSpeciesTable(List<String> names, FairSpeciesType[] types, InputMode[] modes, boolean[][] flags,
            double[][] properties) {
        this.names = List.copyOf(names);
        this.types = types;
        this.modes = modes;
        this.greenhouseGas = flags[0];
        this.fromEmissions = flags[1];
        this.fromConcentration = flags[2];
        this.properties = properties;
    }

    /**
     * Reads FaIR's species-configuration CSV.
     *
     * @throws IllegalArgumentException naming the file, row and column of a bad or missing value
     */
    public static FairSpeciesTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the FaIR species configuration " + file, e);
        }
        if (lines.size() < 2) {
            throw new IllegalArgumentException(file + ": no species rows");
        }
        List<String> header = Arrays.asList(lines.get(0).replace("\uFEFF", "").split(",", -1));
        int[] required = {header.indexOf("name"), header.indexOf("type"), header.indexOf("input_mode"),
            header.indexOf("greenhouse_gas"), header.indexOf("aerosol_chemistry_from_emissions"),
            header.indexOf("aerosol_chemistry_from_concentration")};
        String[] requiredNames = {"name", "type", "input_mode", "greenhouse_gas", "aerosol_chemistry_from_emissions",
            "aerosol_chemistry_from_concentration"};
        for (int i = 0; i < required.length; i++) {
            if (required[i] < 0) {
                throw new IllegalArgumentException(file + ": missing column '" + requiredNames[i] + "'");
            }
        }
        int[] propertyColumn = new int[FairProperty.values().length];
        for (FairProperty p : FairProperty.values()) {
            propertyColumn[p.ordinal()] = header.indexOf(p.column());
            if (propertyColumn[p.ordinal()] < 0) {
                throw new IllegalArgumentException(file + ": missing column '" + p.column() + "'");
            }
        }
        List<String> names = new ArrayList<>();
        int n = lines.size() - 1;
        FairSpeciesType[] types = new FairSpeciesType[n];
        InputMode[] modes = new InputMode[n];
        boolean[][] flags = new boolean[3][n];
        double[][] props = new double[n][FairProperty.values().length];
        for (int r = 0; r < n; r++) {
            String[] cells = lines.get(r + 1).split(",", -1);
            if (cells.length != header.size()) {
                throw new IllegalArgumentException(file + ": row " + (r + 2) + " has " + cells.length
                        + " cells, the header " + header.size());
            }
            names.add(cells[required[0]].trim());
            types[r] = FairSpeciesType.ofLabel(cells[required[1]].trim());
            try {
                modes[r] = InputMode.valueOf(cells[required[2]].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": row " + (r + 2) + ": input_mode '" + cells[required[2]]
                        + "' is not one of " + Arrays.toString(InputMode.values()), e);
            }
            for (int f = 0; f < 3; f++) {
                flags[f][r] = parse(file, r, requiredNames[f + 3], cells[required[f + 3]]) != 0;
            }
            for (FairProperty p : FairProperty.values()) {
                props[r][p.ordinal()] = parse(file, r, p.column(), cells[propertyColumn[p.ordinal()]]);
            }
        }
        if (new java.util.HashSet<>(names).size() != n) {
            throw new IllegalArgumentException(file + ": species names are not unique");
        }
        return new FairSpeciesTable(names, types, modes, flags, props);
    }

    private static double parse(Path file, int row, String column, String cell) {
        String s = cell.trim();
        if (s.isEmpty()) {
            return 0;
        }
        if (s.equalsIgnoreCase("true")) {
            return 1;
        }
        if (s.equalsIgnoreCase("false")) {
            return 0;
        }
        if (s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(file + ": row " + (row + 2) + ", " + column + ": infinite: " + s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": row " + (row + 2) + ", " + column + ": not a number: " + s, e);
        }
    }

    /** Number of species. */
    public int size() {
        return names.size();
    }

    /** The species names in file order (unmodifiable). */
    public List<String> names() {
        return names;
    }

    /** The index of a species; throws naming the species if it is not in the table. */
    public int index(String species) {
        int i = names.indexOf(species);
        if (i < 0) {
            throw new IllegalArgumentException("species: '" + species + "' is not in this configuration");
        }
        return i;
    }

    /** Index of the only species of a type; throws if there is none or several. */
    public int indexOf(FairSpeciesType type) {
        int found = -1;
        for (int i = 0; i < types.length; i++) {
            if (types[i] == type) {
                if (found >= 0) {
                    throw new IllegalArgumentException("type: several species of type " + type);
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("type: no species of type " + type + " in this configuration");
        }
        return found;
    }

    /** The type of species {@code i}. */
    public FairSpeciesType type(int i) {
        return types[i];
    }

    /** The input mode of species {@code i}. */
    public InputMode inputMode(int i) {
        return modes[i];
    }

    /** Whether species {@code i} is a greenhouse gas (has a gas cycle and GHG forcing). */
    public boolean greenhouseGas(int i) {
        return greenhouseGas[i];
    }

    /** Whether the emissions of species {@code i} enter the aerosol and ozone chemistry. */
    public boolean chemistryFromEmissions(int i) {
        return fromEmissions[i];
    }

    /** Whether the concentration of species {@code i} enters the aerosol and ozone chemistry. */
    public boolean chemistryFromConcentration(int i) {
        return fromConcentration[i];
    }

    /** The default value of a property of species {@code i}. */
    public double property(int i, FairProperty p) {
        return properties[i][p.ordinal()];
    }

    /** A copy of all default properties, {@code [species][FairProperty.ordinal()]}. */
    double[][] properties() {
        double[][] c = new double[properties.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = properties[i].clone();
        }
        return c;
    }
}
