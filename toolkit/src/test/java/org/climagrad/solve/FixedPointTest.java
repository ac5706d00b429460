package org.climagrad.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Anderson acceleration and Newton-Krylov on maps with known fixed points. */
class FixedPointTest {
    /** x ↦ A x + b with a slow contraction (eigenvalues 0.5 .. 0.999) in 6-D. */
    private static UnaryOperator<double[]> slowLinear(double[] fixed) {
        int n = fixed.length;
        Random rng = new Random(2);
        double[][] q = new double[n][n];
        for (double[] row : q) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        // A = Q diag(λ) Q⁻¹ applied as Q (λ ∘ (Q⁻¹ (x − x*))) + x*.
        var qm = new org.apache.commons.math3.linear.Array2DRowRealMatrix(q);
        var qi = new org.apache.commons.math3.linear.LUDecomposition(qm).getSolver().getInverse();
        double[] lambda = {0.5, 0.8, 0.9, 0.99, 0.995, 0.999};
        return x -> {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = x[i] - fixed[i];
            }
            double[] z = qi.operate(d);
            for (int i = 0; i < n; i++) {
                z[i] *= lambda[i];
            }
            double[] y = qm.operate(z);
            for (int i = 0; i < n; i++) {
                y[i] += fixed[i];
            }
            return y;
        };
    }

    @Test
    void onALinearMapAndersonIsAsFastAsGmres() {
        double[] fixed = {1, -2, 3, 0.5, 4, -1};
        UnaryOperator<double[]> map = slowLinear(fixed);
        var plain = new AndersonAcceleration(0, 1e-8, 100_000).solve(map, new double[6]);
        var aa = new AndersonAcceleration(6, 1e-8, 1000).solve(map, new double[6]);
        assertTrue(plain.converged() && aa.converged());
        assertArrayEquals(fixed, aa.x(), 1e-5);
        // In exact arithmetic AA(m ≥ n) on a linear map terminates like GMRES, in about n + 1 steps.
        assertTrue(aa.evaluations() <= 20, "Anderson evaluations " + aa.evaluations());
        assertTrue(plain.evaluations() > 10_000, "plain evaluations " + plain.evaluations());
    }

    @Test
    void newtonKrylovSolvesANonlinearMap() {
        // Φ(x) = x − 0.1 (x³ + x − c): fixed point where x³ + x = c, componentwise.
        double[] c = {2, 10, -30};
        UnaryOperator<double[]> map = x -> {
            double[] y = new double[3];
            for (int i = 0; i < 3; i++) {
                y[i] = x[i] - 0.01 * (x[i] * x[i] * x[i] + x[i] - c[i]);
            }
            return y;
        };
        var r = NewtonKrylov.builder().setTolerance(1e-10).setMaxEvaluations(500).optKrylovTolerance(1e-6)
                .optMaxKrylov(3).build().solve(map, new double[3]);
        assertTrue(r.converged(), "evaluations " + r.evaluations());
        assertArrayEquals(new double[] {1, 2, -3}, r.x(), 1e-6);
        assertTrue(r.evaluations() < 200, "evaluations " + r.evaluations());
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new AndersonAcceleration(-1, 1e-6, 10));
        assertThrows(IllegalArgumentException.class, () -> new AndersonAcceleration(3, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> NewtonKrylov.builder().setTolerance(1e-6)
                .setMaxEvaluations(10).optKrylovTolerance(2).optMaxKrylov(5).build());
        var nan = assertThrows(IllegalStateException.class,
                () -> new AndersonAcceleration(1, 1e-6, 10).solve(x -> new double[] {Double.NaN}, new double[1]));
        assertTrue(nan.getMessage().contains("non-finite"), nan.getMessage());
    }
}
