package org.climagrad.basics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.climagrad.papers.Lai2024;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Lai (2024) part 1: linear activations collapse depth; sigmoid bumps approximate any continuous f. */
class UniversalApproximationTest {
    @Test
    void deepLinearNetworkIsOneAffineMapButTanhIsNot() {
        for (int depth : new int[] {2, 5, 20}) {
            LinearCollapse c = LinearCollapse.of(depth, 8, depth);
            assertTrue(c.maxDifference() < 1e-10 * (1 + Math.abs(c.slope()) * 5 + Math.abs(c.intercept())),
                    "depth " + depth + ": " + c);
            assertTrue(c.tanhCurvature() > 1e-4, "tanh network is not linear: " + c);
        }
        assertThrows(IllegalArgumentException.class, () -> LinearCollapse.of(1, 8, 0));
    }

    @Test
    void bumpIsTwoShiftedSigmoidsAndErrorFallsLikeOneOverN() {
        BumpNetwork one = BumpNetwork.fit(x -> 1.0, 0, 1, 1, 200);
        assertEquals(1, one.value(0.5), 1e-12, "a single bump of height 1 is ~1 inside");
        assertEquals(0, one.value(1.5), 1e-12, "and ~0 outside");
        assertEquals(2, one.hiddenUnits());
        double[] previous = null;
        for (int n : new int[] {10, 40, 160}) {
            double[] e = BumpNetwork.fit(Lai2024.TARGET, 0, 1, n, Lai2024.SHARPNESS).errors(Lai2024.TARGET, 0, 1, 4001);
            if (previous != null) {
                // Midpoint heights: max error ~ |f'| h / 2, so 4× the bumps give ≈ 4× less error.
                assertTrue(e[0] < previous[0] / 2.5 && e[1] < previous[1] / 2.5, n + " bumps: " + e[0] + " vs " + previous[0]);
            }
            previous = e;
        }
        assertTrue(previous[0] < 0.02, "160 bumps: max error " + previous[0]);
        assertThrows(IllegalArgumentException.class, () -> BumpNetwork.fit(Lai2024.TARGET, 1, 0, 4, 50));
        assertThrows(IllegalArgumentException.class, () -> BumpNetwork.fit(Lai2024.TARGET, 0, 1, 0, 50));
    }

    @Test
    void logisticRegressionSeparatesTwoClouds() {
        double[][] x = LogisticRegression.clouds(400, 3);
        int[] y = LogisticRegression.cloudLabels(400);
        LogisticRegression fit = LogisticRegression.fit(x, y, 0.5, 300);
        for (int k = 1, n = fit.loss().length; k < n; k++) {
            assertTrue(fit.loss(k) <= fit.loss(k - 1) + 1e-12, "cross-entropy falls at step " + k);
        }
        // Bayes accuracy for these clouds is Φ(√2) ≈ 0.92; the boundary is near x1 + x2 = 0.
        assertTrue(fit.accuracy(x, y) > 0.88, "accuracy " + fit.accuracy(x, y));
        assertEquals(1, fit.weights()[1] / fit.weights()[0], 0.3);
        assertThrows(IllegalArgumentException.class, () -> LogisticRegression.fit(x, new int[] {0}, 0.5, 1));
    }

    @Test
    void figuresCarryTheirNumbers() {
        var figure = Lai2024.bumps(new int[] {5, 20, 80});
        assertTrue(figure.image().getWidth() > 0, "the charts render");
        Table t = figure.data();
        assertEquals(3, t.rowCount());
        assertTrue(t.doubleColumn("max error").get(2) < t.doubleColumn("max error").get(0));
        Table c = Lai2024.linearCollapse(new int[] {2, 10}, 6).data();
        assertTrue(c.doubleColumn("max |deep - affine|").get(1) < 1e-10);
        var logistic = Lai2024.logisticRegression(200, 50);
        assertEquals(50, logistic.data().rowCount());
        assertTrue(logistic.image().getWidth() > 0 && Lai2024.linearCollapse(new int[] {2, 3}, 4).image().getWidth() > 0);
    }
}
