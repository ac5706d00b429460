package org.climagrad.obs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClimatologyTest {
    @Test
    void sampleMeanAndUnbiasedCovariance() {
        Climatology c = Climatology.of(new double[][] {{1, 2}, {3, 6}, {5, 4}});
        assertArrayEquals(new double[] {3, 4}, c.mean(), 1e-12);
        // var x = ((-2)^2 + 0 + 2^2)/2 = 4, var y = (4 + 4 + 0)/2 = 4, cov = (4 + 0 + 0)/2 = 2
        assertArrayEquals(new double[] {4, 2}, c.covariance()[0], 1e-12);
        assertArrayEquals(new double[] {2, 4}, c.covariance()[1], 1e-12);
        assertArrayEquals(new double[] {2, 2}, c.std(), 1e-12);
    }

    @Test
    void isImmutable() {
        double[][] samples = {{1, 2}, {3, 6}, {5, 4}};
        Climatology c = Climatology.of(samples);
        samples[0][0] = 100;
        c.mean()[0] = 100;
        c.covariance()[0][0] = 100;
        c.samples()[0][0] = 100;
        assertEquals(3, c.mean()[0], 0.0);
        assertEquals(4, c.covariance()[0][0], 0.0);
        assertEquals(1, c.samples()[0][0], 0.0);
    }

    @Test
    void rejectsBadShapes() {
        double[] mean = {0, 0};
        double[][] cov = {{1, 0}, {0, 1}};
        double[][] samples = {{0, 0}, {1, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Climatology(mean, new double[][] {{1, 0}}, samples));
        assertTrue(e.getMessage().contains("covariance"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Climatology(mean, cov, new double[][] {{0, 0, 0}, {1, 1, 1}}));
        assertTrue(e.getMessage().contains("samples"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Climatology.of(new double[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("samples"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Climatology(new double[] {Double.NaN, 0}, cov, samples));
    }

    @Test
    void indexedGettersReadWithoutCopying() {
        Climatology c = Climatology.of(new double[][] {{1, 2}, {3, 6}, {5, 4}});
        assertEquals(2, c.nx());
        assertEquals(3, c.sampleCount());
        assertEquals(4, c.mean(1), 0.0);
        assertEquals(2, c.covariance(0, 1), 1e-12);
        assertEquals(6, c.sample(1, 1), 0.0);
    }

    @Test
    void builderRunsTheModelAndNamesMissingOrBadFields() {
        org.climagrad.dynamics.Rollout rollout = org.climagrad.dynamics.Rollout.builder()
                .setDynamics(org.climagrad.dynamics.Lorenz96.builder().optSize(8).build()).setDt(0.05).build();
        Climatology c = Climatology.builder().setRollout(rollout).setParameters(8.0).optSpinUp(200).setSteps(400)
                .optEvery(4).optSeed(3).build();
        assertEquals(8, c.nx());
        assertEquals(101, c.sampleCount(), "the start and every 4th of 400 steps");
        Climatology again = Climatology.builder().setRollout(rollout).setParameters(8.0).optSpinUp(200).setSteps(400)
                .optEvery(4).optSeed(3).build();
        assertArrayEquals(c.mean(), again.mean(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Climatology.builder().setRollout(rollout).setParameters(8.0).build());
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Climatology.builder().setRollout(rollout).setParameters(8.0).setSteps(10).optEvery(0).build());
        assertTrue(e.getMessage().contains("every"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Climatology.builder().setSteps(10).build());
        assertTrue(e.getMessage().contains("rollout"), e.getMessage());
    }
}
