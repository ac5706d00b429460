package org.climagrad.obs;

import java.util.Random;
import org.climagrad.core.Check;

/**
 * Where observations are taken: which variables are observed at each observation time. A typed
 * strategy; every implementation is immutable and validated on construction.
 */
public sealed interface Sampling {
    /**
     * The observed-variable mask for one observation time.
     *
     * @param nx state size
     * @param time index of the observation time
     * @param rng the experiment's seeded generator (drawn from only by random layouts)
     * @return {@code [nx]}, true where observed
     */
    boolean[] mask(int nx, int time, Random rng);

    /** Every variable observed at every time. */
    static Sampling all() {
        return new RandomMissing(0);
    }

    /**
     * CODA's layout: each variable is missing independently with probability {@code fraction},
     * the mask redrawn at every observation time.
     *
     * @param fraction missing fraction in [0, 1)
     */
    record RandomMissing(double fraction) implements Sampling {
        /** Validates the fraction. */
        public RandomMissing {
            Check.inHalfOpen("missing fraction", fraction, 0, 1);
        }

        @Override
        public boolean[] mask(int nx, int time, Random rng) {
            boolean[] m = new boolean[nx];
            for (int i = 0; i < nx; i++) {
                m[i] = rng.nextDouble() >= fraction;
            }
            return m;
        }
    }

    /**
     * An exact count: exactly round(fraction·nx) variables missing (at least one observed),
     * a uniformly random subset redrawn at every observation time (the reference CODA code's
     * observation model: 30 of 40 masked per step at 75 %, the top-k of uniform draws; DAPPER's
     * "k of n" networks). Unlike {@link RandomMissing}, the number observed never varies.
     *
     * @param fraction missing fraction in [0, 1)
     */
    record ExactMissing(double fraction) implements Sampling {
        /** Validates the fraction. */
        public ExactMissing {
            Check.inHalfOpen("missing fraction", fraction, 0, 1);
        }

        /** The number of observed variables out of nx. */
        public int observed(int nx) {
            return Math.max(1, nx - (int) Math.round(fraction * nx));
        }

        @Override
        public boolean[] mask(int nx, int time, Random rng) {
            int[] perm = new int[nx];
            for (int i = 0; i < nx; i++) {
                perm[i] = i;
            }
            int observed = observed(nx);
            boolean[] m = new boolean[nx];
            for (int i = 0; i < observed; i++) { // partial Fisher-Yates: a uniform random subset
                int j = i + rng.nextInt(nx - i);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
                m[perm[i]] = true;
            }
            return m;
        }
    }

    /**
     * Fixed, evenly spaced locations: variables offset, offset + spacing, ...
     *
     * @param spacing distance between observed variables, ≥ 1
     * @param offset first observed variable, in [0, spacing)
     */
    record EvenlySpaced(int spacing, int offset) implements Sampling {
        /** Validates the spacing and offset. */
        public EvenlySpaced {
            Check.atLeast("spacing", spacing, 1);
            Check.inRange("offset", offset, 0, spacing - 1);
        }

        @Override
        public boolean[] mask(int nx, int time, Random rng) {
            boolean[] m = new boolean[nx];
            for (int i = offset; i < nx; i += spacing) {
                m[i] = true;
            }
            return m;
        }
    }

    /**
     * Fixed random locations: a subset of round((1 − fraction)·nx) variables (at least one) drawn
     * once from {@code seed}, the same at every time.
     *
     * @param fraction missing fraction in [0, 1)
     * @param seed seed of the location draw
     */
    record FixedRandom(double fraction, long seed) implements Sampling {
        /** Validates the fraction. */
        public FixedRandom {
            Check.inHalfOpen("missing fraction", fraction, 0, 1);
        }

        @Override
        public boolean[] mask(int nx, int time, Random rng) {
            int observed = Math.max(1, (int) Math.round((1 - fraction) * nx));
            int[] perm = new int[nx];
            for (int i = 0; i < nx; i++) {
                perm[i] = i;
            }
            Random r = new Random(seed);
            for (int i = nx - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            boolean[] m = new boolean[nx];
            for (int i = 0; i < observed; i++) {
                m[perm[i]] = true;
            }
            return m;
        }
    }
}
