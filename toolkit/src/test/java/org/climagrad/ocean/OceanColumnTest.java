package org.climagrad.ocean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.climagrad.dynamics.Rollout;
import org.junit.jupiter.api.Test;

/**
 * The ocean column benchmark: its tensor and black-box forms agree, it conserves heat and salt
 * without surface exchange, and autodiff gradients match central differences of the black box.
 */
class OceanColumnTest {
    private static final ColumnBlackBox BOX = ColumnBlackBox.standard();
    private static final OceanColumn MODEL = BOX.model();
    private static final double[] THETA = ColumnParameter.references();

    /** A stratified, partly unstable start so that the convective switch matters. */
    private static double[] start() {
        return MODEL.stratifiedStart();
    }

    @Test
    void tensorAndBlackBoxFormsAgree() {
        double[] x0 = start();
        double[] theta2 = {1e-4, 4e-3, 0.5};
        try (NDManager m = NDManager.newBaseManager()) {
            Rollout r = Rollout.builder().setDynamics(MODEL).setDt(1).build();
            NDArray x = m.create(new double[][] {x0, x0});
            NDArray th = m.create(new double[][] {THETA, theta2});
            double[][] out = org.climagrad.core.Tensors.toMatrix(r.last(x, th, 45));
            double[] a = BOX.run(x0, THETA, 45);
            double[] b = BOX.run(x0, theta2, 45);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], out[0][i], 1e-11, "member 0, variable " + i);
                assertEquals(b[i], out[1][i], 1e-11, "member 1, variable " + i);
            }
        }
    }

    @Test
    void withoutSurfaceExchangeHeatAndSaltAreConserved() {
        double[] x0 = start();
        double[] closed = {THETA[0], THETA[1], 0};
        double[] x = BOX.run(x0, closed, 720);
        double[] h = MODEL.grid().thickness();
        int n = MODEL.levels();
        double heat0 = 0;
        double heat = 0;
        double salt0 = 0;
        double salt = 0;
        for (int k = 0; k < n; k++) {
            heat0 += h[k] * x0[k];
            heat += h[k] * x[k];
            salt0 += h[k] * x0[n + k];
            salt += h[k] * x[n + k];
        }
        assertEquals(heat0, heat, 1e-9 * Math.abs(heat0));
        assertEquals(salt0, salt, 1e-12 * salt0);
        // ... and the convective instability at layer 2 is mixed away.
        assertTrue(x[2] > x0[2] + 1, "layer 2 warmed by mixing: " + x[2]);
    }

    @Test
    void autodiffMatchesCentralDifferencesOnShortRollouts() {
        int days = 20;
        double[] x0 = start();
        int n = MODEL.levels();
        double[] grad;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray th = m.create(THETA);
            th.setRequiresGradient(true);
            Rollout r = Rollout.builder().setDynamics(MODEL).setDt(1).build();
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray last = r.last(m.create(x0, new Shape(1, x0.length)), th, days);
                NDArray loss = last.get(":, 0:" + n).square().sum();
                for (int k = 0; k < 20; k++) {
                    byte[][] garbage = new byte[64][1 << 16];
                    garbage[0][0] = 1;
                }
                System.gc();
                gc.backward(loss);
            }
            grad = th.getGradient().toDoubleArray();
        }
        for (int p = 0; p < 3; p++) {
            double h = 1e-5 * THETA[p];
            double[] up = THETA.clone();
            double[] down = THETA.clone();
            up[p] += h;
            down[p] -= h;
            double fd = (loss(BOX.run(x0, up, days), n) - loss(BOX.run(x0, down, days), n)) / (2 * h);
            double rel = Math.abs(fd - grad[p]) / Math.abs(fd);
            assertTrue(rel <= 1e-6, ColumnParameter.values()[p] + ": autodiff " + grad[p] + ", central " + fd
                    + ", relative error " + rel);
        }
    }

    private static double loss(double[] x, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += x[k] * x[k];
        }
        return s;
    }

    @Test
    void theComparisonEntryPointAgreesOverAYear() {
        double[] a = ColumnGradients.autodiff(MODEL, start(), THETA, 360);
        double[] c = ColumnGradients.central(BOX, start(), THETA, 360);
        for (int p = 0; p < 3; p++) {
            assertEquals(c[p], a[p], 1e-6 * Math.abs(c[p]), ColumnParameter.values()[p].name());
        }
    }

    @Test
    void unstableOrUnphysicalParametersAreRejectedByName() {
        var kappa = assertThrows(IllegalArgumentException.class,
                () -> BOX.run(start(), new double[] {5e-5, 0.05, 1}, 1));
        assertTrue(kappa.getMessage().contains("KAPPA_CONVECTIVE") && kappa.getMessage().contains("<="),
                kappa.getMessage());
        var neg = assertThrows(IllegalArgumentException.class, () -> BOX.run(start(), new double[] {-1e-5, 0, 1}, 1));
        assertTrue(neg.getMessage().contains("KAPPA_BACKGROUND"), neg.getMessage());
        var piston = assertThrows(IllegalArgumentException.class, () -> BOX.run(start(), new double[] {5e-5, 0, 500}, 1));
        assertTrue(piston.getMessage().contains("PISTON_VELOCITY"), piston.getMessage());
        var dt = assertThrows(IllegalArgumentException.class, () -> new ColumnBlackBox(MODEL, 7));
        assertTrue(dt.getMessage().contains("dtDays"), dt.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ColumnGrid(new double[] {10}));
        assertThrows(IllegalArgumentException.class, () -> BOX.annualMap(new double[3], THETA));
    }
}
