package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The classical baselines in CODA's setting order as expected on a short run (1000 steps). */
class CodaBaselinesTest {
    @Test
    void smootherBeatsFilterBeatsOptimalInterpolation() {
        CodaBaselines.Results r = CodaBaselines.run(1000, 1);
        int burnIn = 200;
        double oi = r.optimalInterpolation().meanRmse(burnIn);
        double enkf = r.enkf().meanRmse(burnIn);
        double enks = r.enks().meanSmootherRmse(burnIn).orElseThrow();
        assertTrue(enks < enkf && enkf < oi, "EnKS " + enks + " < EnKF " + enkf + " < OI " + oi);
        assertTrue(enks < 0.5 * CodaBaselines.SIGMA, "EnKS rmse " + enks + " well below sigma");
        assertTrue(enks < 0.85 * enkf, "the lag helps: EnKS " + enks + " vs EnKF " + enkf);
        assertArrayEquals(r.enkf().rmse(), r.enks().rmse(), 0, "EnKS filter estimates are the EnKF's");
    }
}
