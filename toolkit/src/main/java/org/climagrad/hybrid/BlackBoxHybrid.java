package org.climagrad.hybrid;

import org.climagrad.dynamics.PlainStepper;

/**
 * The hybrid model as a black box (Ouala et al. 2024): Lorenz-63 without xy plus a {@link
 * SubModel} g, in plain Java, stepped by classical RK4 ({@link PlainStepper}), no autodiff. The
 * forward pass of the Euler Gradient Approximation and the validation of every training.
 */
public final class BlackBoxHybrid {
    private static final Lorenz63 PHYSICS = Lorenz63.withoutXy();

    private BlackBoxHybrid() {}

    /**
     * One RK4 step of the physical model plus g.
     *
     * @param g the sub-model
     * @param x state {@code [3]}, not modified
     * @param dt time step (model time units) &gt; 0
     * @return the next state {@code [3]}
     */
    public static double[] step(SubModel g, double[] x, double dt) {
        return PlainStepper.rk4(dt).step(tendency(g), x);
    }

    /** The hybrid tendency f(x) + g(x) in plain Java. */
    static PlainStepper.Tendency tendency(SubModel g) {
        return x -> {
            double[] d = PHYSICS.tendency(x);
            double[] c = g.apply(x);
            for (int i = 0; i < 3; i++) {
                d[i] += c[i];
            }
            return d;
        };
    }

    /**
     * Mean squared error of black-box hybrid rollouts of {@code window} steps started from every
     * {@code window}-th true validation state (non-overlapping windows).
     *
     * @param window rollout steps ≥ 1
     * @param dt time step &gt; 0
     */
    public static double validationLoss(SubModel g, TrainingData data, int window, double dt) {
        return loss(g, data.validationView(), window, dt);
    }

    /** {@link #validationLoss} over any true trajectory {@code [steps][3]} (not modified). */
    public static double loss(SubModel g, double[][] trajectory, int window, double dt) {
        PlainStepper rk4 = PlainStepper.rk4(dt);
        PlainStepper.Tendency f = tendency(g);
        double s = 0;
        int n = 0;
        for (int start = 0; start + window < trajectory.length; start += window) {
            double[] x = trajectory[start];
            for (int k = 1; k <= window; k++) {
                x = rk4.step(f, x);
                for (int i = 0; i < 3; i++) {
                    double d = x[i] - trajectory[start + k][i];
                    s += d * d;
                    n++;
                }
            }
        }
        return s / n;
    }
}
