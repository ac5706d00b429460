package org.climagrad.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.climagrad.core.Check;
import org.climagrad.da.DaResult;
import org.climagrad.obs.Observations;
import org.climagrad.obs.Twin;
import org.climagrad.obs.TwinExperiment;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.climagrad.plot.Tables;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Figure 3 of Zinchenko &amp; Greenberg (2024), "Combined optimization of dynamics and assimilation
 * with end-to-end learning on sparse observations": the left half with the classical baselines
 * (panels a-d and f without CODA). Each method returns the figure's data and its charts.
 */
public final class Coda2024Figures {
    /** Colour range of state Hovmöllers (the L96 F = 8 attractor spans about −8..12). */
    static final double STATE_MIN = -8;
    static final double STATE_MAX = 12;
    /** Colour range of error Hovmöllers. */
    static final double ERROR_RANGE = 4;

    private Coda2024Figures() {}

    /**
     * Fig. 3a-b: the true Lorenz-96 trajectory and its sparse noisy observations (blank where
     * missing), over the first {@code window} observation times.
     *
     * @param twin the twin experiment's data
     * @param window number of observation times shown, 1..T
     * @return data columns time_index, time, k, truth, observation (NaN where missing)
     */
    public static Figure truthAndObservations(Twin twin, int window) {
        int n = Check.inRange("window", window, 1, twin.times());
        double dt = twin.experiment().obsInterval();
        double[][] truth = head(twin.truth(), n);
        Observations y = twin.observations();
        double[][] obs = head(y.valuesWithGaps(), n);
        boolean[][] mask = new boolean[n][];
        for (int t = 0; t < n; t++) {
            mask[t] = y.maskAt(t);
        }
        Table data = Tables.longFormat("CODA Fig. 3a-b", dt, new String[] {"truth", "observation"}, truth, obs);
        List<Chart<?, ?>> panels = List.of(
                Charts.hovmoller("(a) truth", truth, null, dt, STATE_MIN, STATE_MAX, false),
                Charts.hovmoller(String.format("(b) observations (%.0f%% missing, sigma = %.2g)",
                        100 * (1 - y.observedFraction()), y.sigma()), obs, mask, dt, STATE_MIN, STATE_MAX, false));
        return new Figure("CODA Fig. 3a-b: truth and observations", data, panels, 1);
    }

    /**
     * Fig. 3c-d: analyses of each method and their errors (analysis − truth), over the first
     * {@code window} observation times. For a smoother the smoother estimate is shown.
     *
     * @param twin the twin experiment's data
     * @param window number of observation times shown, 1..T
     * @param results the methods' results on this twin, in panel order
     * @return data columns time_index, time, k, truth, then per method "&lt;name&gt;" and "&lt;name&gt; error"
     */
    public static Figure analyses(Twin twin, int window, Map<String, DaResult> results) {
        int n = Check.inRange("window", window, 1, twin.times());
        double dt = twin.experiment().obsInterval();
        double[][] truth = head(twin.truth(), n);
        List<String> names = new ArrayList<>();
        List<double[][]> fields = new ArrayList<>();
        names.add("truth");
        fields.add(truth);
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (Map.Entry<String, DaResult> e : results.entrySet()) {
            double[][] est = head(bestEstimate(e.getValue()), n);
            double[][] err = new double[n][truth[0].length];
            for (int t = 0; t < n; t++) {
                for (int k = 0; k < err[t].length; k++) {
                    err[t][k] = est[t][k] - truth[t][k];
                }
            }
            names.add(e.getKey());
            fields.add(est);
            names.add(e.getKey() + " error");
            fields.add(err);
            panels.add(Charts.hovmoller(e.getKey() + " analysis", est, null, dt, STATE_MIN, STATE_MAX, false));
            panels.add(Charts.hovmoller(e.getKey() + " error", err, null, dt, -ERROR_RANGE, ERROR_RANGE, true));
        }
        Table data = Tables.longFormat("CODA Fig. 3c-d", dt, names.toArray(String[]::new),
                fields.toArray(double[][][]::new));
        return new Figure("CODA Fig. 3c-d: analyses and their errors", data, panels, 2);
    }

    /**
     * Fig. 3f: cumulative distribution of absolute analysis errors |x̂ − x| over all variables and
     * the observation times t ≥ burnIn, one curve per method.
     *
     * @param twin the twin experiment's data
     * @param burnIn first observation time counted, 0..T−1
     * @param results the methods' results on this twin
     * @return data columns "abs error" and one CDF column per method, on a shared grid of errors
     */
    public static Figure errorCdf(Twin twin, int burnIn, Map<String, DaResult> results) {
        Check.inRange("burnIn", burnIn, 0, twin.times() - 1);
        double[][] truth = twin.truth();
        Map<String, double[]> errors = new LinkedHashMap<>();
        double max = 0;
        for (Map.Entry<String, DaResult> e : results.entrySet()) {
            double[] err = absoluteErrors(bestEstimate(e.getValue()), truth, burnIn);
            errors.put(e.getKey(), err);
            for (double v : err) {
                max = Math.max(max, v);
            }
        }
        int points = 1000;
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = max * i / (points - 1);
        }
        Table data = Table.create("CODA Fig. 3f", DoubleColumn.create("abs error", grid));
        for (Map.Entry<String, double[]> e : errors.entrySet()) {
            data.addColumns(DoubleColumn.create(e.getKey(), cdfOnGrid(e.getValue(), grid)));
        }
        return Figure.of("CODA Fig. 3f: CDF of analysis errors", data,
                Charts.cdf("(f) cumulative distribution of |analysis - truth|", "absolute error", errors));
    }

    /**
     * Quantiles of the absolute analysis errors |x̂ − x| over all variables and the observation
     * times t ≥ burnIn (the inverse of the Fig. 3f curves), one row per method.
     *
     * @param probabilities cumulative probabilities in (0, 1]
     * @return columns method, then "q&lt;100·p&gt;" per probability (e.g. q50, q90)
     */
    public static Table errorQuantiles(Twin twin, int burnIn, Map<String, DaResult> results, double... probabilities) {
        Check.inRange("burnIn", burnIn, 0, twin.times() - 1);
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("probabilities: give at least one, each in (0, 1]");
        }
        Table table = Table.create("quantiles of |analysis - truth| after burn-in " + burnIn,
                tech.tablesaw.api.StringColumn.create("method"));
        for (double p : probabilities) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities: " + p + " must be in (0, 1]");
            }
            table.addColumns(DoubleColumn.create("q" + java.math.BigDecimal.valueOf(100 * p).round(new java.math.MathContext(4))
                    .stripTrailingZeros().toPlainString()));
        }
        for (Map.Entry<String, DaResult> e : results.entrySet()) {
            double[] err = absoluteErrors(bestEstimate(e.getValue()), twin.truth(), burnIn);
            java.util.Arrays.sort(err);
            table.stringColumn(0).append(e.getKey());
            for (int i = 0; i < probabilities.length; i++) {
                // smallest e with F(e) >= p, F the empirical CDF
                int idx = Math.max(0, (int) Math.ceil(probabilities[i] * err.length) - 1);
                table.doubleColumn(i + 1).append(err[idx]);
            }
        }
        return table;
    }

    /**
     * Fig. 3 (forecast panel): RMSE of free forecasts of the known model started from each
     * method's estimate, against the truth, as a function of lead time. Forecasts start at
     * {@code starts} times evenly spaced in [burnIn, T−1−leadSteps] of one twin (the paper instead
     * averages over independent observation sets); the table gives the mean and standard
     * deviation over the starts.
     *
     * @param starts number of forecast start times, ≥ 1
     * @param leadSteps forecast length in observation times, in [1, T−1−burnIn]
     * @param every lead-time spacing of the output in observation times, ≥ 1
     * @return columns "lead time" then "&lt;method&gt; mean" and "&lt;method&gt; std"
     */
    public static Figure forecastSkill(Twin twin, int burnIn, Map<String, DaResult> results, int starts, int leadSteps,
            int every) {
        Check.inRange("burnIn", burnIn, 0, twin.times() - 2);
        Check.inRange("leadSteps", leadSteps, 1, twin.times() - 1 - burnIn);
        Check.atLeast("starts", starts, 1);
        Check.atLeast("every", every, 1);
        if (twin.experiment().obsEvery() != 1) {
            throw new IllegalArgumentException("twin obsEvery = " + twin.experiment().obsEvery()
                    + ": forecastSkill needs observations at every model step (1)");
        }
        double[][] truth = twin.truth();
        int last = twin.times() - 1 - leadSteps;
        int[] t0 = new int[starts];
        for (int i = 0; i < starts; i++) {
            t0[i] = starts == 1 ? burnIn : burnIn + (int) Math.round((double) i * (last - burnIn) / (starts - 1));
        }
        int leads = leadSteps / every + 1;
        double[] leadTime = new double[leads];
        double dt = twin.experiment().obsInterval();
        for (int j = 0; j < leads; j++) {
            leadTime[j] = j * every * dt;
        }
        Table data = Table.create("CODA Fig. 3: forecast RMSE vs lead time", DoubleColumn.create("lead time", leadTime));
        Map<String, double[]> means = new LinkedHashMap<>();
        for (Map.Entry<String, DaResult> e : results.entrySet()) {
            double[][] est = bestEstimate(e.getValue());
            double[][] x0 = new double[starts][];
            for (int i = 0; i < starts; i++) {
                x0[i] = est[t0[i]];
            }
            double[][][] run = twin.experiment().rollout().simulate(x0, twin.experiment().parameters(), leadSteps, every);
            double[][][] ref = new double[starts][leads][];
            for (int i = 0; i < starts; i++) {
                for (int j = 0; j < leads; j++) {
                    ref[i][j] = truth[t0[i] + j * every];
                }
            }
            addSkill(data, means, e.getKey(), run, ref);
        }
        return Figure.of("CODA Fig. 3: forecast RMSE from each analysis", data,
                Charts.lines("forecast RMSE (mean over " + starts + " starts)", "lead time (MTU)", "RMSE", leadTime,
                        means));
    }

    /**
     * Fig. 3 (forecast panel) as in the paper: one forecast per independent observation set. Each
     * set is analysed by every method; the known model is run freely from the analysis at time
     * {@code start} and compared with the true trajectory continued from there. Mean and standard
     * deviation are over the sets.
     *
     * @param sets independent twins of the same experiment (≥ 1), each with more than {@code start} times
     * @param analysers method label → analysis {@code [T][nx]} of a twin
     * @param start analysis time the forecasts start from, in [0, T−1]
     * @param leadSteps forecast length in model steps, ≥ 1
     * @param every lead-time spacing of the output in model steps, ≥ 1
     * @return columns "lead time" then "&lt;method&gt; mean" and "&lt;method&gt; std"
     */
    public static Figure forecastSkillOverSets(List<Twin> sets, Map<String, Function<Twin, double[][]>> analysers,
            int start, int leadSteps, int every) {
        if (sets == null || sets.isEmpty()) {
            throw new IllegalArgumentException("sets: at least one twin required");
        }
        Check.inRange("start", start, 0, sets.get(0).times() - 1);
        Check.atLeast("leadSteps", leadSteps, 1);
        Check.atLeast("every", every, 1);
        int leads = leadSteps / every + 1;
        int n = sets.size();
        TwinExperiment exp = sets.get(0).experiment();
        double[] leadTime = new double[leads];
        for (int j = 0; j < leads; j++) {
            leadTime[j] = j * every * exp.obsInterval() / exp.obsEvery();
        }
        double[][] x0Truth = new double[n][];
        for (int i = 0; i < n; i++) {
            if (sets.get(i).times() <= start) {
                throw new IllegalArgumentException("sets[" + i + "]: " + sets.get(i).times() + " times, need > start = "
                        + start);
            }
            x0Truth[i] = sets.get(i).truthAt(start);
        }
        double[][][] truth = exp.rollout().simulate(x0Truth, exp.parameters(), leadSteps, every);
        Table data = Table.create("CODA Fig. 3: forecast RMSE vs lead time over " + n + " observation sets",
                DoubleColumn.create("lead time", leadTime));
        Map<String, double[]> means = new LinkedHashMap<>();
        for (Map.Entry<String, Function<Twin, double[][]>> e : analysers.entrySet()) {
            double[][] x0 = new double[n][];
            Function<Twin, double[][]> analyser = e.getValue();
            // The sets are independent: analysed in parallel (the common pool; results in set order).
            java.util.stream.IntStream.range(0, n).parallel().forEach(i -> x0[i] = analyser.apply(sets.get(i))[start]);
            addSkill(data, means, e.getKey(), exp.rollout().simulate(x0, exp.parameters(), leadSteps, every), truth);
        }
        return Figure.of("CODA Fig. 3: forecast RMSE over independent observation sets", data,
                Charts.lines("forecast RMSE (mean over " + n + " observation sets)", "lead time (MTU)", "RMSE",
                        leadTime, means));
    }

    /**
     * Adds "&lt;name&gt; mean" and "&lt;name&gt; std" of the RMSE of {@code run} against {@code ref}
     * (both {@code [start][lead][nx]}) over the starts, and records the mean curve.
     */
    private static void addSkill(Table data, Map<String, double[]> means, String name, double[][][] run,
            double[][][] ref) {
        int n = run.length;
        int leads = run[0].length;
        double[] mean = new double[leads];
        double[] std = new double[leads];
        for (int j = 0; j < leads; j++) {
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double r = DaResult.rmse(run[i][j], ref[i][j]);
                sum += r;
                sq += r * r;
            }
            mean[j] = sum / n;
            std[j] = Math.sqrt(Math.max(0, sq / n - mean[j] * mean[j]));
        }
        data.addColumns(DoubleColumn.create(name + " mean", mean), DoubleColumn.create(name + " std", std));
        means.put(name, mean);
    }

    /** Absolute errors of an estimate over times t ≥ burnIn, flattened. */
    static double[] absoluteErrors(double[][] estimate, double[][] truth, int burnIn) {
        int nx = truth[0].length;
        double[] err = new double[(truth.length - burnIn) * nx];
        int i = 0;
        for (int t = burnIn; t < truth.length; t++) {
            for (int k = 0; k < nx; k++) {
                err[i++] = Math.abs(estimate[t][k] - truth[t][k]);
            }
        }
        return err;
    }

    /** F(x) = fraction of values ≤ x, for each grid point. */
    static double[] cdfOnGrid(double[] values, double[] grid) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        double[] f = new double[grid.length];
        int j = 0;
        for (int i = 0; i < grid.length; i++) {
            while (j < v.length && v[j] <= grid[i]) {
                j++;
            }
            f[i] = (double) j / v.length;
        }
        return f;
    }

    /** The smoother estimate when the method has one, else the filter analysis. */
    static double[][] bestEstimate(DaResult r) {
        return r.smootherMean().orElseGet(r::analysisMean);
    }

    private static double[][] head(double[][] a, int n) {
        double[][] h = new double[n][];
        for (int t = 0; t < n; t++) {
            h[t] = a[t].clone();
        }
        return h;
    }
}
