package org.climagrad.basics;

import org.climagrad.core.Check;

/**
 * Plain gradient descent θ ← θ − α ∇J(θ) on a {@link LinearCost} (Lai 2024): the path through the
 * (w, b) plane and the cost per iteration. The loop stops early (and says so) once the cost
 * exceeds 1e12, which is what a too-large learning rate does.
 */
public final class GradientDescent {
    private GradientDescent() {}

    /**
     * A descent path.
     *
     * @param learningRate α
     * @param w w after 0, 1, … iterations
     * @param b b after 0, 1, … iterations
     * @param cost J after 0, 1, … iterations
     * @param diverged whether the cost passed 1e12 (the path ends there)
     */
    public record Path(double learningRate, double[] w, double[] b, double[] cost, boolean diverged) {
        /** Copies the arrays. */
        public Path {
            w = w.clone();
            b = b.clone();
            cost = cost.clone();
        }

        /** w, a copy. */
        @Override
        public double[] w() {
            return w.clone();
        }

        /** Element {@code i} of w (no copy). */
        public double w(int i) {
            return w[i];
        }

        /** b, a copy. */
        @Override
        public double[] b() {
            return b.clone();
        }

        /** Element {@code i} of b (no copy). */
        public double b(int i) {
            return b[i];
        }

        /** cost, a copy. */
        @Override
        public double[] cost() {
            return cost.clone();
        }

        /** Element {@code i} of cost (no copy). */
        public double cost(int i) {
            return cost[i];
        }

        /** The last cost. */
        public double finalCost() {
            return cost[cost.length - 1];
        }
    }

    /**
     * Runs {@code steps} iterations from (w0, b0).
     *
     * @param learningRate α &gt; 0
     * @param steps ≥ 1
     */
    public static Path run(LinearCost j, double w0, double b0, double learningRate, int steps) {
        Check.positive("learningRate", learningRate);
        Check.atLeast("steps", steps, 1);
        double[] w = new double[steps + 1];
        double[] b = new double[steps + 1];
        double[] c = new double[steps + 1];
        w[0] = w0;
        b[0] = b0;
        c[0] = j.cost(w0, b0);
        int k = 0;
        boolean diverged = false;
        while (k < steps) {
            double[] g = j.gradient(w[k], b[k]);
            w[k + 1] = w[k] - learningRate * g[0];
            b[k + 1] = b[k] - learningRate * g[1];
            c[k + 1] = j.cost(w[k + 1], b[k + 1]);
            k++;
            if (!(c[k] < 1e12)) {
                diverged = true;
                break;
            }
        }
        return new Path(learningRate, java.util.Arrays.copyOf(w, k + 1), java.util.Arrays.copyOf(b, k + 1),
                java.util.Arrays.copyOf(c, k + 1), diverged);
    }
}
