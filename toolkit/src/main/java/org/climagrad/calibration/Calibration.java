package org.climagrad.calibration;

import java.util.ArrayList;
import java.util.List;
import org.climagrad.core.Check;
import org.climagrad.solve.Adam;

/**
 * Gradient-based calibration: Adam (Kingma &amp; Ba 2015) on u with the gradients of a {@link
 * GradientEstimator} and a learning rate decaying geometrically from {@code learningRate} to
 * {@code finalLearningRate} over the iterations. Adam's per-coordinate normalisation makes the
 * step insensitive to the scale of J, so one setting serves exact and noisy estimators.
 * Immutable; build with {@link #builder()} (the canonical constructor validates but is not the way
 * to make one).
 *
 * @param estimator how gradients are obtained
 * @param iterations steps ≥ 1
 * @param learningRate first step size in u &gt; 0
 * @param finalLearningRate last step size in u, in (0, learningRate]
 * @param seed seed of randomised estimators (iteration k uses seed + k)
 */
public record Calibration(GradientEstimator estimator, int iterations, double learningRate, double finalLearningRate,
        long seed) {
    /** Validates. */
    public Calibration {
        if (estimator == null) {
            throw new IllegalArgumentException("estimator: required");
        }
        Check.atLeast("iterations", iterations, 1);
        Check.positive("learningRate", learningRate);
        Check.inClosed("finalLearningRate", finalLearningRate, Double.MIN_VALUE, learningRate);
    }

    /** A builder: estimator and iterations required, the rest optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings (for variants, e.g. another estimator). */
    public Builder toBuilder() {
        return new Builder().setEstimator(estimator).setIterations(iterations).optLearningRate(learningRate)
                .optFinalLearningRate(finalLearningRate).optSeed(seed);
    }

    /** Builds a {@link Calibration}. */
    public static final class Builder {
        private GradientEstimator estimator;
        private Integer iterations;
        private double learningRate = 0.1;
        private double finalLearningRate = 0.002;
        private long seed;

        private Builder() {}

        /** How gradients are obtained (required). */
        public Builder setEstimator(GradientEstimator estimator) {
            this.estimator = estimator;
            return this;
        }

        /** Adam steps ≥ 1 (required). */
        public Builder setIterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /** First step size in u, &gt; 0 (default 0.1). */
        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Last step size in u, in (0, learningRate] (default 0.002). */
        public Builder optFinalLearningRate(double finalLearningRate) {
            this.finalLearningRate = finalLearningRate;
            return this;
        }

        /** Seed of randomised estimators; iteration k uses seed + k (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Validates (the message names the field and its range) and builds. */
        public Calibration build() {
            if (iterations == null) {
                throw new IllegalArgumentException("iterations: required (>= 1)");
            }
            return new Calibration(estimator, iterations, learningRate, finalLearningRate, seed);
        }
    }

    /**
     * The outcome of a calibration (also of {@link EnsembleKalmanInversion}). Immutable: the array
     * accessors return a copy; loops use {@link #steps()}, {@link #path(int, int)} and
     * {@link #runs(int)}.
     *
     * @param u the final parameters {@code [d]}
     * @param path u after each iteration (the start first) {@code [iterations + 1][d]}
     * @param runs cumulative model runs after each iteration {@code [iterations + 1]}
     */
    public record Result(double[] u, double[][] path, int[] runs) {
        /** Copies the arrays; path and runs must have equal lengths. */
        public Result {
            if (path.length != runs.length) {
                throw new IllegalArgumentException("runs: need " + path.length + " values, got " + runs.length);
            }
            u = u.clone();
            path = copy(path);
            runs = runs.clone();
        }

        /** Total model runs. */
        public int totalRuns() {
            return runs[runs.length - 1];
        }

        /** Number of points on the path (iterations + 1). */
        public int steps() {
            return runs.length;
        }

        /** Component {@code i} of u after iteration {@code k} (0: the start). */
        public double path(int k, int i) {
            return path[k][i];
        }

        /** u after iteration {@code k} {@code [d]}, a copy. */
        public double[] pathPoint(int k) {
            return path[k].clone();
        }

        /** Cumulative model runs after iteration {@code k}. */
        public int runs(int k) {
            return runs[k];
        }

        /** The final parameters, a copy. */
        @Override
        public double[] u() {
            return u.clone();
        }

        /** u after each iteration, a copy. */
        @Override
        public double[][] path() {
            return copy(path);
        }

        /** Cumulative model runs, a copy. */
        @Override
        public int[] runs() {
            return runs.clone();
        }

        private static double[][] copy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }
    }

    /** Runs from u0. */
    public Result run(Objective f, double[] u0) {
        Check.length("u0", u0, f.dimension());
        Check.allFinite("u0", u0);
        int d = u0.length;
        double[] u = u0.clone();
        Adam adam = new Adam(d);
        List<double[]> path = new ArrayList<>();
        int[] runs = new int[iterations + 1];
        path.add(u.clone());
        double decay = Math.pow(finalLearningRate / learningRate, 1.0 / Math.max(1, iterations - 1));
        double lr = learningRate;
        for (int k = 1; k <= iterations; k++) {
            Estimate e = estimator.estimate(f, u, seed + k);
            double[] g = e.gradient();
            for (int i = 0; i < d; i++) {
                if (!Double.isFinite(g[i])) {
                    throw new IllegalStateException("calibration: non-finite gradient from " + estimator.label()
                            + " at iteration " + k);
                }
            }
            adam.step(u, g, lr);
            lr *= decay;
            runs[k] = runs[k - 1] + e.runs();
            path.add(u.clone());
        }
        return new Result(u, path.toArray(new double[0][]), runs);
    }
}
