package org.climagrad.enso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The latent forecast model: least squares recovers a known linear stochastic model. */
class LatentDynamicsTest {
    private static final double[][] A = {{0.9 * Math.cos(0.2), 0.9 * Math.sin(0.2)}, {-0.9 * Math.sin(0.2), 0.9 * Math.cos(0.2)}};
    private static final double[] B = {0.3, -0.1};
    private static final double[][] L = {{0.5, 0}, {0.2, 0.3}};

    @Test
    void leastSquaresRecoversTheGeneratingModel() {
        LatentDynamics truth = new LatentDynamics(A, B, L);
        Random rng = new Random(3);
        double[][] z = new double[40_000][];
        double[][] state = {{0, 0}};
        for (int t = 0; t < z.length; t++) {
            state = truth.step(state, rng);
            z[t] = state[0];
        }
        LatentDynamics fit = LatentDynamics.fit(z);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(A[i], fit.a(i), 0.01, "row " + i + " of A");
        }
        assertArrayEquals(B, fit.b(), 0.02);
        double[][] q = truth.covariance();
        double[][] qf = fit.covariance();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(q[i][j], qf[i][j], 0.03 * q[0][0], "Q[" + i + "][" + j + "]");
            }
        }
        assertEquals(0.9, fit.spectralRadius(), 0.01);
    }

    @Test
    void theMeanIsTheAffineMapAndTheStepAddsCorrelatedNoise() {
        LatentDynamics m = new LatentDynamics(A, B, L);
        double[] z = {1, 2};
        double[] expected = {A[0][0] + 2 * A[0][1] + B[0], A[1][0] + 2 * A[1][1] + B[1]};
        assertArrayEquals(expected, m.mean(z), 1e-12);
        Random rng = new Random(1);
        double[][] ens = new double[20_000][];
        for (int n = 0; n < ens.length; n++) {
            ens[n] = z.clone();
        }
        double[][] next = m.step(ens, rng);
        double c01 = 0;
        double v0 = 0;
        for (double[] x : next) {
            v0 += (x[0] - expected[0]) * (x[0] - expected[0]) / ens.length;
            c01 += (x[0] - expected[0]) * (x[1] - expected[1]) / ens.length;
        }
        assertEquals(0.25, v0, 0.01);
        assertEquals(0.1, c01, 0.01);
    }

    @Test
    void tooShortOrBadSeriesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> LatentDynamics.fit(new double[6][3]));
        assertTrue(e.getMessage().contains("months"), e.getMessage());
        double[][] nan = new double[50][2];
        nan[3][1] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> LatentDynamics.fit(nan));
        assertThrows(IllegalArgumentException.class, () -> new LatentDynamics(A, new double[3], L));
        assertThrows(IllegalArgumentException.class, () -> new LatentDynamics(A, B, L).mean(new double[3]));
    }
}
