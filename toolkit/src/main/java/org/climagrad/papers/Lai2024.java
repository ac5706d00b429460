package org.climagrad.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.climagrad.basics.BackpropCost;
import org.climagrad.basics.BumpNetwork;
import org.climagrad.basics.GradientDescent;
import org.climagrad.basics.LinearCollapse;
import org.climagrad.basics.LinearCost;
import org.climagrad.basics.LogisticRegression;
import org.climagrad.basics.TwoLayerNet;
import org.climagrad.core.Check;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Figures of the lecture "Neural networks basics" (Ching-Yao Lai, Glamacles summer school 2024),
 * part 1: universal approximation, gradient descent, backpropagation by hand. Each entry point
 * returns its data and its charts.
 */
public final class Lai2024 {
    private Lai2024() {}

    /** The 1-D target of the universal-approximation figure: 0.2 + 0.4x² + 0.3x sin(15x) + 0.05 cos(50x) on [0, 1]. */
    public static final DoubleUnaryOperator TARGET =
            x -> 0.2 + 0.4 * x * x + 0.3 * x * Math.sin(15 * x) + 0.05 * Math.cos(50 * x);

    /** Step sharpness of the bumps: each sigmoid step is 50 times narrower than a bump. */
    public static final double SHARPNESS = 50;

    /**
     * A linear activation collapses depth: for each depth, the slope and intercept of the single
     * affine map equal to the deep linear network, the largest difference between them, and the
     * curvature the same weights have with tanh.
     *
     * @param depths layer counts, each ≥ 2
     * @param width hidden width
     */
    public static Figure linearCollapse(int[] depths, int width) {
        double[] d = new double[depths.length];
        double[] slope = new double[depths.length];
        double[] intercept = new double[depths.length];
        double[] diff = new double[depths.length];
        double[] curv = new double[depths.length];
        for (int i = 0; i < depths.length; i++) {
            LinearCollapse c = LinearCollapse.of(depths[i], width, 100 + i);
            d[i] = c.depth();
            slope[i] = c.slope();
            intercept[i] = c.intercept();
            diff[i] = Math.max(c.maxDifference(), 1e-18);
            curv[i] = c.tanhCurvature();
        }
        Table t = Table.create("Deep linear network = one affine map", DoubleColumn.create("depth", d),
                DoubleColumn.create("slope A", slope), DoubleColumn.create("intercept c", intercept),
                DoubleColumn.create("max |deep - affine|", diff), DoubleColumn.create("tanh curvature", curv));
        Map<String, double[]> lines = new LinkedHashMap<>();
        lines.put("linear activation: max |deep(x) - (Ax + c)|", diff);
        lines.put("tanh activation: max |second difference|", curv);
        XYChart c = Charts.lines("Depth without nonlinearity is one linear map", "layers", "value", d, lines);
        c.getStyler().setYAxisLogarithmic(true);
        return Figure.of(t.name(), t, c);
    }

    /**
     * Universal approximation by bumps: {@link #TARGET} and its bump networks for each n, and the
     * max and RMS errors against the number of hidden units (2n).
     *
     * @param bumps bump counts, each ≥ 1
     */
    public static Figure bumps(int[] bumps) {
        int points = 401;
        double[] x = new double[points];
        for (int k = 0; k < points; k++) {
            x[k] = (double) k / (points - 1);
        }
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("target", apply(TARGET, x));
        double[] units = new double[bumps.length];
        double[] max = new double[bumps.length];
        double[] rms = new double[bumps.length];
        double[] n = new double[bumps.length];
        for (int i = 0; i < bumps.length; i++) {
            BumpNetwork net = BumpNetwork.fit(TARGET, 0, 1, bumps[i], SHARPNESS);
            n[i] = bumps[i];
            units[i] = net.hiddenUnits();
            double[] e = net.errors(TARGET, 0, 1, 2001);
            max[i] = e[0];
            rms[i] = e[1];
            if (i < 3) {
                curves.put(bumps[i] + " bumps (" + net.hiddenUnits() + " units)", apply(net::value, x));
            }
        }
        Table t = Table.create("Bump networks: error vs hidden units", DoubleColumn.create("bumps", n),
                DoubleColumn.create("hidden units", units), DoubleColumn.create("max error", max),
                DoubleColumn.create("RMS error", rms));
        Map<String, double[]> err = new LinkedHashMap<>();
        err.put("max error", max);
        err.put("RMS error", rms);
        XYChart e = Charts.lines("Error vs hidden units", "hidden units", "error", units, err);
        e.getStyler().setXAxisLogarithmic(true);
        e.getStyler().setYAxisLogarithmic(true);
        return new Figure("Universal approximation with sigmoid bumps", t,
                List.of(Charts.lines("A sum of bumps approximates f", "x", "f(x)", x, curves), e), 2);
    }

    /**
     * Logistic regression as one sigmoid neuron on two Gaussian clouds: the data with the decision
     * line w·x + b = 0, and the cross-entropy per iteration.
     *
     * @param n points ≥ 2
     * @param steps gradient steps ≥ 1
     */
    public static Figure logisticRegression(int n, int steps) {
        double[][] x = LogisticRegression.clouds(n, 7);
        int[] y = LogisticRegression.cloudLabels(n);
        LogisticRegression fit = LogisticRegression.fit(x, y, 0.5, steps);
        double[] it = new double[steps];
        for (int k = 0; k < steps; k++) {
            it[k] = k + 1;
        }
        Table t = Table.create("Logistic regression: cross-entropy per iteration", DoubleColumn.create("iteration", it),
                DoubleColumn.create("cross-entropy", fit.loss()));
        XYChart c = Charts.lines("Two classes and the learned decision line", "x1", "x2", new double[0], Map.of());
        for (int label = 0; label <= 1; label++) {
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (y[i] == label) {
                    a.add(x[i][0]);
                    b.add(x[i][1]);
                }
            }
            var series = c.addSeries("class " + label, a, b);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
        }
        double w1 = fit.weights()[0];
        double w2 = fit.weights()[1];
        double[] lx = {-4, 4};
        double[] ly = {-(fit.bias() + w1 * lx[0]) / w2, -(fit.bias() + w1 * lx[1]) / w2};
        c.addSeries("σ(w·x + b) = 0.5", lx, ly).setMarker(SeriesMarkers.NONE);
        XYChart l = Charts.lines("Cross-entropy", "iteration", "loss", it, Map.of("loss", fit.loss()));
        return new Figure("Logistic regression: the simplest classifier network", t, List.of(c, l), 2);
    }

    /**
     * Gradient descent on J(w, b) of a linear fit with learning rates given as fractions of the
     * critical rate 2/λ_max: loss curves, and the paths over contours of J.
     *
     * @param fractions learning rate / (2/λ_max), each &gt; 0 (e.g. 0.02, 0.5, 1.05)
     * @param steps iterations ≥ 1
     */
    public static Figure gradientDescent(LinearCost j, double[] fractions, int steps) {
        double crit = j.criticalLearningRate();
        double[] min = j.minimum();
        StringColumn run = StringColumn.create("learning rate");
        DoubleColumn alpha = DoubleColumn.create("alpha");
        IntColumn iter = IntColumn.create("iteration");
        DoubleColumn w = DoubleColumn.create("w");
        DoubleColumn b = DoubleColumn.create("b");
        DoubleColumn cost = DoubleColumn.create("J");
        BooleanColumn diverged = BooleanColumn.create("diverged");
        Map<String, double[]> curves = new LinkedHashMap<>();
        XYChart paths = Charts.lines("Paths over the contours of J", "w", "b", new double[0], Map.of());
        double jMin = j.cost(min[0], min[1]);
        for (double level : new double[] {0.5, 2, 8, 32}) {
            double[][] ring = contour(j, min, jMin + level);
            var ellipse = paths.addSeries("J = J* + " + level, ring[0], ring[1]);
            ellipse.setMarker(SeriesMarkers.NONE);
            ellipse.setLineColor(java.awt.Color.LIGHT_GRAY);
        }
        for (double f : fractions) {
            Check.positive("fractions[i]", f);
            GradientDescent.Path p = GradientDescent.run(j, min[0] - 3, min[1] + 4, f * crit, steps);
            String name = String.format("α = %.3g (%.2f × 2/λmax)", p.learningRate(), f);
            for (int k = 0, n = p.cost().length; k < n; k++) {
                run.append(name);
                alpha.append(p.learningRate());
                iter.append(k);
                w.append(p.w(k));
                b.append(p.b(k));
                cost.append(p.cost(k));
                diverged.append(p.diverged());
            }
            double[] excess = new double[p.cost().length];
            for (int k = 0; k < excess.length; k++) {
                excess[k] = Math.max(p.cost(k) - jMin, 1e-16);
            }
            curves.put(name, excess);
            int shown = Math.min(p.w().length, 40);
            paths.addSeries(name, java.util.Arrays.copyOf(p.w(), shown), java.util.Arrays.copyOf(p.b(), shown))
                    .setMarker(SeriesMarkers.CIRCLE);
        }
        paths.addSeries("minimum", new double[] {min[0]}, new double[] {min[1]}).setMarker(SeriesMarkers.DIAMOND);
        paths.getStyler().setXAxisMin(min[0] - 6).setXAxisMax(min[0] + 6).setYAxisMin(min[1] - 8)
                .setYAxisMax(min[1] + 8);
        XYChart loss = Charts.ragged("J − J* per iteration", "iteration", "J - J*", curves);
        loss.getStyler().setYAxisLogarithmic(true);
        Table t = Table.create("Gradient descent paths", run, alpha, iter, w, b, cost, diverged);
        return new Figure("Gradient descent: learning rate too small, right, too large", t, List.of(loss, paths), 2);
    }

    /** The ellipse J(w, b) = level around the minimum (from the constant Hessian). */
    private static double[][] contour(LinearCost j, double[] min, double level) {
        double m1 = 0;
        double m2 = 0;
        for (double v : j.x()) {
            m1 += v;
            m2 += v * v;
        }
        m1 /= j.x().length;
        m2 /= j.x().length;
        double excess = level - j.cost(min[0], min[1]);
        int n = 121;
        double[] w = new double[n];
        double[] b = new double[n];
        for (int k = 0; k < n; k++) {
            double phi = 2 * Math.PI * k / (n - 1);
            double u = Math.cos(phi);
            double v = Math.sin(phi);
            // ½ [u v] H [u v]ᵀ r² = excess
            double q = m2 * u * u + 2 * m1 * u * v + v * v;
            double r = Math.sqrt(2 * excess / q);
            w[k] = min[0] + r * u;
            b[k] = min[1] + r * v;
        }
        return new double[][] {w, b};
    }

    /**
     * The gradient of a {@link TwoLayerNet}'s loss three ways, one row per parameter: the chain rule
     * by hand, DJL autograd and central differences (step 1e-6), with their differences.
     */
    public static Figure backpropagation(TwoLayerNet net, double[] x, double[] t) {
        double[] hand = net.handGradient(x, t);
        double[] auto = net.autogradGradient(x, t);
        double[] fd = net.finiteDifferenceGradient(x, t, 1e-6);
        double[] dAuto = new double[hand.length];
        double[] dFd = new double[hand.length];
        for (int i = 0; i < hand.length; i++) {
            dAuto[i] = Math.abs(hand[i] - auto[i]);
            dFd[i] = Math.abs(hand[i] - fd[i]);
        }
        String title = String.format("Backpropagation, D=%d H=%d K=%d: hand vs autograd vs finite differences",
                net.inputs(), net.hidden(), net.outputs());
        Table table = Table.create(title, StringColumn.create("parameter", net.names()), DoubleColumn.create("hand", hand),
                DoubleColumn.create("autograd", auto), DoubleColumn.create("finite differences", fd),
                DoubleColumn.create("|hand - autograd|", dAuto), DoubleColumn.create("|hand - FD|", dFd));
        Map<String, double[]> bars = new LinkedHashMap<>();
        bars.put("log10 |hand - autograd|", log10Floor(dAuto));
        bars.put("log10 |hand - FD|", log10Floor(dFd));
        var chart = Charts.bars("Disagreement per parameter (0 shown as 1e-18)", "log10 of the absolute difference",
                List.of(net.names()), bars);
        return Figure.of(title, table, chart);
    }

    /**
     * Cost of the three gradients for growing width (D inputs, one output): finite differences grow
     * like P², backpropagation like P.
     */
    public static Figure backpropagationCost(int inputs, int[] widths, double budgetMillis) {
        List<BackpropCost.Row> rows = BackpropCost.measure(inputs, widths, budgetMillis);
        int n = rows.size();
        double[] p = new double[n];
        double[] fd = new double[n];
        double[] hand = new double[n];
        double[] auto = new double[n];
        double[] h = new double[n];
        double[] passes = new double[n];
        for (int i = 0; i < n; i++) {
            BackpropCost.Row r = rows.get(i);
            h[i] = r.hidden();
            p[i] = r.parameters();
            passes[i] = r.finiteDifferencePasses();
            fd[i] = r.finiteDifferenceMillis();
            hand[i] = r.handMillis();
            auto[i] = r.autogradMillis();
        }
        Table t = Table.create("Gradient cost vs network size", DoubleColumn.create("hidden", h),
                DoubleColumn.create("parameters", p), DoubleColumn.create("FD forward passes", passes),
                DoubleColumn.create("FD ms", fd), DoubleColumn.create("hand backprop ms", hand),
                DoubleColumn.create("autograd ms", auto));
        Map<String, double[]> lines = new LinkedHashMap<>();
        lines.put("finite differences", fd);
        lines.put("backpropagation by hand", hand);
        lines.put("DJL autograd", auto);
        XYChart c = Charts.lines("Time per gradient", "parameters", "ms", p, lines);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        return Figure.of(t.name(), t, c);
    }

    private static double[] log10Floor(double[] v) {
        double[] f = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = Math.log10(Math.max(v[i], 1e-18));
        }
        return f;
    }

    private static double[] apply(DoubleUnaryOperator f, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return y;
    }
}
