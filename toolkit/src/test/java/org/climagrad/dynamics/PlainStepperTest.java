package org.climagrad.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The plain-Java stepper: the classical RK4 to the last bit, and each tableau's order. */
class PlainStepperTest {
    private static final PlainStepper.Tendency OSCILLATOR = x -> new double[] {x[1], -x[0]};

    @Test
    void rk4IsTheClassicalHandWrittenFormToTheLastBit() {
        double dt = 0.01;
        PlainStepper s = PlainStepper.rk4(dt);
        PlainStepper.Tendency f = x -> new double[] {10 * (x[1] - x[0]), x[0] * (28 - x[2]) - x[1],
            x[0] * x[1] - 8.0 / 3 * x[2]};
        double[] a = {1, 1, 1};
        double[] b = {1, 1, 1};
        for (int n = 0; n < 3000; n++) {
            a = s.step(f, a);
            double[] k1 = f.apply(b);
            double[] k2 = f.apply(axpy(b, dt / 2, k1));
            double[] k3 = f.apply(axpy(b, dt / 2, k2));
            double[] k4 = f.apply(axpy(b, dt, k3));
            double[] next = new double[3];
            for (int i = 0; i < 3; i++) {
                next[i] = b[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
            b = next;
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(b[i], a[i], 0.0, "component " + i + " after 3,000 chaotic steps");
        }
    }

    @Test
    void everyTableauConvergesAtItsOrder() {
        for (ButcherTableau t : new ButcherTableau[] {ButcherTableau.EULER, ButcherTableau.HEUN, ButcherTableau.RK4}) {
            double e1 = error(t, 0.02);
            double e2 = error(t, 0.01);
            double slope = Math.log(e1 / e2) / Math.log(2);
            assertEquals(t.order(), slope, 0.15, t + ": slope " + slope);
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PlainStepper.rk4(0));
        assertThrows(IllegalArgumentException.class, () -> new PlainStepper(null, 1));
    }

    private static double error(ButcherTableau t, double dt) {
        PlainStepper s = new PlainStepper(t, dt);
        double[] x = {1, 0};
        int n = (int) Math.round(1 / dt);
        for (int i = 0; i < n; i++) {
            x = s.step(OSCILLATOR, x);
        }
        return Math.hypot(x[0] - Math.cos(1), x[1] + Math.sin(1));
    }

    private static double[] axpy(double[] x, double a, double[] y) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + a * y[i];
        }
        return out;
    }
}
