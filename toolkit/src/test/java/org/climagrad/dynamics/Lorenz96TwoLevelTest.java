package org.climagrad.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Lorenz96TwoLevelTest {
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static double[] randomState(Lorenz96TwoLevel m, long seed) {
        Random rng = new Random(seed);
        double[] x = new double[m.nx()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < m.slowSize() ? 5 * rng.nextGaussian() : 0.3 * rng.nextGaussian();
        }
        return x;
    }

    @Test
    void tendencyMatchesEquationsNineAndTen() {
        Lorenz96TwoLevel m = Lorenz96TwoLevel.of(6, 3);
        double[] s = randomState(m, 1);
        double[] th = {10, 1, 10, 10};
        double[] got = m.tendency(manager.create(s, new Shape(1, m.nx())), manager.create(th)).toDoubleArray();
        int k = 6;
        int j = 3;
        int n = k * j;
        for (int i = 0; i < k; i++) {
            double zmean = 0;
            for (int q = 0; q < j; q++) {
                zmean += s[k + i * j + q] / j;
            }
            double e = (s[(i + 1) % k] - s[(i + k - 2) % k]) * s[(i + k - 1) % k] - s[i] + 10 - 1 * 10 * zmean;
            assertEquals(e, got[i], 1e-12, "dx[" + i + "]");
        }
        for (int q = 0; q < n; q++) {
            double z = s[k + q];
            double zp1 = s[k + (q + 1) % n];
            double zp2 = s[k + (q + 2) % n];
            double zm1 = s[k + (q - 1 + n) % n];
            double e = -10 * 10 * zp1 * (zp2 - zm1) - 10 * z + 1 * 10 / 10.0 * s[q / j];
            assertEquals(e, got[k + q], 1e-10, "dz[" + q + "]");
        }
    }

    @Test
    void withoutCouplingTheSlowVariablesFollowTheOneLevelModel() {
        Lorenz96TwoLevel two = Lorenz96TwoLevel.of(36, 10);
        double[] s = randomState(two, 2);
        double[] th = {10, 0, 10, 10};
        Rollout r2 = Rollout.builder().setDynamics(two).setDt(0.005).build();
        Rollout r1 = Rollout.builder().setDynamics(Lorenz96.builder().optSize(36).build()).setDt(0.005).build();
        double[] slow = r2.advance(new double[][] {s}, th, 200)[0];
        double[] one = r1.advance(new double[][] {Arrays.copyOf(s, 36)}, new double[] {10}, 200)[0];
        assertArrayEquals(one, Arrays.copyOf(slow, 36), 1e-10);
    }

    @Test
    void gradientWithRespectToStateAndAllFourParameters() {
        Lorenz96TwoLevel m = Lorenz96TwoLevel.of(5, 4);
        Rollout r = Rollout.builder().setDynamics(m).setDt(0.002).build();
        double[] s = randomState(m, 3);
        GradientCheck.check(manager, in -> {
            NDArray traj = r.run(in[0], in[1], 15);
            return traj.square().mean();
        }, s, new long[] {1, m.nx()}, new double[] {10, 1, 10, 10}, 1e-6, 1e-5);
    }

    @Test
    void badSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Lorenz96TwoLevel.of(3, 10));
        assertThrows(IllegalArgumentException.class, () -> Lorenz96TwoLevel.of(36, 0));
    }
}
