package org.climagrad.basics;

import java.util.function.DoubleUnaryOperator;
import org.climagrad.core.Check;

/**
 * The constructive proof of universal approximation in 1-D (Lai 2024; Nielsen, "Neural Networks
 * and Deep Learning", ch. 4): two shifted steep sigmoids make a bump,
 * bump(x) = σ(s(x − e_i)) − σ(s(x − e_{i+1})), and a sum of n bumps with heights f(midpoint) is a
 * one-hidden-layer network of 2n sigmoid units that approximates any continuous f on [lo, hi].
 * Immutable.
 *
 * @param edges n + 1 increasing bump edges
 * @param heights n bump heights (output weights)
 * @param steepness s &gt; 0, the hidden-layer weight (larger: sharper steps)
 */
public record BumpNetwork(double[] edges, double[] heights, double steepness) {
    /** Validates and copies. */
    public BumpNetwork {
        if (edges.length != heights.length + 1 || heights.length == 0) {
            throw new IllegalArgumentException("edges: need heights.length + 1 = " + (heights.length + 1)
                    + " edges and ≥ 1 height, got " + edges.length + " and " + heights.length);
        }
        Check.positive("steepness", steepness);
        edges = edges.clone();
        heights = heights.clone();
    }

    /**
     * n equal bumps on [lo, hi] with heights f at the bump midpoints and steepness
     * {@code sharpness · n / (hi − lo)} (so each step is {@code sharpness} times narrower than a bump);
     * the two outer edges lie ten step widths outside [lo, hi].
     *
     * @param bumps n ≥ 1
     * @param sharpness ≥ 1 (e.g. 50)
     */
    public static BumpNetwork fit(DoubleUnaryOperator f, double lo, double hi, int bumps, double sharpness) {
        Check.atLeast("bumps", bumps, 1);
        if (!(hi > lo)) {
            throw new IllegalArgumentException("interval: need lo < hi, got [" + lo + ", " + hi + "]");
        }
        Check.positive("sharpness", sharpness);
        double width = (hi - lo) / bumps;
        double[] e = new double[bumps + 1];
        double[] h = new double[bumps];
        for (int i = 0; i <= bumps; i++) {
            e[i] = lo + i * width;
        }
        // Move the outer edges ten step widths outwards, so that f(lo) and f(hi) are reached
        // (a step centred on lo would give only half the height there).
        e[0] -= 10 * width / sharpness;
        e[bumps] += 10 * width / sharpness;
        for (int i = 0; i < bumps; i++) {
            h[i] = f.applyAsDouble(lo + (i + 0.5) * width);
        }
        return new BumpNetwork(e, h, sharpness / width);
    }

    /** Hidden units: two sigmoids per bump. */
    public int hiddenUnits() {
        return 2 * heights.length;
    }

    /** The network's output Σ_i h_i [σ(s(x − e_i)) − σ(s(x − e_{i+1}))]. */
    public double value(double x) {
        double y = 0;
        for (int i = 0; i < heights.length; i++) {
            y += heights[i] * (Sigmoid.value(steepness * (x - edges[i])) - Sigmoid.value(steepness * (x - edges[i + 1])));
        }
        return y;
    }

    /** Maximum and RMS error against f on {@code points} equally spaced points of [lo, hi]. */
    public double[] errors(DoubleUnaryOperator f, double lo, double hi, int points) {
        Check.atLeast("points", points, 2);
        double max = 0;
        double sq = 0;
        for (int k = 0; k < points; k++) {
            double x = lo + (hi - lo) * k / (points - 1);
            double d = value(x) - f.applyAsDouble(x);
            max = Math.max(max, Math.abs(d));
            sq += d * d;
        }
        return new double[] {max, Math.sqrt(sq / points)};
    }

    /** edges, a copy. */
    @Override
    public double[] edges() {
        return edges.clone();
    }

    /** Element {@code i} of edges (no copy). */
    public double edges(int i) {
        return edges[i];
    }

    /** heights, a copy. */
    @Override
    public double[] heights() {
        return heights.clone();
    }

    /** Element {@code i} of heights (no copy). */
    public double heights(int i) {
        return heights[i];
    }
}
