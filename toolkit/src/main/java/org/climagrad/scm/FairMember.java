package org.climagrad.scm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One member of a calibrated FaIR 2.x parameter ensemble (fair-calibrate v1.4.1, Smith et al.
 * 2024: 841 constrained members): the three-layer energy balance model of Cummins et al. (2020)
 * with FaIR's autocorrelated forcing state, and the species properties it overrides (columns
 * {@code property[species]} of the ensemble file, read as FaIR's {@code override_defaults} does).
 * Immutable.
 *
 * @param id the member's label (first column of the file)
 * @param climate the energy balance model
 * @param overrides the species properties this member sets
 */
public record FairMember(String id, Climate climate, List<Override> overrides) {
    /** Copies the overrides. */
    public FairMember {
        overrides = List.copyOf(overrides);
    }

    /**
     * A property that a member sets: for one species, or for every species when {@code species}
     * is null (FaIR's per-configuration scalars such as {@code aci_scale}).
     *
     * @param property the property
     * @param species the species name, or null for all
     * @param value its value
     */
    public record Override(FairProperty property, String species, double value) {}

    /**
     * The energy balance model of a member (FaIR's {@code climate_configs}), layers from the surface
     * down; heat capacities in W yr m⁻² K⁻¹, transfer coefficients in W m⁻² K⁻¹ (the first is the
     * climate feedback parameter κ1 = λ).
     *
     * @param heatCapacity C1..C3, each &gt; 0
     * @param heatTransfer κ1..κ3, each &gt; 0
     * @param deepOceanEfficacy ε &gt; 0
     * @param gammaAutocorrelation γ &gt; 0, yr⁻¹: the forcing state relaxes to the forcing at rate γ
     * @param forcing4co2 the forcing of 4×CO2, W m⁻² (for ECS and TCR)
     * @param noise the stochastic EBM's parameters
     */
    public record Climate(double[] heatCapacity, double[] heatTransfer, double deepOceanEfficacy,
            double gammaAutocorrelation, double forcing4co2, Noise noise) {
        /** Validates and copies. */
        public Climate {
            if (heatCapacity.length != 3 || heatTransfer.length != 3) {
                throw new IllegalArgumentException("heatCapacity, heatTransfer: need 3 layers each, got "
                        + heatCapacity.length + " and " + heatTransfer.length);
            }
            heatCapacity = heatCapacity.clone();
            heatTransfer = heatTransfer.clone();
            for (int i = 0; i < 3; i++) {
                positive("heatCapacity[" + i + "]", heatCapacity[i]);
                positive("heatTransfer[" + i + "]", heatTransfer[i]);
            }
            positive("deepOceanEfficacy", deepOceanEfficacy);
            positive("gammaAutocorrelation", gammaAutocorrelation);
            positive("forcing4co2", forcing4co2);
        }

        /** C1..C3 (a copy). */
        @java.lang.Override
        public double[] heatCapacity() {
            return heatCapacity.clone();
        }

        /** κ1..κ3 (a copy). */
        @java.lang.Override
        public double[] heatTransfer() {
            return heatTransfer.clone();
        }

        /** Equilibrium climate sensitivity F4x / (2 κ1), K. */
        public double ecs() {
            return forcing4co2 / 2 / heatTransfer[0];
        }
    }

    /**
     * The stochastic EBM's parameters (Cummins et al. 2020): forcing noise σ_η and temperature
     * noise σ_ξ, the member's seed, and whether the calibration runs it stochastically.
     *
     * @param sigmaEta σ_η, W m⁻²
     * @param sigmaXi σ_ξ, W m⁻²
     * @param seed the member's seed
     * @param stochastic whether runs of this member are stochastic in the calibration
     */
    public record Noise(double sigmaEta, double sigmaXi, long seed, boolean stochastic) {}

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": need a finite value > 0, got " + v);
        }
    }

    private static final Map<String, String> CLIMATE = Map.ofEntries(Map.entry("gamma_autocorrelation", ""),
            Map.entry("ocean_heat_capacity", ""), Map.entry("ocean_heat_transfer", ""),
            Map.entry("deep_ocean_efficacy", ""), Map.entry("sigma_eta", ""), Map.entry("sigma_xi", ""),
            Map.entry("forcing_4co2", ""), Map.entry("seed", ""), Map.entry("stochastic_run", ""),
            Map.entry("use_seed", ""));

    /**
     * Reads a calibrated ensemble ({@code calibrated_constrained_parameters_calibration1.4.1.csv}:
     * the member label, then one column per parameter).
     *
     * @throws IllegalArgumentException naming the file, row and column of a bad value, or an unknown column
     */
    public static List<FairMember> readEnsemble(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the FaIR ensemble " + file, e);
        }
        if (lines.size() < 2) {
            throw new IllegalArgumentException(file + ": no members");
        }
        String[] header = lines.get(0).replace("\uFEFF", "").split(",", -1);
        List<FairMember> members = new ArrayList<>();
        for (int r = 1; r < lines.size(); r++) {
            if (lines.get(r).isBlank()) {
                continue;
            }
            String[] cells = lines.get(r).split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(file + ": row " + (r + 1) + " has " + cells.length
                        + " cells, the header " + header.length);
            }
            double[] c = new double[3];
            double[] k = new double[3];
            double[] scalars = new double[7];
            Arrays.fill(scalars, Double.NaN);
            List<Override> overrides = new ArrayList<>();
            for (int j = 1; j < header.length; j++) {
                String col = header[j].trim();
                String name = col.contains("[") ? col.substring(0, col.indexOf('[')) : col;
                String index = col.contains("[") ? col.substring(col.indexOf('[') + 1, col.length() - 1) : null;
                double v = value(file, r, col, cells[j]);
                if (CLIMATE.containsKey(name)) {
                    switch (name) {
                        case "ocean_heat_capacity" -> c[layer(file, col, index)] = v;
                        case "ocean_heat_transfer" -> k[layer(file, col, index)] = v;
                        case "deep_ocean_efficacy" -> scalars[0] = v;
                        case "gamma_autocorrelation" -> scalars[1] = v;
                        case "forcing_4co2" -> scalars[2] = v;
                        case "sigma_eta" -> scalars[3] = v;
                        case "sigma_xi" -> scalars[4] = v;
                        case "seed" -> scalars[5] = v;
                        case "stochastic_run" -> scalars[6] = v;
                        default -> { } // use_seed: the seed is always used
                    }
                } else {
                    FairProperty p = FairProperty.ofColumn(name).orElseThrow(() -> new IllegalArgumentException(
                            file + ": column '" + col + "' is neither an energy-balance parameter nor a species property"));
                    overrides.add(new Override(p, index, v));
                }
            }
            String[] scalarNames = {"deep_ocean_efficacy", "gamma_autocorrelation", "forcing_4co2"};
            for (int i = 0; i < scalarNames.length; i++) {
                if (Double.isNaN(scalars[i])) {
                    throw new IllegalArgumentException(file + ": missing column '" + scalarNames[i] + "'");
                }
            }
            Noise noise = new Noise(Double.isNaN(scalars[3]) ? 0.5 : scalars[3], Double.isNaN(scalars[4]) ? 0.5
                    : scalars[4], Double.isNaN(scalars[5]) ? 0 : (long) scalars[5], scalars[6] == 1);
            Climate climate;
            try {
                climate = new Climate(c, k, scalars[0], scalars[1], scalars[2], noise);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": row " + (r + 1) + ": " + e.getMessage(), e);
            }
            members.add(new FairMember(cells[0].trim(), climate, overrides));
        }
        return List.copyOf(members);
    }

    private static int layer(Path file, String col, String index) {
        int i = index == null ? -1 : Integer.parseInt(index);
        if (i < 0 || i > 2) {
            throw new IllegalArgumentException(file + ": column '" + col + "': layer must be 0, 1 or 2");
        }
        return i;
    }

    private static double value(Path file, int row, String col, String cell) {
        String s = cell.trim();
        if (s.equalsIgnoreCase("true")) {
            return 1;
        }
        if (s.equalsIgnoreCase("false")) {
            return 0;
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": row " + (row + 1) + ", column '" + col
                    + "': not a finite number: '" + s + "'", e);
        }
    }
}
