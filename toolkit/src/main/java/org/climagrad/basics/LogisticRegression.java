package org.climagrad.basics;

import java.util.SplittableRandom;
import org.climagrad.core.Check;

/**
 * Logistic regression as one sigmoid neuron, p(x) = σ(w·x + b), trained by gradient descent on the
 * mean cross-entropy, whose gradient is (1/N) Σ (p_i − y_i) (x_i, 1) (Lai 2024). Immutable result.
 *
 * @param weights w (one per input)
 * @param bias b
 * @param loss mean cross-entropy per iteration
 */
public record LogisticRegression(double[] weights, double bias, double[] loss) {
    /** Copies the arrays. */
    public LogisticRegression {
        weights = weights.clone();
        loss = loss.clone();
    }

    /** weights, a copy. */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Element {@code i} of weights (no copy). */
    public double weights(int i) {
        return weights[i];
    }

    /** loss, a copy. */
    @Override
    public double[] loss() {
        return loss.clone();
    }

    /** Element {@code i} of loss (no copy). */
    public double loss(int i) {
        return loss[i];
    }

    /**
     * Fits by {@code steps} full-batch gradient steps from zero.
     *
     * @param x inputs {@code [N][D]}
     * @param labels 0 or 1, N
     * @param learningRate &gt; 0
     * @param steps ≥ 1
     */
    public static LogisticRegression fit(double[][] x, int[] labels, double learningRate, int steps) {
        if (x.length == 0 || x.length != labels.length) {
            throw new IllegalArgumentException("x, labels: need equal non-zero lengths, got " + x.length + " and "
                    + labels.length);
        }
        Check.positive("learningRate", learningRate);
        Check.atLeast("steps", steps, 1);
        int d = x[0].length;
        double[] w = new double[d];
        double b = 0;
        double[] loss = new double[steps];
        for (int k = 0; k < steps; k++) {
            double[] gw = new double[d];
            double gb = 0;
            double l = 0;
            for (int i = 0; i < x.length; i++) {
                if (labels[i] != 0 && labels[i] != 1) {
                    throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + ": must be 0 or 1");
                }
                double z = b;
                for (int a = 0; a < d; a++) {
                    z += w[a] * x[i][a];
                }
                double p = Sigmoid.value(z);
                // −log σ(z) = log(1 + e^−z), written to stay finite for large |z|.
                l += labels[i] == 1 ? softplus(-z) : softplus(z);
                for (int a = 0; a < d; a++) {
                    gw[a] += (p - labels[i]) * x[i][a];
                }
                gb += p - labels[i];
            }
            loss[k] = l / x.length;
            for (int a = 0; a < d; a++) {
                w[a] -= learningRate * gw[a] / x.length;
            }
            b -= learningRate * gb / x.length;
        }
        return new LogisticRegression(w, b, loss);
    }

    private static double softplus(double z) {
        return z > 30 ? z : Math.log1p(Math.exp(z));
    }

    /** p(x) = σ(w·x + b). */
    public double probability(double[] x) {
        double z = bias;
        for (int a = 0; a < weights.length; a++) {
            z += weights[a] * x[a];
        }
        return Sigmoid.value(z);
    }

    /** Fraction of points whose label is p ≥ 0.5. */
    public double accuracy(double[][] x, int[] labels) {
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            right += (probability(x[i]) >= 0.5 ? 1 : 0) == labels[i] ? 1 : 0;
        }
        return (double) right / x.length;
    }

    /**
     * Two Gaussian clouds in 2-D (N/2 each, unit spread, centres (−1, −1) and (+1, +1)): labels 0, 1.
     *
     * @return x {@code [N][2]}; labels from {@link #cloudLabels(int)}
     */
    public static double[][] clouds(int n, long seed) {
        Check.atLeast("n", n, 2);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            double c = i < n / 2 ? -1 : 1;
            for (int a = 0; a < 2; a++) {
                double g = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
                x[i][a] = c + g;
            }
        }
        return x;
    }

    /** The labels of {@link #clouds}: 0 for the first half, 1 for the rest. */
    public static int[] cloudLabels(int n) {
        int[] y = new int[n];
        for (int i = n / 2; i < n; i++) {
            y[i] = 1;
        }
        return y;
    }
}
