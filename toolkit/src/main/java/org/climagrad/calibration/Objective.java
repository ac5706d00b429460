package org.climagrad.calibration;

/**
 * A scalar misfit J(u) of calibration parameters u, each evaluation one model run. The model may
 * be a black box ({@link #value} only) or differentiable ({@link #valueAndGradient} by autodiff).
 */
public interface Objective {
    /** Number of parameters. */
    int dimension();

    /** J(u), one model run. */
    double value(double[] u);

    /** Whether {@link #valueAndGradient} is available (the model has autodiff). */
    default boolean differentiable() {
        return false;
    }

    /**
     * J(u) and ∂J/∂u by autodiff (one forward and one backward run).
     *
     * @throws UnsupportedOperationException when the model has no autodiff
     */
    default Estimate valueAndGradient(double[] u) {
        throw new UnsupportedOperationException("this objective's model has no autodiff: use a gradient-free estimator");
    }
}
