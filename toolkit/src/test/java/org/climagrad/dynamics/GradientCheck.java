package org.climagrad.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.function.Function;

/**
 * Autograd against central finite differences, with a forced garbage collection between the
 * forward pass and {@code backward()} (the DJL pitfall of DEVELOPERS.md).
 */
public final class GradientCheck {
    private GradientCheck() {}

    /**
     * Compares d loss / d input from autograd with central differences on the given components.
     *
     * @param loss scalar loss of the two inputs (x, θ); must build all constants itself
     * @param x first input (float64)
     * @param theta second input (float64)
     * @param h finite-difference step
     * @param relTol relative tolerance on each checked component
     */
    public static void check(NDManager manager, Function<NDArray[], NDArray> loss, double[] x, long[] xShape,
            double[] theta, double h, double relTol) {
        double[] gx;
        double[] gt;
        try (NDManager m = manager.newSubManager()) {
            NDArray xa = m.create(x, new ai.djl.ndarray.types.Shape(xShape));
            NDArray ta = m.create(theta);
            xa.setRequiresGradient(true);
            ta.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = loss.apply(new NDArray[] {xa, ta});
                forceGc();
                gc.backward(l);
            }
            gx = xa.getGradient().toDoubleArray();
            gt = ta.getGradient().toDoubleArray();
        }
        for (int i = 0; i < x.length; i += Math.max(1, x.length / 7)) {
            double fd = (eval(manager, loss, perturb(x, i, h), xShape, theta)
                    - eval(manager, loss, perturb(x, i, -h), xShape, theta)) / (2 * h);
            assertEquals(fd, gx[i], relTol * Math.max(1, Math.abs(fd)), "d loss / d x[" + i + "]");
        }
        for (int i = 0; i < theta.length; i++) {
            double fd = (eval(manager, loss, x, xShape, perturb(theta, i, h))
                    - eval(manager, loss, x, xShape, perturb(theta, i, -h))) / (2 * h);
            assertEquals(fd, gt[i], relTol * Math.max(1, Math.abs(fd)), "d loss / d theta[" + i + "]");
        }
    }

    public static void forceGc() {
        for (int i = 0; i < 3; i++) {
            byte[][] garbage = new byte[64][];
            for (int j = 0; j < garbage.length; j++) {
                garbage[j] = new byte[1 << 16];
            }
            System.gc();
            System.runFinalization();
        }
    }

    private static double eval(NDManager manager, Function<NDArray[], NDArray> loss, double[] x, long[] xShape,
            double[] theta) {
        try (NDManager m = manager.newSubManager()) {
            NDArray l = loss.apply(new NDArray[] {m.create(x, new ai.djl.ndarray.types.Shape(xShape)), m.create(theta)});
            return l.toType(DataType.FLOAT64, false).getDouble();
        }
    }

    private static double[] perturb(double[] v, int i, double h) {
        double[] p = v.clone();
        p[i] += h;
        return p;
    }
}
