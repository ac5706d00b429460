package org.climagrad.enso;

import org.climagrad.core.Check;

/**
 * Longitudes along the equatorial Pacific (5°S-5°N mean), from {@code west} to {@code east} in
 * degrees east (120°E = 120, 80°W = 280), every {@code step} degrees, with the Niño boxes:
 * Niño4 160°E-150°W (160-210) and Niño3 150°W-90°W (210-270).
 *
 * @param west first longitude, °E
 * @param east last longitude, °E (&gt; west)
 * @param step spacing, degrees (&gt; 0)
 */
public record EquatorialGrid(double west, double east, double step) {
    /** Niño4 box, °E. */
    public static final double[] NINO4 = {160, 210};
    /** Niño3 box, °E. */
    public static final double[] NINO3 = {210, 270};

    /** Validates the ranges. */
    public EquatorialGrid {
        Check.positive("step", step);
        if (!(east > west)) {
            throw new IllegalArgumentException("east = " + east + ": must be > west = " + west);
        }
        if (west > NINO4[0] || east < NINO3[1]) {
            throw new IllegalArgumentException("grid " + west + "-" + east + "°E must cover the Niño boxes 160-270°E");
        }
    }

    /** 120°E to 80°W every 2 degrees (81 points). */
    public static EquatorialGrid standard() {
        return new EquatorialGrid(120, 280, 2);
    }

    /** Number of points. */
    public int size() {
        return (int) Math.floor((east - west) / step + 1e-9) + 1;
    }

    /** The longitudes, °E. */
    public double[] longitudes() {
        double[] x = new double[size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = west + i * step;
        }
        return x;
    }

    /** Mean of a field over a box [lo, hi] °E. */
    public double boxMean(double[] field, double[] box) {
        Check.length("field", field, size());
        double s = 0;
        int n = 0;
        double[] x = longitudes();
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= box[0] && x[i] <= box[1]) {
                s += field[i];
                n++;
            }
        }
        return s / n;
    }

    /** The grid index nearest to a longitude (°E), which must lie on the grid. */
    public int index(double longitude) {
        if (longitude < west || longitude > east) {
            throw new IllegalArgumentException("longitude " + longitude + "°E: outside the grid " + west + "-" + east
                    + "°E");
        }
        return (int) Math.round((longitude - west) / step);
    }
}
