package org.climagrad.hybrid;

/**
 * A finished {@link OnlineLearning} training. Immutable: the array accessors return a copy; loops
 * use {@link #validations()}, {@link #iteration(int)} and {@link #validationLoss(int)}.
 *
 * @param mode the gradient used
 * @param model the trained sub-model
 * @param iterations iterations at which the validation loss was measured (0 first)
 * @param validationLoss validation MSE at those iterations (state units squared)
 * @param seconds wall time of the training
 */
public record OnlineResult(OnlineLearning.GradientMode mode, SubModel model, int[] iterations, double[] validationLoss,
        double seconds) {
    /** Copies the arrays; they must have equal lengths. */
    public OnlineResult {
        if (iterations.length != validationLoss.length) {
            throw new IllegalArgumentException("validationLoss: need " + iterations.length + " values, got "
                    + validationLoss.length);
        }
        iterations = iterations.clone();
        validationLoss = validationLoss.clone();
    }

    /** Number of validations. */
    public int validations() {
        return iterations.length;
    }

    /** The iteration of validation {@code i}. */
    public int iteration(int i) {
        return iterations[i];
    }

    /** The validation loss of validation {@code i}. */
    public double validationLoss(int i) {
        return validationLoss[i];
    }

    /** The first validation loss (the untrained model's). */
    public double initialLoss() {
        return validationLoss[0];
    }

    /** The last validation loss. */
    public double finalLoss() {
        return validationLoss[validationLoss.length - 1];
    }

    /** The smallest validation loss. */
    public double bestLoss() {
        double b = Double.POSITIVE_INFINITY;
        for (double v : validationLoss) {
            b = Math.min(b, v);
        }
        return b;
    }

    /** Iterations of the validations, a copy. */
    @Override
    public int[] iterations() {
        return iterations.clone();
    }

    /** Validation losses, a copy. */
    @Override
    public double[] validationLoss() {
        return validationLoss.clone();
    }
}
