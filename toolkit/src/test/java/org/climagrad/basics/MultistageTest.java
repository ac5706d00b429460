package org.climagrad.basics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.climagrad.calibration.Estimate;
import org.climagrad.calibration.LBfgs;
import org.climagrad.calibration.Objective;
import org.climagrad.core.Profile;
import org.climagrad.papers.Lai2024Spectral;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Lai (2024) part 5: L-BFGS, and multistage networks (Wang &amp; Lai 2024) in 1-D and 2-D. */
class MultistageTest {
    /** The Rosenbrock function in d dimensions, with its analytic gradient. */
    static Objective rosenbrock(int d) {
        return new Objective() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double value(double[] u) {
                return valueAndGradient(u).value();
            }

            @Override
            public boolean differentiable() {
                return true;
            }

            @Override
            public Estimate valueAndGradient(double[] u) {
                double f = 0;
                double[] g = new double[d];
                for (int i = 0; i < d - 1; i++) {
                    double a = u[i + 1] - u[i] * u[i];
                    double b = 1 - u[i];
                    f += 100 * a * a + b * b;
                    g[i] += -400 * u[i] * a - 2 * b;
                    g[i + 1] += 200 * a;
                }
                return new Estimate(f, g, 2);
            }
        };
    }

    @Test
    void lbfgsFindsTheRosenbrockMinimum() {
        LBfgs.Result r = new LBfgs(10, 500, 1e-10).run(rosenbrock(6), new double[] {-1.2, 1, -1.2, 1, -1.2, 1});
        for (double v : r.u()) {
            assertEquals(1, v, 1e-8);
        }
        assertTrue(r.value() < 1e-18, "J = " + r.value());
        for (int k = 1; k < r.values().length; k++) {
            assertTrue(r.values()[k] < r.values()[k - 1], "monotone at " + k);
        }
        assertThrows(IllegalArgumentException.class, () -> new LBfgs(0, 10, 0));
    }

    /**
     * The number: three stages beat one network of the same size and steps by ≥ 10^4 in RMS
     * error on the training points. Between them (midpoints) the gain is smaller (measured 1.0e-5 vs
     * 2.7e-8 after stage 1 and 2.2e-8 after stage 2, about 460×): stage 2 fits the points, not the
     * function between them. Asserted: at least 100× there.
     */
    @Test
    void threeStagesBeatOneNetworkByFourOrdersOfMagnitude() {
        Table t = Lai2024Spectral.multistage1d(Lai2024Spectral.multistageSettings(Profile.FAST, 3)).data();
        double[] rms = t.doubleColumn("RMS error").asDoubleArray();
        assertEquals(4, rms.length, t.print());
        assertTrue(rms[1] < rms[0] && rms[2] < rms[1], "stage errors decrease: " + t.print());
        assertTrue(rms[2] <= 1e-4 * rms[3], "three stages " + rms[2] + " vs one network " + rms[3]);
        double[] mid = t.doubleColumn("midpoint RMS error").asDoubleArray();
        assertTrue(mid[1] < 1e-2 * mid[3] && mid[2] < 1e-2 * mid[3], "between the points: " + t.print());
        double[] params = t.doubleColumn("parameters").asDoubleArray();
        assertTrue(params[3] >= params[2] && params[3] < 1.05 * params[2], "same size: " + t.print());
    }

    @Test
    void stagesLowerTheErrorOfTheMultiscaleField() {
        Lai2024Spectral.Field2d r = Lai2024Spectral.multistage2d(Lai2024Spectral.multistageSettings(Profile.FAST, 3), 24);
        double[] rms = r.stages().data().doubleColumn("RMS error").asDoubleArray();
        assertTrue(rms[1] < 0.5 * rms[0] && rms[2] < 0.5 * rms[1], r.stages().data().print());
        // Stage 1 takes its κ from the residual's dominant wavenumber, which is not the lowest one.
        assertTrue(r.stages().data().doubleColumn("dominant frequency").get(1) >= 2, r.stages().data().print());
        assertTrue(r.spectra().image().getWidth() > 0);
        assertThrows(IllegalArgumentException.class, () -> new MultistageNetwork.Grid(new int[] {4, 5}, 1));
    }
}
