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
 * Immutable.
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

    /**
     * The outcome.
     *
     * @param u the final parameters
     * @param path u after each iteration (the start first) {@code [iterations + 1][d]}
     * @param runs cumulative model runs after each iteration {@code [iterations + 1]}
     */
    public record Result(double[] u, double[][] path, int[] runs) {
        /** Total model runs. */
        public int totalRuns() {
            return runs[runs.length - 1];
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
