package org.climagrad.dynamics;

import java.util.Arrays;

/**
 * An explicit Runge-Kutta method given by its Butcher tableau: stages
 * k_i = f(x + dt Σ_{j<i} a_ij k_j), update x' = x + dt Σ_i b_i k_i. The method is only data;
 * {@link Stepper} is the one engine that runs any tableau.
 *
 * @param name display name
 * @param a strictly lower-triangular stage coefficients, {@code a[i]} has length i
 * @param b weights, one per stage, summing to 1
 * @param order the method's order of convergence
 */
public record ButcherTableau(String name, double[][] a, double[] b, int order) {
    /** Forward Euler, first order. */
    public static final ButcherTableau EULER = new ButcherTableau("Euler", new double[][] {{}}, new double[] {1}, 1);

    /** Heun's method, second order. */
    public static final ButcherTableau HEUN =
            new ButcherTableau("Heun", new double[][] {{}, {1}}, new double[] {0.5, 0.5}, 2);

    /** The classical fourth-order Runge-Kutta method. */
    public static final ButcherTableau RK4 = new ButcherTableau("RK4",
            new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}}, new double[] {1 / 6.0, 1 / 3.0, 1 / 3.0, 1 / 6.0}, 4);

    /** Validates the tableau. */
    public ButcherTableau {
        if (b.length == 0 || a.length != b.length) {
            throw new IllegalArgumentException("tableau " + name + ": a has " + a.length + " rows and b has "
                    + b.length + " entries; both must equal the number of stages (>= 1)");
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != i) {
                throw new IllegalArgumentException("tableau " + name + ": a[" + i + "] has length " + a[i].length
                        + "; an explicit method needs length " + i);
            }
        }
        double sum = Arrays.stream(b).sum();
        if (Math.abs(sum - 1) > 1e-12) {
            throw new IllegalArgumentException("tableau " + name + ": weights b sum to " + sum + "; must sum to 1");
        }
        if (order < 1) {
            throw new IllegalArgumentException("tableau " + name + ": order = " + order + ": must be >= 1");
        }
        a = Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
        b = b.clone();
    }

    /** Number of stages. */
    public int stages() {
        return b.length;
    }

    @Override
    public double[][] a() {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] b() {
        return b.clone();
    }

    @Override
    public String toString() {
        return name;
    }
}
