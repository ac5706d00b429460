package org.climagrad.scm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inputs of one FaIR 2.x run on FaIR's annual time axis: emissions of every emission-driven
 * species on the time points {@code y + 0.5} (from {@code firstYear} to {@code lastYear}), and the
 * prescribed solar and volcanic forcing on the time bounds {@code firstYear .. lastYear + 1}
 * (before any member's scale factor). Emission units are FaIR's: Gt CO2 yr⁻¹ for CO2 FFI and
 * AFOLU, Mt yr⁻¹ for CH4, N2O, SO2 (as SO2), BC, OC, NH3, NOx (as NO2), VOC, CO, and kt yr⁻¹ for
 * the halogenated gases. Immutable.
 */
public final class FairScenario {
    /** The largest accepted |emission| in FaIR's units (about 200× the largest flow of any species today). */
    public static final double MAX_ABS_EMISSION = 1e6;
    /** The largest accepted |prescribed forcing|, W m⁻² (Pinatubo was about −3). */
    public static final double MAX_ABS_FORCING = 100;

    private final String name;
    private final int firstYear;
    private final double[][] emissions;
    private final double[] solar;
    private final double[] volcanic;

    private FairScenario(String name, int firstYear, double[][] emissions, double[] solar, double[] volcanic) {
        this.name = name;
        this.firstYear = firstYear;
        this.emissions = emissions;
        this.solar = solar;
        this.volcanic = volcanic;
    }

    /**
     * A scenario from arrays (copied), validated against a species configuration.
     *
     * @param species the configuration whose emission-driven species the columns are
     * @param name the scenario's name
     * @param firstYear the first year (FaIR's runs start in 1750)
     * @param emissions {@code [years][species.size()]}; entries of species that are not emission-driven are ignored
     * @param prescribed solar and volcanic forcing on the {@code years + 1} time bounds
     */
    public static FairScenario of(FairSpeciesTable species, String name, int firstYear, double[][] emissions,
            Prescribed prescribed) {
        if (emissions.length < 1) {
            throw new IllegalArgumentException("emissions: need at least one year, got 0");
        }
        double[][] e = new double[emissions.length][];
        for (int t = 0; t < e.length; t++) {
            if (emissions[t].length != species.size()) {
                throw new IllegalArgumentException("emissions[" + t + "]: need " + species.size()
                        + " species, got " + emissions[t].length);
            }
            e[t] = emissions[t].clone();
            for (int s = 0; s < species.size(); s++) {
                if (species.inputMode(s) != FairSpeciesTable.InputMode.EMISSIONS) {
                    e[t][s] = 0;
                    continue;
                }
                double v = e[t][s];
                if (!Double.isFinite(v) || Math.abs(v) > MAX_ABS_EMISSION) {
                    throw new IllegalArgumentException("emissions of " + species.names().get(s) + " in "
                            + (firstYear + t) + ": need a finite value with |E| <= " + MAX_ABS_EMISSION
                            + ", got " + v);
                }
            }
        }
        int bounds = e.length + 1;
        if (prescribed.solar().length != bounds || prescribed.volcanic().length != bounds) {
            throw new IllegalArgumentException("prescribed: need solar and volcanic forcing on " + bounds
                    + " time bounds, got " + prescribed.solar().length + " and " + prescribed.volcanic().length);
        }
        return new FairScenario(name, firstYear, e, prescribed.solar(), prescribed.volcanic());
    }

    /**
     * Solar and volcanic effective radiative forcing on time bounds, W m⁻², before scaling.
     *
     * @param solar solar forcing
     * @param volcanic volcanic forcing
     */
    public record Prescribed(double[] solar, double[] volcanic) {
        /** Validates and copies. */
        public Prescribed {
            solar = check("solar", solar);
            volcanic = check("volcanic", volcanic);
        }

        private static double[] check(String name, double[] f) {
            for (int i = 0; i < f.length; i++) {
                if (!Double.isFinite(f[i]) || Math.abs(f[i]) > MAX_ABS_FORCING) {
                    throw new IllegalArgumentException(name + "[" + i + "]: need a finite forcing with |F| <= "
                            + MAX_ABS_FORCING + " W m-2, got " + f[i]);
                }
            }
            return f.clone();
        }

        /** Solar forcing (a copy). */
        @Override
        public double[] solar() {
            return solar.clone();
        }

        /** Volcanic forcing (a copy). */
        @Override
        public double[] volcanic() {
            return volcanic.clone();
        }

        /** No solar or volcanic forcing on {@code bounds} time bounds. */
        public static Prescribed none(int bounds) {
            return new Prescribed(new double[bounds], new double[bounds]);
        }
    }

    /**
     * Every scenario of an RCMIP-style emissions file ({@code scenario,region,variable,unit,1750.5,...};
     * FaIR's {@code extensions_1750-2500.csv}) with the solar and volcanic forcing of FaIR's
     * {@code volcanic_solar.csv} (time bounds; interpolated linearly between its years, as FaIR does).
     *
     * @param species the configuration: every emission-driven species must have a row in every scenario
     * @throws IllegalArgumentException naming the scenario and species of a missing row, a unit
     *     other than FaIR's, a time axis that does not start at {@code y + 0.5} with annual steps, a
     *     first year other than 1750, or a bad value
     */
    public static Map<String, FairScenario> readAll(FairSpeciesTable species, Path emissionsFile, Path forcingFile) {
        Table em = Table.read(emissionsFile);
        if (Math.abs(em.times[0] - Math.floor(em.times[0]) - 0.5) > 1e-9) {
            throw new IllegalArgumentException(emissionsFile + ": emissions must be on time points y + 0.5, the first is "
                    + em.times[0]);
        }
        int first = (int) Math.floor(em.times[0]);
        if (first != 1750) {
            throw new IllegalArgumentException(emissionsFile + ": the first year must be 1750 (FaIR starts from the 1750 "
                    + "baseline), got " + first);
        }
        for (int t = 1; t < em.times.length; t++) {
            if (Math.abs(em.times[t] - em.times[t - 1] - 1) > 1e-9) {
                throw new IllegalArgumentException(emissionsFile + ": time points must be annual, got " + em.times[t - 1]
                        + " then " + em.times[t]);
            }
        }
        Table fo = Table.read(forcingFile);
        Map<String, FairScenario> out = new LinkedHashMap<>();
        for (String scenario : em.scenarios()) {
            double[][] e = new double[em.times.length][species.size()];
            for (int s = 0; s < species.size(); s++) {
                if (species.inputMode(s) != FairSpeciesTable.InputMode.EMISSIONS) {
                    continue;
                }
                String name = species.names().get(s);
                Row row = em.row(scenario, name);
                if (row == null) {
                    throw new IllegalArgumentException(emissionsFile + ": scenario '" + scenario + "' has no emissions of '"
                            + name + "' (every emission-driven species of the configuration is required; no default is "
                            + "assumed)");
                }
                String expected = unit(species.type(s), name);
                if (!row.unit.replace(" ", "").equalsIgnoreCase(expected.replace(" ", ""))) {
                    throw new IllegalArgumentException(emissionsFile + ": scenario '" + scenario + "', " + name
                            + ": unit '" + row.unit + "', FaIR's is '" + expected + "'");
                }
                for (int t = 0; t < e.length; t++) {
                    e[t][s] = row.values[t];
                }
            }
            int bounds = e.length + 1;
            double[] solar = interpolate(fo, scenario, "Solar", first, bounds, forcingFile);
            double[] volcanic = interpolate(fo, scenario, "Volcanic", first, bounds, forcingFile);
            try {
                out.put(scenario, of(species, scenario, first, e, new Prescribed(solar, volcanic)));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(emissionsFile + ": scenario '" + scenario + "': " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    /** FaIR's emission unit of a species. */
    static String unit(FairSpeciesType type, String name) {
        String compound = name.replace("-", "").replace("Sulfur", "SO2").replace("NOx", "NO2");
        return switch (type) {
            case CO2_FFI, CO2_AFOLU -> "Gt CO2/yr";
            case CH4, N2O, SULFUR, BLACK_CARBON, ORGANIC_CARBON, OTHER_SLCF, AVIATION_NOX -> "Mt " + compound + "/yr";
            default -> "kt " + compound + "/yr";
        };
    }

    private static double[] interpolate(Table fo, String scenario, String variable, int first, int bounds, Path file) {
        Row row = fo.row(scenario, variable);
        if (row == null) {
            throw new IllegalArgumentException(file + ": scenario '" + scenario + "' has no " + variable + " forcing");
        }
        double[] out = new double[bounds];
        for (int b = 0; b < bounds; b++) {
            double year = first + b;
            int j = Arrays.binarySearch(fo.times, year);
            if (j >= 0) {
                out[b] = row.values[j];
                continue;
            }
            int hi = -j - 1;
            if (hi == 0 || hi == fo.times.length) {
                throw new IllegalArgumentException(file + ": " + variable + " forcing does not cover year " + year
                        + " (it has " + fo.times[0] + " to " + fo.times[fo.times.length - 1] + ")");
            }
            double w = (year - fo.times[hi - 1]) / (fo.times[hi] - fo.times[hi - 1]);
            out[b] = (1 - w) * row.values[hi - 1] + w * row.values[hi];
        }
        return out;
    }

    private record Row(String unit, double[] values) {}

    /** An RCMIP-style table: scenario, region, variable, unit, then one column per time. */
    private record Table(double[] times, Map<String, Map<String, Row>> rows) {
        List<String> scenarios() {
            return new ArrayList<>(rows.keySet());
        }

        Row row(String scenario, String variable) {
            Map<String, Row> m = rows.get(scenario);
            return m == null ? null : m.get(variable);
        }

        static Table read(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file + ": empty");
            }
            String[] header = lines.get(0).replace("\uFEFF", "").split(",", -1);
            List<String> lower = Arrays.stream(header).map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            int sc = lower.indexOf("scenario");
            int va = lower.indexOf("variable");
            int un = lower.indexOf("unit");
            if (sc < 0 || va < 0 || un < 0) {
                throw new IllegalArgumentException(file + ": need the columns scenario, variable and unit");
            }
            int firstTime = -1;
            for (int j = 0; j < header.length; j++) {
                try {
                    Double.parseDouble(header[j].trim());
                    firstTime = j;
                    break;
                } catch (NumberFormatException e) {
                    // a metadata column
                }
            }
            if (firstTime < 0) {
                throw new IllegalArgumentException(file + ": no time columns");
            }
            double[] times = new double[header.length - firstTime];
            for (int j = 0; j < times.length; j++) {
                times[j] = Double.parseDouble(header[firstTime + j].trim());
                if (j > 0 && times[j] <= times[j - 1]) {
                    throw new IllegalArgumentException(file + ": times must increase, got " + times[j - 1] + " then "
                            + times[j]);
                }
            }
            Map<String, Map<String, Row>> rows = new LinkedHashMap<>();
            for (int r = 1; r < lines.size(); r++) {
                if (lines.get(r).isBlank()) {
                    continue;
                }
                String[] cells = lines.get(r).split(",", -1);
                if (cells.length != header.length) {
                    throw new IllegalArgumentException(file + ": row " + (r + 1) + " has " + cells.length
                            + " cells, the header " + header.length);
                }
                double[] v = new double[times.length];
                for (int j = 0; j < v.length; j++) {
                    String s = cells[firstTime + j].trim();
                    try {
                        v[j] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + ": row " + (r + 1) + ", time " + times[j]
                                + ": not a number: '" + s + "'", e);
                    }
                }
                rows.computeIfAbsent(cells[sc].trim(), k -> new LinkedHashMap<>())
                        .put(cells[va].trim(), new Row(cells[un].trim(), v));
            }
            return new Table(times, rows);
        }
    }

    /** The scenario's name. */
    public String name() {
        return name;
    }

    /** The first year (the first time point is {@code firstYear + 0.5}). */
    public int firstYear() {
        return firstYear;
    }

    /** Number of years (time points); time bounds are one more. */
    public int years() {
        return emissions.length;
    }

    /** Emission of species {@code s} in year index {@code t}. */
    public double emission(int t, int s) {
        return emissions[t][s];
    }

    /** Solar forcing at time bound {@code b}, W m⁻², before scaling. */
    public double solar(int b) {
        return solar[b];
    }

    /** Volcanic forcing at time bound {@code b}, W m⁻², before scaling. */
    public double volcanic(int b) {
        return volcanic[b];
    }
}
