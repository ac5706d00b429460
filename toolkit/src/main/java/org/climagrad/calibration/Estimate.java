package org.climagrad.calibration;

/**
 * A gradient estimate.
 *
 * @param value J at the point (NaN if the estimator did not evaluate it)
 * @param gradient estimated ∂J/∂u
 * @param runs model runs it cost (an autodiff backward pass counts as one run)
 */
public record Estimate(double value, double[] gradient, int runs) {
    /** Copies the gradient. */
    public Estimate {
        gradient = gradient.clone();
    }

    @Override
    public double[] gradient() {
        return gradient.clone();
    }
}
