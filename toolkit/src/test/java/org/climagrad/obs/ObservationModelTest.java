package org.climagrad.obs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.climagrad.dynamics.Lorenz96;
import org.climagrad.dynamics.Rollout;
import org.junit.jupiter.api.Test;

class ObservationModelTest {
    private static double[][] zeros(int t, int nx) {
        return new double[t][nx];
    }

    @Test
    void noiseHasTheRequestedStandardDeviationAndMissingFractionHolds() {
        Observations y = ObservationModel.randomMissing(1.5, 0.75).observe(zeros(2000, 40), 3);
        assertEquals(0.25, y.observedFraction(), 0.01);
        double s2 = 0;
        long n = 0;
        for (int t = 0; t < y.times(); t++) {
            for (int i : y.observedAt(t)) {
                s2 += y.valuesAt(t)[i] * y.valuesAt(t)[i];
                n++;
            }
        }
        assertEquals(1.5, Math.sqrt(s2 / n), 0.03);
    }

    @Test
    void randomMaskIsRedrawnEveryStepAndSeeded() {
        ObservationModel m = ObservationModel.randomMissing(1, 0.5);
        Observations a = m.observe(zeros(50, 40), 9);
        Observations b = m.observe(zeros(50, 40), 9);
        assertArrayEquals(a.values()[7], b.values()[7]);
        assertFalse(java.util.Arrays.equals(a.maskAt(0), a.maskAt(1)));
        Observations c = m.observe(zeros(50, 40), 10);
        assertFalse(java.util.Arrays.equals(a.maskAt(0), c.maskAt(0)));
    }

    /** Exactly 30 of 40 missing at every step (the reference CODA setting), a new uniform subset each time. */
    @Test
    void exactCountIsExactEveryStepAndItsLocationsUniform() {
        Observations y = ObservationModel.exactMissing(1, 0.75).observe(zeros(4000, 40), 5);
        boolean[][] m = y.mask();
        int[] perVariable = new int[40];
        int changed = 0;
        for (int t = 0; t < m.length; t++) {
            int seen = 0;
            for (int i = 0; i < 40; i++) {
                seen += m[t][i] ? 1 : 0;
                perVariable[i] += m[t][i] ? 1 : 0;
            }
            assertEquals(10, seen, "observed at time " + t);
            if (t > 0 && !java.util.Arrays.equals(m[t], m[t - 1])) {
                changed++;
            }
        }
        assertTrue(changed > 3990, "redrawn every step: changed " + changed + " of 3999 times");
        // Each variable is seen with probability 1/4: 1000 ± 27 (binomial sd) of 4000; 5 sd bounds.
        for (int i = 0; i < 40; i++) {
            assertEquals(1000, perVariable[i], 140, "variable " + i + " observed " + perVariable[i] + " times");
        }
        assertEquals(10, new Sampling.ExactMissing(0.75).observed(40));
        assertEquals(1, new Sampling.ExactMissing(0.99).observed(40), "at least one observed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sampling.ExactMissing(1));
        assertTrue(e.getMessage().contains("missing fraction"), e.getMessage());
    }

    @Test
    void fixedLayoutsKeepTheirLocations() {
        Observations even = ObservationModel.builder().setSigma(0).optSampling(new Sampling.EvenlySpaced(4, 1))
                .build().observe(zeros(5, 40), 1);
        assertArrayEquals(new int[] {1, 5, 9, 13, 17, 21, 25, 29, 33, 37}, even.observedAt(3));
        Observations fixed = ObservationModel.builder().setSigma(1).optSampling(new Sampling.FixedRandom(0.75, 4))
                .build().observe(zeros(5, 40), 1);
        assertEquals(10, fixed.observedAt(0).length);
        assertArrayEquals(fixed.observedAt(0), fixed.observedAt(4));
    }

    @Test
    void twinExperimentIsReproducibleAndObservesItsTruth() {
        TwinExperiment xp = TwinExperiment.builder()
                .setRollout(Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0.01).build())
                .setObservationModel(ObservationModel.builder().setSigma(0).build()).setTimes(20).optObsEvery(5)
                .optSpinUp(100).optSeed(4).build();
        Twin a = xp.generate();
        Twin b = xp.generate();
        assertArrayEquals(a.truthAt(19), b.truthAt(19));
        assertArrayEquals(a.truthAt(10), a.observations().valuesAt(10), 0);
        double[] stepped = xp.rollout().advance(new double[][] {a.truthAt(3)}, xp.parameters(), 5)[0];
        assertArrayEquals(a.truthAt(4), stepped, 1e-9);
        assertEquals(0.05, xp.obsInterval(), 1e-15);
    }

    @Test
    void badInputNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ObservationModel.builder().setSigma(-1).build());
        assertTrue(e.getMessage().startsWith("sigma"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sampling.RandomMissing(1.0));
        assertTrue(e.getMessage().contains("[0.0, 1.0)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sampling.RandomMissing(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new Sampling.FixedRandom(1.2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Sampling.EvenlySpaced(0, 0));
        double[][] nan = zeros(3, 4);
        nan[1][2] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> ObservationModel.randomMissing(1, 0.5).observe(nan, 1));
        assertThrows(IllegalArgumentException.class, () -> TwinExperiment.builder()
                .setRollout(Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0.01).build())
                .setObservationModel(ObservationModel.randomMissing(1, 0.5)).setTimes(0).build());
    }
}
