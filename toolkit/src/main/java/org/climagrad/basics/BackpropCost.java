package org.climagrad.basics;

import java.util.ArrayList;
import java.util.List;
import org.climagrad.core.Check;

/**
 * What backpropagation saves (Lai 2024): central finite differences need two forward passes per
 * parameter, so their cost grows like P² for a network of P parameters, while one backward pass
 * costs about as much as one forward pass. Wall-clock times of the three gradients of a
 * {@link TwoLayerNet} (D inputs, H hidden units, one output) for growing H.
 */
public final class BackpropCost {
    private BackpropCost() {}

    /**
     * One width.
     *
     * @param hidden H
     * @param parameters P
     * @param finiteDifferencePasses forward passes for central differences (2P)
     * @param finiteDifferenceMillis ms per finite-difference gradient
     * @param handMillis ms per hand-written backpropagation (one forward, one backward pass)
     * @param autogradMillis ms per DJL autograd gradient (includes creating the tensors)
     */
    public record Row(int hidden, int parameters, int finiteDifferencePasses, double finiteDifferenceMillis,
            double handMillis, double autogradMillis) {}

    /**
     * Times the gradients for each width (mean over repeats filling at least {@code budgetMillis}).
     *
     * @param inputs D ≥ 1
     * @param widths hidden widths, each ≥ 1
     * @param budgetMillis time per measurement ≥ 1
     */
    public static List<Row> measure(int inputs, int[] widths, double budgetMillis) {
        Check.atLeast("inputs", inputs, 1);
        Check.positive("budgetMillis", budgetMillis);
        double[] x = new double[inputs];
        for (int d = 0; d < inputs; d++) {
            x[d] = Math.sin(d + 1.0);
        }
        double[] t = {0.3};
        List<Row> rows = new ArrayList<>();
        for (int h : widths) {
            TwoLayerNet net = TwoLayerNet.random(inputs, Check.atLeast("widths[i]", h, 1), 1, h);
            double fd = time(() -> net.finiteDifferenceGradient(x, t, 1e-6), budgetMillis);
            double hand = time(() -> net.handGradient(x, t), budgetMillis);
            double auto = time(() -> net.autogradGradient(x, t), budgetMillis);
            rows.add(new Row(h, net.size(), 2 * net.size(), fd, hand, auto));
        }
        return rows;
    }

    private static double time(Runnable r, double budgetMillis) {
        r.run();
        long start = System.nanoTime();
        int n = 0;
        do {
            r.run();
            n++;
        } while (System.nanoTime() - start < budgetMillis * 1e6);
        return (System.nanoTime() - start) / 1e6 / n;
    }
}
