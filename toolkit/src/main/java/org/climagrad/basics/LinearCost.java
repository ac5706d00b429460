package org.climagrad.basics;

import java.util.SplittableRandom;
import org.climagrad.core.Check;

/**
 * The cost of the simplest network, one linear neuron ŷ = w x + b, on a data set (Lai 2024):
 * J(w, b) = (1/2N) Σ_i (w x_i + b − y_i)², with the analytic gradient
 * ∂J/∂w = (1/N) Σ (ŷ_i − y_i) x_i, ∂J/∂b = (1/N) Σ (ŷ_i − y_i) and the constant Hessian
 * H = [[⟨x²⟩, ⟨x⟩], [⟨x⟩, 1]]. Gradient descent converges iff the learning rate is below
 * 2/λ_max(H). Immutable.
 *
 * @param x inputs, N ≥ 2
 * @param y targets, N
 */
public record LinearCost(double[] x, double[] y) {
    /** Validates and copies. */
    public LinearCost {
        if (x.length < 2 || x.length != y.length) {
            throw new IllegalArgumentException("x, y: need equal lengths ≥ 2, got " + x.length + " and " + y.length);
        }
        x = x.clone();
        y = y.clone();
    }

    /** N points x ~ U(−1, 3), y = w x + b + noise·N(0, 1). */
    public static LinearCost synthetic(int n, double w, double b, double noise, long seed) {
        Check.atLeast("n", n, 2);
        Check.nonNegative("noise", noise);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 4 * rng.nextDouble();
            double g = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
            y[i] = w * x[i] + b + noise * g;
        }
        return new LinearCost(x, y);
    }

    /** J(w, b). */
    public double cost(double w, double b) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = w * x[i] + b - y[i];
            s += r * r;
        }
        return s / (2 * x.length);
    }

    /** (∂J/∂w, ∂J/∂b). */
    public double[] gradient(double w, double b) {
        double gw = 0;
        double gb = 0;
        for (int i = 0; i < x.length; i++) {
            double r = w * x[i] + b - y[i];
            gw += r * x[i];
            gb += r;
        }
        return new double[] {gw / x.length, gb / x.length};
    }

    /** The largest Hessian eigenvalue λ_max. */
    public double maxCurvature() {
        double m1 = 0;
        double m2 = 0;
        for (double v : x) {
            m1 += v;
            m2 += v * v;
        }
        m1 /= x.length;
        m2 /= x.length;
        double tr = m2 + 1;
        double det = m2 - m1 * m1;
        return tr / 2 + Math.sqrt(tr * tr / 4 - det);
    }

    /** 2/λ_max: gradient descent diverges above this learning rate. */
    public double criticalLearningRate() {
        return 2 / maxCurvature();
    }

    /** The least-squares minimiser (w*, b*). */
    public double[] minimum() {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double w = sxy / sxx;
        return new double[] {w, my - w * mx};
    }

    /** x, a copy. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** Element {@code i} of x (no copy). */
    public double x(int i) {
        return x[i];
    }

    /** y, a copy. */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** Element {@code i} of y (no copy). */
    public double y(int i) {
        return y[i];
    }
}
