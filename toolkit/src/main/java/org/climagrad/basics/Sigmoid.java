package org.climagrad.basics;

/** The logistic function σ(z) = 1 / (1 + e^−z) and its derivative σ' = σ(1 − σ), overflow-safe. */
public final class Sigmoid {
    private Sigmoid() {}

    /** σ(z) for any finite or infinite z. */
    public static double value(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** σ'(z) = σ(z)(1 − σ(z)). */
    public static double derivative(double z) {
        double s = value(z);
        return s * (1 - s);
    }
}
