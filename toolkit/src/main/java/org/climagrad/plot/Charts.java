package org.climagrad.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Chart factories shared by the figures. Physics and DA code never import this package. */
public final class Charts {
    /** Panel width in pixels. */
    public static final int WIDTH = 640;
    /** Panel height in pixels. */
    public static final int HEIGHT = 320;

    private Charts() {}

    /**
     * A Hovmöller diagram: time on the x axis, variable index on the y axis, value as colour.
     * Entries where {@code mask} is false (if a mask is given) are left blank.
     *
     * @param title panel title
     * @param field values {@code [time][nx]}
     * @param mask observed entries {@code [time][nx]}, or null for all
     * @param dtTime time between rows (model time units)
     * @param min lower end of the colour scale
     * @param max upper end of the colour scale
     * @param diverging true for a blue-white-red scale (errors), false for a sequential one
     */
    public static HeatMapChart hovmoller(String title, double[][] field, boolean[][] mask, double dtTime,
            double min, double max, boolean diverging) {
        int times = field.length;
        int nx = field[0].length;
        List<Number> xs = new ArrayList<>(times);
        for (int t = 0; t < times; t++) {
            xs.add(Math.round(t * dtTime * 1000) / 1000.0);
        }
        List<Number> ys = new ArrayList<>(nx);
        for (int i = 0; i < nx; i++) {
            ys.add(i);
        }
        List<Number[]> heat = new ArrayList<>();
        for (int t = 0; t < times; t++) {
            for (int i = 0; i < nx; i++) {
                if (mask == null || mask[t][i]) {
                    heat.add(new Number[] {t, i, Math.max(min, Math.min(max, field[t][i]))});
                }
            }
        }
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("time (MTU)").yAxisTitle("variable k").build();
        c.getStyler().setPlotContentSize(1.0);
        c.getStyler().setShowValue(false);
        c.getStyler().setMin(min);
        c.getStyler().setMax(max);
        c.getStyler().setRangeColors(diverging
                ? new Color[] {new Color(33, 102, 172), Color.WHITE, new Color(178, 24, 43)}
                : new Color[] {new Color(49, 54, 149), new Color(116, 173, 209), new Color(255, 255, 191),
                        new Color(244, 109, 67), new Color(165, 0, 38)});
        c.getStyler().setXAxisLabelRotation(0);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesVisible(false);
        c.getStyler().setXAxisDecimalPattern("0.##");
        decimate(c, times, nx);
        c.addSeries(title, xs, ys, heat);
        return c;
    }

    private static void decimate(HeatMapChart c, int times, int nx) {
        // Tick labels for a few hundred columns would overlap; XChart shows every category.
        c.getStyler().setyAxisTickLabelsFormattingFunction(y -> y.intValue() % 10 == 0 ? String.valueOf(y.intValue()) : "");
        c.getStyler().setxAxisTickLabelsFormattingFunction(x -> isRound(x.doubleValue()) ? trim(x.doubleValue()) : "");
    }

    private static boolean isRound(double t) {
        return Math.abs(t * 2 - Math.rint(t * 2)) < 1e-9;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * Empirical cumulative distribution functions, one line per named sample. The x axis ends at
     * the largest 99th percentile of the samples, so that one heavy tail does not squash the rest.
     *
     * @param title panel title
     * @param xLabel quantity on the x axis
     * @param samples name → values
     */
    public static XYChart cdf(String title, String xLabel, Map<String, double[]> samples) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle("cumulative probability").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern("0.0#");
        double xMax = 0;
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            double[][] xy = ecdf(e.getValue(), 400);
            XYSeries s = c.addSeries(e.getKey(), xy[0], xy[1]);
            s.setMarker(SeriesMarkers.NONE);
            xMax = Math.max(xMax, xy[0][(int) Math.floor(0.99 * (xy[0].length - 1))]);
        }
        if (xMax > 0) {
            c.getStyler().setXAxisMin(0.0).setXAxisMax(xMax);
        }
        return c;
    }

    /**
     * The empirical CDF on at most {@code points} points.
     *
     * @return {x[], F(x)[]}
     */
    public static double[][] ecdf(double[] values, int points) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = Math.min(points, v.length);
        double[] x = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            int idx = (int) Math.round((double) i * (v.length - 1) / Math.max(1, n - 1));
            x[i] = v[idx];
            f[i] = (idx + 1.0) / v.length;
        }
        return new double[][] {x, f};
    }

    /**
     * Lines sharing an x axis.
     *
     * @param title panel title
     * @param xLabel x axis title
     * @param yLabel y axis title
     * @param x shared abscissa
     * @param lines name → ordinates, each the length of x
     */
    public static XYChart lines(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> lines) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        for (Map.Entry<String, double[]> e : lines.entrySet()) {
            c.addSeries(e.getKey(), x, e.getValue()).setMarker(SeriesMarkers.NONE);
        }
        return c;
    }

    /**
     * A value on a grid of two parameters as a heat map with the values printed in the cells.
     *
     * @param title panel title
     * @param xLabel x axis title
     * @param x x values (columns)
     * @param yLabel y axis title
     * @param y y values (rows)
     * @param z values {@code [x.length][y.length]}
     */
    public static HeatMapChart grid(String title, String xLabel, double[] x, String yLabel, double[] y, double[][] z) {
        List<Number> xs = new ArrayList<>();
        for (double v : x) {
            xs.add(v);
        }
        List<Number> ys = new ArrayList<>();
        for (double v : y) {
            ys.add(v);
        }
        List<Number[]> heat = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                heat.add(new Number[] {i, j, Math.round(z[i][j] * 1000) / 1000.0});
                min = Math.min(min, z[i][j]);
                max = Math.max(max, z[i][j]);
            }
        }
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        c.getStyler().setShowValue(true);
        c.getStyler().setMin(min);
        c.getStyler().setMax(max > min ? max : min + 1);
        c.getStyler().setRangeColors(new Color[] {new Color(255, 255, 204), new Color(253, 141, 60),
                new Color(189, 0, 38)});
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.addSeries(title, xs, ys, heat);
        return c;
    }

    /**
     * Lines of possibly different lengths, each against its own index 1, 2, … (steps, epochs).
     *
     * @param title panel title
     * @param xLabel x axis title
     * @param yLabel y axis title
     * @param lines name → ordinates
     */
    public static XYChart ragged(String title, String xLabel, String yLabel, Map<String, double[]> lines) {
        XYChart c = lines(title, xLabel, yLabel, new double[0], Map.of());
        for (Map.Entry<String, double[]> e : lines.entrySet()) {
            double[] y = e.getValue();
            double[] x = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                x[i] = i + 1;
            }
            c.addSeries(e.getKey(), x, y).setMarker(y.length > 30 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        }
        return c;
    }

    /**
     * Grouped bars: one group per category, one bar per series.
     *
     * @param categories the x categories
     * @param series name → one value per category
     */
    public static CategoryChart bars(String title, String yLabel, List<String> categories, Map<String, double[]> series) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yLabel).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setXAxisLabelRotation(20);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            if (e.getValue().length != categories.size()) {
                throw new IllegalArgumentException("series " + e.getKey() + ": " + e.getValue().length + " values for "
                        + categories.size() + " categories");
            }
            List<Double> v = new ArrayList<>();
            for (double d : e.getValue()) {
                v.add(d);
            }
            c.addSeries(e.getKey(), categories, v);
        }
        return c;
    }
}
