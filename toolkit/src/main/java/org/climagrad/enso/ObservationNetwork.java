package org.climagrad.enso;

import java.util.List;

/**
 * The sparse quantities the idealized model provides to the latent assimilation (Behnoudfar et
 * al. 2025, Sec. 3): a list of {@link Probe}s on an {@link EquatorialGrid}, the linear observation
 * operator H of a field. Immutable; every probe is checked against the grid.
 *
 * @param grid the field's longitudes
 * @param probes what is observed, at least one
 */
public record ObservationNetwork(EquatorialGrid grid, List<Probe> probes) {
    /** Validates that the probes lie on the grid. */
    public ObservationNetwork {
        if (grid == null || probes == null || probes.isEmpty()) {
            throw new IllegalArgumentException("probes: at least one probe on a grid is required");
        }
        probes = List.copyOf(probes);
        for (Probe p : probes) {
            p.requireOn(grid);
        }
    }

    /** The Niño3 and Niño4 indices (the conceptual model's output). */
    public static ObservationNetwork ninoIndices(EquatorialGrid grid) {
        return new ObservationNetwork(grid, List.of(Probe.Box.nino3(), Probe.Box.nino4()));
    }

    /** Values at grid points nearest to the given longitudes (°E). */
    public static ObservationNetwork points(EquatorialGrid grid, double... longitudes) {
        return new ObservationNetwork(grid, java.util.Arrays.stream(longitudes).mapToObj(Probe.Point::new)
                .map(Probe.class::cast).toList());
    }

    /** Number of observed quantities p. */
    public int size() {
        return probes.size();
    }

    /** H f {@code [p]} of one field {@code [nx]}. */
    public double[] observe(double[] field) {
        double[] y = new double[probes.size()];
        for (int j = 0; j < y.length; j++) {
            y[j] = probes.get(j).observe(grid, field);
        }
        return y;
    }

    /** H applied to every row {@code [rows][nx]}: {@code [rows][p]}. */
    public double[][] observe(double[][] fields) {
        double[][] out = new double[fields.length][];
        for (int t = 0; t < fields.length; t++) {
            out[t] = observe(fields[t]);
        }
        return out;
    }

    /** The probes' longitudes, °E {@code [p]}. */
    public double[] longitudes() {
        return probes.stream().mapToDouble(Probe::longitude).toArray();
    }

    /** The probes' labels. */
    public List<String> labels() {
        return probes.stream().map(Probe::toString).toList();
    }
}
