package org.climagrad.basics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.climagrad.papers.Lai2024;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Lai (2024) part 3: backpropagation by hand = DJL autograd = finite differences, and its cost. */
class BackpropagationTest {
    /** The lecture's exercises: the single-neuron chain, three hidden units, two outputs. */
    static final List<TwoLayerNet> EXERCISES = List.of(TwoLayerNet.random(1, 1, 1, 1), TwoLayerNet.random(1, 3, 1, 2),
            TwoLayerNet.random(1, 3, 2, 3), TwoLayerNet.random(4, 6, 3, 4));

    static double[] input(TwoLayerNet n) {
        double[] x = new double[n.inputs()];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.7 - 0.4 * i;
        }
        return x;
    }

    static double[] target(TwoLayerNet n) {
        double[] t = new double[n.outputs()];
        for (int k = 0; k < t.length; k++) {
            t[k] = 0.2 + 0.5 * k;
        }
        return t;
    }

    @Test
    void handBackpropagationEqualsAutogradAndFiniteDifferences() {
        for (TwoLayerNet n : EXERCISES) {
            double[] x = input(n);
            double[] t = target(n);
            double[] hand = n.handGradient(x, t);
            double[] auto = n.autogradGradient(x, t);
            double[] fd = n.finiteDifferenceGradient(x, t, 1e-6);
            for (int i = 0; i < hand.length; i++) {
                assertEquals(auto[i], hand[i], 1e-14, n.names()[i]);
                assertEquals(fd[i], hand[i], 1e-10, n.names()[i]);
            }
        }
    }

    /** The single-neuron chain written out in scalars, as on the lecture slide. */
    @Test
    void singleNeuronChainMatchesTheSlide() {
        TwoLayerNet n = new TwoLayerNet(1, 1, 1, new double[] {0.5, -0.2, 1.5, 0.1});
        double x = 0.8;
        double t = 0.9;
        double a1 = Sigmoid.value(0.5 * x - 0.2);
        double y = Sigmoid.value(1.5 * a1 + 0.1);
        double dy = (y - t) * y * (1 - y);
        double[] expected = {dy * 1.5 * a1 * (1 - a1) * x, dy * 1.5 * a1 * (1 - a1), dy * a1, dy};
        double[] g = n.handGradient(new double[] {x}, new double[] {t});
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], g[i], 1e-16, n.names()[i]);
        }
        assertEquals(List.of("w1[1][1]", "b1[1]", "w2[1][1]", "b2[1]"), List.of(n.names()));
    }

    /** The DJL pitfall: constants must survive a garbage collection between forward and backward. */
    @Test
    void autogradSurvivesGarbageCollectionBeforeBackward() {
        TwoLayerNet n = EXERCISES.get(3);
        double[] hand = n.handGradient(input(n), target(n));
        double[] auto = n.autogradGradient(input(n), target(n), () -> {
            System.gc();
            System.runFinalization();
            System.gc();
        });
        for (int i = 0; i < hand.length; i++) {
            assertEquals(hand[i], auto[i], 1e-14, n.names()[i]);
        }
    }

    @Test
    void finiteDifferencesNeedTwoPassesPerParameterAndCostFarMore() {
        List<BackpropCost.Row> rows = BackpropCost.measure(16, new int[] {8, 256}, 30);
        for (BackpropCost.Row r : rows) {
            assertEquals(2 * (r.hidden() * 17 + r.hidden() + 1), r.finiteDifferencePasses());
        }
        BackpropCost.Row big = rows.get(1);
        assertTrue(big.finiteDifferenceMillis() > 20 * big.handMillis(), big.toString());
    }

    @Test
    void figureTableHasOneRowPerParameterAndBadInputIsNamed() {
        TwoLayerNet n = EXERCISES.get(2);
        var figure = Lai2024.backpropagation(n, input(n), target(n));
        assertTrue(figure.image().getWidth() > 0, "the chart renders");
        Table t = figure.data();
        assertEquals(n.size(), t.rowCount());
        assertTrue(t.doubleColumn("|hand - autograd|").max() < 1e-14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> n.handGradient(new double[] {1, 2}, target(n)));
        assertTrue(e.getMessage().startsWith("x:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TwoLayerNet(1, 2, 1, new double[3]));
    }
}
