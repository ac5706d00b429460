package org.climagrad.basics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.climagrad.papers.Lai2024;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Lai (2024) part 2: the cost J(w, b), its gradient, and gradient descent with three learning rates. */
class GradientDescentTest {
    static final LinearCost J = LinearCost.synthetic(50, 2.0, -1.0, 0.3, 11);

    @Test
    void analyticGradientMatchesFiniteDifferencesAndVanishesAtTheMinimum() {
        double h = 1e-6;
        for (double[] p : new double[][] {{0, 0}, {3, -2}, {-1.5, 4}}) {
            double[] g = J.gradient(p[0], p[1]);
            assertEquals((J.cost(p[0] + h, p[1]) - J.cost(p[0] - h, p[1])) / (2 * h), g[0], 1e-7);
            assertEquals((J.cost(p[0], p[1] + h) - J.cost(p[0], p[1] - h)) / (2 * h), g[1], 1e-7);
        }
        double[] min = J.minimum();
        double[] g = J.gradient(min[0], min[1]);
        assertEquals(0, g[0], 1e-12);
        assertEquals(0, g[1], 1e-12);
        assertEquals(2.0, min[0], 0.1, "recovers the slope");
    }

    @Test
    void descentConvergesBelowTwoOverLambdaMaxAndDivergesAbove() {
        double crit = J.criticalLearningRate();
        double[] min = J.minimum();
        GradientDescent.Path right = GradientDescent.run(J, 0, 0, 0.5 * crit, 400);
        assertEquals(min[0], right.w()[400], 1e-8);
        assertEquals(min[1], right.b()[400], 1e-8);
        for (int k = 1, n = right.cost().length; k < n; k++) {
            assertTrue(right.cost(k) <= right.cost(k - 1) + 1e-15, "monotone at " + k);
        }
        GradientDescent.Path small = GradientDescent.run(J, 0, 0, 0.01 * crit, 400);
        assertTrue(small.finalCost() > J.cost(min[0], min[1]) + 1e-3, "too small: still far after 400 steps");
        GradientDescent.Path below = GradientDescent.run(J, 0, 0, 0.98 * crit, 3000);
        assertFalse(below.diverged());
        assertEquals(min[0], below.w()[below.w().length - 1], 1e-3, "just below 2/λmax: oscillates but converges");
        GradientDescent.Path above = GradientDescent.run(J, 0, 0, 1.05 * crit, 3000);
        assertTrue(above.diverged(), "just above 2/λmax the iterates blow up");
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.run(J, 0, 0, -1, 10));
    }

    @Test
    void figureRecordsEveryPath() {
        var figure = Lai2024.gradientDescent(J, new double[] {0.02, 0.5, 1.05}, 60);
        assertTrue(figure.image().getWidth() > 0, "the charts render");
        Table t = figure.data();
        Table above = t.where(t.doubleColumn("alpha").isGreaterThan(J.criticalLearningRate()));
        assertEquals(61, above.rowCount());
        assertTrue(above.doubleColumn("J").get(60) > 100 * above.doubleColumn("J").get(0), "α > 2/λmax: J grows");
        Table right = t.where(t.doubleColumn("alpha").isBetweenExclusive(0.4 * J.criticalLearningRate(),
                0.6 * J.criticalLearningRate()));
        assertEquals(J.cost(J.minimum()[0], J.minimum()[1]), right.doubleColumn("J").get(60), 1e-9);
        assertEquals(3, t.stringColumn("learning rate").unique().size());
    }
}
