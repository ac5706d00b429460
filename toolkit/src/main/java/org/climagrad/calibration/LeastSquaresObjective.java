package org.climagrad.calibration;

/**
 * An {@link Objective} of least-squares form, J(u) = (1 / 2M) Σ_j (G_j(u) − y_j)² / σ², whose
 * model predictions G(u) {@code [M]} are available: what ensemble Kalman inversion and the
 * surrogate gradient need.
 */
public interface LeastSquaresObjective extends Objective {
    /** The model's predictions of the observations G(u) {@code [M]}, one model run. */
    double[] predict(double[] u);

    /** The observations y {@code [M]}. */
    double[] observed();

    /** Observation-error standard deviation σ. */
    double sigma();

    @Override
    default double value(double[] u) {
        double[] g = predict(u);
        double[] y = observed();
        double s = 0;
        for (int j = 0; j < y.length; j++) {
            double r = (g[j] - y[j]) / sigma();
            s += r * r;
        }
        return s / (2 * y.length);
    }
}
