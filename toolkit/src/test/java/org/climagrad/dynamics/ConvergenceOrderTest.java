package org.climagrad.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Convergence order from a log-log fit of the error at a fixed time against dt. */
class ConvergenceOrderTest {
    private static double[][] start() {
        Rollout r = Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0.01).build();
        Random rng = new Random(11);
        double[][] x = new double[1][40];
        for (int i = 0; i < 40; i++) {
            x[0][i] = 8 + rng.nextGaussian();
        }
        return r.advance(x, new double[] {8}, 300);
    }

    private static double order(ButcherTableau scheme, double[] dts, double tEnd) {
        double[][] x0 = start();
        Rollout fine = Rollout.builder().setDynamics(Lorenz96.standard()).setDt(dts[dts.length - 1] / 8)
                .optScheme(ButcherTableau.RK4).build();
        double[] ref = fine.advance(x0, new double[] {8}, (int) Math.round(tEnd / fine.dt()))[0];
        double[] logDt = new double[dts.length];
        double[] logErr = new double[dts.length];
        for (int i = 0; i < dts.length; i++) {
            Rollout r = Rollout.builder().setDynamics(Lorenz96.standard()).setDt(dts[i]).optScheme(scheme).build();
            double[] x = r.advance(x0, new double[] {8}, (int) Math.round(tEnd / dts[i]))[0];
            double err = 0;
            for (int k = 0; k < 40; k++) {
                err = Math.max(err, Math.abs(x[k] - ref[k]));
            }
            logDt[i] = Math.log(dts[i]);
            logErr[i] = Math.log(err);
        }
        return slope(logDt, logErr);
    }

    private static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    @Test
    void rk4IsFourthOrder() {
        double p = order(ButcherTableau.RK4, new double[] {0.04, 0.02, 0.01, 0.005}, 0.4);
        assertEquals(4.0, p, 0.25, "RK4 log-log slope");
    }

    @Test
    void eulerIsFirstOrder() {
        double p = order(ButcherTableau.EULER, new double[] {0.004, 0.002, 0.001, 0.0005}, 0.4);
        assertEquals(1.0, p, 0.1, "Euler log-log slope");
    }

    @Test
    void heunIsSecondOrder() {
        double p = order(ButcherTableau.HEUN, new double[] {0.02, 0.01, 0.005, 0.0025}, 0.4);
        assertEquals(2.0, p, 0.15, "Heun log-log slope");
    }
}
