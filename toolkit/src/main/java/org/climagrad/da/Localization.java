package org.climagrad.da;

import org.climagrad.core.Check;

/**
 * Distance-based tapering of ensemble covariances on the periodic 1-D domain of Lorenz-96
 * (variables 0..nx−1 on a circle, distance in grid points). A typed strategy.
 */
public sealed interface Localization {

    /** The taper coefficient ρ(d) ∈ [0, 1] at distance d ≥ 0 (grid points). */
    double taper(double distance);

    /** Periodic distance min(|i − j|, nx − |i − j|) between variables i and j of a ring of nx. */
    static double periodicDistance(int i, int j, int nx) {
        int d = Math.abs(i - j);
        return Math.min(d, nx - d);
    }

    /**
     * The Gaspari &amp; Cohn (1999, eq. 4.10) fifth-order piecewise-rational taper with half-width c:
     * ρ(0) = 1, compact support 2c, ρ(c) ≈ 0.208. DAPPER's {@code loc_rad} r corresponds to
     * c = 1.82 r (its radius is where ρ = exp(−1/2)).
     *
     * @param halfWidth c, grid points, > 0
     */
    record GaspariCohn(double halfWidth) implements Localization {
        /** Validates the half-width. */
        public GaspariCohn {
            Check.positive("localization halfWidth", halfWidth);
        }

        /** The taper with DAPPER's radius convention: c = 1.82 r. */
        public static GaspariCohn fromDapperRadius(double radius) {
            Check.positive("localization radius", radius);
            return new GaspariCohn(1.82 * radius);
        }

        @Override
        public double taper(double distance) {
            double r = Math.abs(distance) / halfWidth;
            if (r >= 2) {
                return 0;
            }
            double r2 = r * r;
            double r3 = r2 * r;
            if (r <= 1) {
                return 1 - 5.0 / 3 * r2 + 5.0 / 8 * r3 + r2 * r2 / 2 - r2 * r3 / 4;
            }
            return 4 - 5 * r + 5.0 / 3 * r2 + 5.0 / 8 * r3 - r2 * r2 / 2 + r2 * r3 / 12 - 2.0 / (3 * r);
        }
    }
}
