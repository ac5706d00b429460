package org.climagrad.ocean;

import org.climagrad.core.Check;

/**
 * The vertical levels of an ocean column: layer thicknesses from the surface down, in metres.
 * Layer k has its centre at depth z_k; interface k lies between layers k and k + 1.
 *
 * @param thickness layer thicknesses {@code [levels]}, m, each &gt; 0, at least two layers
 */
public record ColumnGrid(double[] thickness) {
    /** Validates and copies. */
    public ColumnGrid {
        if (thickness == null || thickness.length < 2) {
            throw new IllegalArgumentException("thickness: at least two layers are required");
        }
        for (int k = 0; k < thickness.length; k++) {
            Check.positive("thickness[" + k + "]", thickness[k]);
        }
        thickness = thickness.clone();
    }

    /**
     * 16 layers, 25 m at the surface, each 1.2 times thicker than the one above (the deepest
     * 385 m; total depth 2,186 m).
     */
    public static ColumnGrid standard() {
        double[] dz = new double[16];
        for (int k = 0; k < dz.length; k++) {
            dz[k] = 25 * Math.pow(1.2, k);
        }
        return new ColumnGrid(dz);
    }

    /** Number of layers N. */
    public int levels() {
        return thickness.length;
    }

    @Override
    public double[] thickness() {
        return thickness.clone();
    }

    /** Depths of the layer centres {@code [N]}, m (positive down). */
    public double[] depth() {
        double[] z = new double[thickness.length];
        double top = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = top + thickness[k] / 2;
            top += thickness[k];
        }
        return z;
    }

    /** Total depth, m. */
    public double totalDepth() {
        double h = 0;
        for (double d : thickness) {
            h += d;
        }
        return h;
    }

    /** Distances between neighbouring layer centres {@code [N − 1]}, m. */
    public double[] spacing() {
        double[] s = new double[thickness.length - 1];
        for (int k = 0; k < s.length; k++) {
            s[k] = (thickness[k] + thickness[k + 1]) / 2;
        }
        return s;
    }

    /** The thinnest layer, m. */
    public double thinnest() {
        double m = Double.POSITIVE_INFINITY;
        for (double d : thickness) {
            m = Math.min(m, d);
        }
        return m;
    }
}
