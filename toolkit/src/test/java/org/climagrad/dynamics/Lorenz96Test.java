package org.climagrad.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.climagrad.core.Tensors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Lorenz96Test {
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static double[][] attractorStates(int batch, long seed) {
        Rollout r = Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0.01).build();
        Random rng = new Random(seed);
        double[][] x = new double[batch][40];
        for (double[] row : x) {
            for (int i = 0; i < 40; i++) {
                row[i] = 8 + rng.nextGaussian();
            }
        }
        return r.advance(x, new double[] {8}, 500);
    }

    @Test
    void tendencyMatchesTheEquationPointwise() {
        double[] x = attractorStates(1, 1)[0];
        NDArray dx = Lorenz96.standard().tendency(manager.create(x, new Shape(1, 40)), manager.create(new double[] {8}));
        double[] got = dx.toDoubleArray();
        for (int k = 0; k < 40; k++) {
            double expected = (x[(k + 1) % 40] - x[(k + 38) % 40]) * x[(k + 39) % 40] - x[k] + 8;
            assertEquals(expected, got[k], 1e-12, "dx[" + k + "]");
        }
    }

    @Test
    void rolloutGradientMatchesCentralDifferencesAfterForcedGc() {
        Rollout r = Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0.01).build();
        double[] x0 = attractorStates(2, 2)[0];
        double[] x = new double[80];
        System.arraycopy(x0, 0, x, 0, 40);
        System.arraycopy(attractorStates(1, 3)[0], 0, x, 40, 40);
        GradientCheck.check(manager, in -> {
            NDArray traj = r.run(in[0], in[1], 30);
            return traj.square().mean();
        }, x, new long[] {2, 40}, new double[] {8}, 1e-6, 1e-6);
    }

    @Test
    void eulerRolloutGradientAlsoMatches() {
        Rollout r = Rollout.builder().setDynamics(Lorenz96.builder().optSize(12).build()).setDt(0.005)
                .optScheme(ButcherTableau.EULER).build();
        Random rng = new Random(5);
        double[] x = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i] = 8 * rng.nextDouble();
        }
        GradientCheck.check(manager, in -> r.last(in[0], in[1], 50).sum(), x, new long[] {1, 12},
                new double[] {6.5}, 1e-6, 1e-6);
    }

    @Test
    void correctionIsAddedToTheTendency() {
        double[] x = attractorStates(1, 4)[0];
        Lorenz96 plain = Lorenz96.standard();
        Lorenz96 damped = plain.withCorrection(s -> Tensors.mul(s, -0.5));
        NDArray xs = manager.create(x, new Shape(1, 40));
        NDArray f = manager.create(new double[] {8});
        double[] a = plain.tendency(xs, f).toDoubleArray();
        double[] b = damped.tendency(xs, f).toDoubleArray();
        for (int k = 0; k < 40; k++) {
            assertEquals(a[k] - 0.5 * x[k], b[k], 1e-12);
        }
    }

    @Test
    void climatologyOfF8() {
        // Long-run statistics of the one-level model at F = 8 (K = 40): mean ≈ 2.3, std ≈ 3.6.
        Rollout r = Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0.01).build();
        double[][][] traj = r.simulate(attractorStates(8, 6), new double[] {8}, 4000, 5);
        double s = 0;
        double s2 = 0;
        long n = 0;
        for (double[][] member : traj) {
            for (double[] state : member) {
                for (double v : state) {
                    s += v;
                    s2 += v * v;
                    n++;
                }
            }
        }
        double mean = s / n;
        double std = Math.sqrt(s2 / n - mean * mean);
        assertEquals(2.3, mean, 0.15, "climatological mean");
        assertEquals(3.6, std, 0.15, "climatological std");
    }

    @Test
    void splitRolloutEqualsOneRollout() {
        Rollout r = Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0.01).build();
        double[][] x0 = attractorStates(3, 7);
        double[][] once = r.advance(x0, new double[] {8}, 300);
        double[][] twice = r.advance(r.advance(x0, new double[] {8}, 170), new double[] {8}, 130);
        for (int b = 0; b < 3; b++) {
            assertArrayEquals(once[b], twice[b], 1e-12);
        }
    }

    @Test
    void batchMembersAreIndependentAndParametersPerMemberWork() {
        Rollout r = Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0.01).build();
        double[][] x0 = attractorStates(2, 8);
        NDArray both = r.last(Tensors.create(manager, x0, DataType.FLOAT64),
                manager.create(new double[][] {{8}, {6}}), 100);
        double[] first = r.last(manager.create(x0[0], new Shape(1, 40)), manager.create(new double[] {8}), 100)
                .toDoubleArray();
        double[] second = r.last(manager.create(x0[1], new Shape(1, 40)), manager.create(new double[] {6}), 100)
                .toDoubleArray();
        double[][] m = Tensors.toMatrix(both);
        assertArrayEquals(first, m[0], 1e-12);
        assertArrayEquals(second, m[1], 1e-12);
    }

    @Test
    void float32FollowsFloat64() {
        Rollout r = Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0.01).build();
        double[][] x0 = attractorStates(1, 9);
        NDArray x64 = Tensors.create(manager, x0, DataType.FLOAT64);
        NDArray x32 = Tensors.create(manager, x0, DataType.FLOAT32);
        NDArray a = r.last(x64, manager.create(new double[] {8}), 50);
        NDArray b = r.last(x32, manager.create(new float[] {8}), 50);
        assertEquals(DataType.FLOAT32, b.getDataType());
        double err = a.sub(b.toType(DataType.FLOAT64, false)).abs().max().getDouble();
        assertTrue(err < 1e-3, "float32 vs float64 after 50 steps: " + err);
    }

    @Test
    void badInputIsRejectedBeforeWork() {
        Rollout r = Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0.01).build();
        double[][] nan = attractorStates(1, 10);
        nan[0][3] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.simulate(nan, new double[] {8}, 10, 1));
        assertTrue(e.getMessage().contains("x0[0][3]"), e.getMessage());
        double[][] inf = attractorStates(1, 10);
        inf[0][0] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> r.simulate(inf, new double[] {8}, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> r.simulate(new double[][] {new double[39]}, new double[] {8}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> r.simulate(attractorStates(1, 1), new double[] {8, 1}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> r.simulate(attractorStates(1, 1), new double[] {8}, -1, 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0).build());
        assertTrue(e.getMessage().startsWith("dt"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Rollout.builder().setDynamics(Lorenz96.standard()).setDt(-0.01).build());
        assertThrows(IllegalArgumentException.class,
                () -> Rollout.builder().setDynamics(Lorenz96.standard()).setDt(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> Lorenz96.builder().optSize(3).build());
        e = assertThrows(IllegalArgumentException.class,
                () -> r.run(manager.create(new double[40], new Shape(40)), manager.create(new double[] {8}), 3));
        assertTrue(e.getMessage().contains("x0 has shape"), e.getMessage());
        NDArray nanTensor = manager.create(new double[40], new Shape(1, 40)).add(manager.create(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> r.run(nanTensor, manager.create(new double[] {8}), 3));
    }
}
