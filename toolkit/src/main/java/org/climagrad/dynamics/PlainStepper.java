package org.climagrad.dynamics;

import org.climagrad.core.Check;

/**
 * The toolkit's one plain-Java time stepper: runs any explicit {@link ButcherTableau} over
 * {@code double[]} states, for black-box models without autodiff (the tensor engine is {@link
 * Stepper}). Stages k_i = f(x + dt Σ_{j<i} a_ij k_j) (zero coefficients skipped); the update is
 * x' = x + (dt / D) Σ_i n_i k_i where b_i = n_i / D with integers n_i and D (D ≤ 1000, found once;
 * RK4: D = 6, n = 1, 2, 2, 1), which is the classical hand-written form
 * x + dt/6 (k1 + 2 k2 + 2 k3 + k4) to the last bit; a tableau with irrational weights falls back
 * to x + Σ_i (dt b_i) k_i. Immutable and thread-safe.
 */
public final class PlainStepper {
    /** A tendency dx/dt = f(x) of one state, in plain Java. */
    @FunctionalInterface
    public interface Tendency {
        /**
         * dx/dt at x.
         *
         * @param x state {@code [nx]}, not modified
         * @return the tendency {@code [nx]} (model units per model time unit); a new array
         */
        double[] apply(double[] x);
    }

    private final ButcherTableau scheme;
    private final double dt;
    private final double[][] dtA;
    private final double[] weights;
    private final double dtOverDenominator;
    private final boolean rational;

    /**
     * @param scheme the time scheme
     * @param dt time step (model time units), &gt; 0
     */
    public PlainStepper(ButcherTableau scheme, double dt) {
        if (scheme == null) {
            throw new IllegalArgumentException("scheme: required");
        }
        this.scheme = scheme;
        this.dt = Check.positive("dt", dt);
        double[][] a = scheme.a();
        double[] b = scheme.b();
        dtA = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            dtA[i] = new double[i];
            for (int j = 0; j < i; j++) {
                dtA[i][j] = dt * a[i][j];
            }
        }
        int denominator = 0;
        for (int d = 1; d <= 1000 && denominator == 0; d++) {
            boolean ok = true;
            for (double bi : b) {
                ok &= Math.abs(bi * d - Math.rint(bi * d)) < 1e-12;
            }
            if (ok) {
                denominator = d;
            }
        }
        rational = denominator > 0;
        weights = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            weights[i] = rational ? Math.rint(b[i] * denominator) : dt * b[i];
        }
        dtOverDenominator = rational ? dt / denominator : 1;
    }

    /** The classical fourth-order Runge-Kutta method with step {@code dt}. */
    public static PlainStepper rk4(double dt) {
        return new PlainStepper(ButcherTableau.RK4, dt);
    }

    /** The time scheme. */
    public ButcherTableau scheme() {
        return scheme;
    }

    /** The time step (model time units). */
    public double dt() {
        return dt;
    }

    /**
     * One step x(t) → x(t + dt).
     *
     * @param f the tendency
     * @param x state {@code [nx]}, not modified
     * @return the new state {@code [nx]}, a new array
     */
    public double[] step(Tendency f, double[] x) {
        int s = weights.length;
        int n = x.length;
        double[][] k = new double[s][];
        for (int i = 0; i < s; i++) {
            double[] xi = x;
            for (int j = 0; j < i; j++) {
                if (dtA[i][j] != 0) {
                    double[] next = new double[n];
                    double c = dtA[i][j];
                    for (int q = 0; q < n; q++) {
                        next[q] = xi[q] + c * k[j][q];
                    }
                    xi = next;
                }
            }
            k[i] = f.apply(xi);
        }
        double[] out = new double[n];
        for (int q = 0; q < n; q++) {
            double sum = 0;
            boolean first = true;
            for (int i = 0; i < s; i++) {
                if (weights[i] != 0) {
                    double term = weights[i] == 1 ? k[i][q] : weights[i] * k[i][q];
                    sum = first ? term : sum + term;
                    first = false;
                }
            }
            out[q] = rational ? x[q] + dtOverDenominator * sum : x[q] + sum;
        }
        return out;
    }
}
