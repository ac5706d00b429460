package org.climagrad.coda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.climagrad.dynamics.GradientCheck;
import org.climagrad.dynamics.Lorenz96;
import org.climagrad.dynamics.Rollout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CODA eq. 6 against a plain-Java evaluation, its invariants, and autograd against finite differences. */
class CodaLossTest {
    static final int K = 8;
    static final int B = 3;
    static final int R = 4;
    static final Rollout ROLLOUT =
            Rollout.builder().setDynamics(Lorenz96.builder().optSize(K).build()).setDt(0.01).build();
    static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    static double[][] random(int rows, int cols, double scale, long seed) {
        Random rng = new Random(seed);
        double[][] a = new double[rows][cols];
        for (double[] r : a) {
            for (int k = 0; k < cols; k++) {
                r[k] = scale * rng.nextGaussian();
            }
        }
        return a;
    }

    static double[] flat(double[][] a) {
        return java.util.Arrays.stream(a).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    /** Plain-Java eq. 6 with the trajectory from Rollout.advance. */
    static double reference(double[][] xHat, double[][] shifted, double f, double[] y, double[] m, double alpha) {
        double sq = 0;
        double observed = 0;
        double model = 0;
        for (int b = 0; b < B; b++) {
            double[][] x = {xHat[b].clone()};
            for (int i = 0; i <= R; i++) {
                if (i > 0) {
                    x = ROLLOUT.advance(x, new double[] {f}, 1);
                }
                for (int k = 0; k < K; k++) {
                    int idx = (b * (R + 1) + i) * K + k;
                    sq += m[idx] * Math.pow(y[idx] - x[0][k], 2);
                    observed += m[idx];
                }
            }
            for (int k = 0; k < K; k++) {
                model += Math.pow(shifted[b][k] - x[0][k], 2) / (B * K);
            }
        }
        return sq / observed + alpha * model;
    }

    static double[] mask(long seed) {
        Random rng = new Random(seed);
        double[] m = new double[B * (R + 1) * K];
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextDouble() < 0.25 ? 1 : 0;
        }
        return m;
    }

    CodaLoss.Terms terms(CodaLoss loss, NDManager m, double[][] xHat, double[][] shifted, double f, double[] y,
            double[] mask) {
        Shape w = new Shape(B, R + 1, K);
        return loss.compute(m.create(xHat), m.create(shifted), m.create(new double[] {f}), m.create(y, w),
                m.create(mask, w));
    }

    @Test
    void matchesPlainJavaEquation6() {
        double[][] xHat = random(B, K, 3, 1);
        double[][] shifted = random(B, K, 3, 2);
        double[] y = flat(random(B * (R + 1), K, 3, 3));
        double[] m = mask(4);
        for (double alpha : new double[] {0, 0.5, 2}) {
            CodaLoss loss = CodaLoss.builder().setRollout(ROLLOUT).setRolloutSteps(R).optAlpha(alpha).build();
            try (NDManager sub = manager.newSubManager()) {
                CodaLoss.Terms t = terms(loss, sub, xHat, shifted, 8, y, m);
                assertEquals(reference(xHat, shifted, 8, y, m, alpha), t.total().getDouble(), 1e-10, "alpha " + alpha);
                assertEquals(t.data().getDouble() + alpha * t.model().getDouble(), t.total().getDouble(), 1e-12);
            }
        }
    }

    @Test
    void vanishesAtTheTruthAndIgnoresMissingValues() {
        double[][] x0 = ROLLOUT.advance(random(B, K, 1, 5), new double[] {8}, 500);
        double[][][] traj = ROLLOUT.simulate(x0, new double[] {8}, R, 1); // [B][R+1][K]
        double[] y = new double[B * (R + 1) * K];
        double[][] shifted = new double[B][];
        for (int b = 0; b < B; b++) {
            for (int i = 0; i <= R; i++) {
                System.arraycopy(traj[b][i], 0, y, (b * (R + 1) + i) * K, K);
            }
            shifted[b] = traj[b][R];
        }
        double[] m = mask(6);
        CodaLoss loss = CodaLoss.builder().setRollout(ROLLOUT).setRolloutSteps(R).build();
        try (NDManager sub = manager.newSubManager()) {
            assertEquals(0, terms(loss, sub, x0, shifted, 8, y, m).total().getDouble(), 1e-20);
            double[] garbage = y.clone();
            for (int i = 0; i < garbage.length; i++) {
                if (m[i] == 0) {
                    garbage[i] = 1e6;
                }
            }
            assertEquals(0, terms(loss, sub, x0, shifted, 8, garbage, m).total().getDouble(), 1e-20);
            assertTrue(terms(loss, sub, x0, shifted, 9, y, m).data().getDouble() > 0, "a wrong F shows in the data term");
        }
    }

    @Test
    void gradientsWithRespectToAnalysisAndForcingMatchFiniteDifferences() {
        double[][] shifted = random(B, K, 3, 7);
        double[] y = flat(random(B * (R + 1), K, 3, 8));
        double[] m = mask(9);
        CodaLoss loss = CodaLoss.builder().setRollout(ROLLOUT).setRolloutSteps(R).optAlpha(0.7).build();
        Shape w = new Shape(B, R + 1, K);
        GradientCheck.check(manager, in -> {
            NDManager mm = in[0].getManager();
            return loss.compute(in[0], mm.create(shifted), in[1], mm.create(y, w), mm.create(m, w)).total();
        }, flat(random(B, K, 3, 10)), new long[] {B, K}, new double[] {8}, 1e-5, 1e-6);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodaLoss.builder().setRollout(ROLLOUT).setRolloutSteps(0).build());
        assertTrue(e.getMessage().contains("rolloutSteps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CodaLoss.builder().setRollout(ROLLOUT).setRolloutSteps(2).optAlpha(-1).build());
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CodaLoss.builder().setRollout(ROLLOUT).setRolloutSteps(2).optAlpha(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> CodaLoss.builder().setRolloutSteps(2).build());
        CodaLoss loss = CodaLoss.builder().setRollout(ROLLOUT).setRolloutSteps(R).build();
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.zeros(new Shape(B, K), ai.djl.ndarray.types.DataType.FLOAT64);
            NDArray f = sub.create(new double[] {8});
            e = assertThrows(IllegalArgumentException.class, () -> loss.compute(x, x, f,
                    sub.zeros(new Shape(B, R, K)), sub.zeros(new Shape(B, R + 1, K))));
            assertTrue(e.getMessage().contains("observations"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> loss.compute(x,
                    sub.zeros(new Shape(B, K + 1)), f, sub.zeros(new Shape(B, R + 1, K)),
                    sub.zeros(new Shape(B, R + 1, K))));
            assertTrue(e.getMessage().contains("shiftedAnalysis"), e.getMessage());
        }
    }
}
