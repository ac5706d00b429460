package org.climagrad.da;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import org.climagrad.core.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of one {@link DaMethod} on one twin: the filter (analysis) estimate at every
 * observation time, the smoother estimate where the method has one, their spreads and their RMSE
 * against the truth. Immutable; getters return copies. Shapes {@code [time][nx]}, time = index of
 * the observation time (0..T−1), model time t·obsInterval.
 *
 * <p>RMSE at time t: sqrt((1/nx) Σ_i (x̂_ti − x_ti)²) (DAPPER's {@code rmse}); spread: sqrt of the
 * mean estimated error variance (DAPPER's {@code rmv}). The mean RMSE after a burn-in is the time
 * average of the per-time RMSE over t ≥ burnIn.
 */
public final class DaResult {
    private final String method;
    private final double obsInterval;
    private final double[][] filter;
    private final double[] filterSpread;
    private final double[] filterRmse;
    private final double[][] smoother;
    private final double[] smootherSpread;
    private final double[] smootherRmse;

    private DaResult(String method, double obsInterval, double[][] truth, double[][] filter, double[] filterSpread,
            double[][] smoother, double[] smootherSpread) {
        this.method = method;
        this.obsInterval = obsInterval;
        this.filter = deepCopy(filter);
        this.filterSpread = filterSpread.clone();
        this.filterRmse = rmse(filter, truth);
        this.smoother = smoother == null ? null : deepCopy(smoother);
        this.smootherSpread = smoother == null ? null : smootherSpread.clone();
        this.smootherRmse = smoother == null ? null : rmse(smoother, truth);
    }

    /**
     * Scores the estimates of a method against the truth.
     *
     * @param method a description of the method and its settings
     * @param obsInterval model time between observation times
     * @param truth {@code [time][nx]}
     * @param filter filter (analysis) estimate {@code [time][nx]}
     * @param filterSpread {@code [time]}
     * @param smoother smoother estimate {@code [time][nx]}, or null
     * @param smootherSpread {@code [time]}, or null
     */
    public static DaResult score(String method, double obsInterval, double[][] truth, double[][] filter,
            double[] filterSpread, double[][] smoother, double[] smootherSpread) {
        Check.columns("filter", filter, truth[0].length);
        if (filter.length != truth.length || filterSpread.length != truth.length) {
            throw new IllegalArgumentException("filter has " + filter.length + " times and filterSpread "
                    + filterSpread.length + ": both must equal the truth's " + truth.length);
        }
        if (smoother != null && (smoother.length != truth.length || smootherSpread.length != truth.length)) {
            throw new IllegalArgumentException("smoother has " + smoother.length + " times: must equal the truth's "
                    + truth.length);
        }
        return new DaResult(method, obsInterval, truth, filter, filterSpread, smoother, smootherSpread);
    }

    /** The method and its settings. */
    public String method() {
        return method;
    }

    /** Number of observation times T. */
    public int times() {
        return filter.length;
    }

    /** Model time between observation times. */
    public double obsInterval() {
        return obsInterval;
    }

    /** State size nx. */
    public int nx() {
        return filter[0].length;
    }

    /** Filter (analysis) mean {@code [time][nx]} (a copy; in loops use {@link #analysisMean(int, int)}). */
    public double[][] analysisMean() {
        return deepCopy(filter);
    }

    /** The filter (analysis) mean of variable {@code k} at observation time {@code time}, without copying. */
    public double analysisMean(int time, int k) {
        return filter[time][k];
    }

    /** Filter spread {@code [time]} (a copy; in loops use {@link #spread(int)}). */
    public double[] spread() {
        return filterSpread.clone();
    }

    /** The filter spread at observation time {@code time}. */
    public double spread(int time) {
        return filterSpread[time];
    }

    /** Filter RMSE vs truth {@code [time]} (a copy; in loops use {@link #rmse(int)}). */
    public double[] rmse() {
        return filterRmse.clone();
    }

    /** The filter RMSE vs truth at observation time {@code time}. */
    public double rmse(int time) {
        return filterRmse[time];
    }

    /** Whether the method smooths (the smoother getters are then non-empty). */
    public boolean hasSmoother() {
        return smoother != null;
    }

    /**
     * The smoother mean of variable {@code k} at observation time {@code time}, without copying.
     *
     * @throws IllegalStateException when the method does not smooth
     */
    public double smootherMean(int time, int k) {
        if (smoother == null) {
            throw new IllegalStateException(method + ": no smoother estimate");
        }
        return smoother[time][k];
    }

    /** Smoother mean {@code [time][nx]}, if the method smooths (a copy). */
    public Optional<double[][]> smootherMean() {
        return Optional.ofNullable(smoother).map(DaResult::deepCopy);
    }

    /** Smoother spread {@code [time]}, if the method smooths (a copy). */
    public Optional<double[]> smootherSpread() {
        return Optional.ofNullable(smootherSpread).map(double[]::clone);
    }

    /** Smoother RMSE vs truth {@code [time]}, if the method smooths (a copy). */
    public Optional<double[]> smootherRmse() {
        return Optional.ofNullable(smootherRmse).map(double[]::clone);
    }

    /** Time-mean filter RMSE over times t ≥ burnIn (0 ≤ burnIn &lt; T). */
    public double meanRmse(int burnIn) {
        return average(filterRmse, burnIn);
    }

    /** Time-mean filter spread over times t ≥ burnIn. */
    public double meanSpread(int burnIn) {
        return average(filterSpread, burnIn);
    }

    /** Time-mean smoother RMSE over times t ≥ burnIn, if the method smooths. */
    public OptionalDouble meanSmootherRmse(int burnIn) {
        return smootherRmse == null ? OptionalDouble.empty() : OptionalDouble.of(average(smootherRmse, burnIn));
    }

    /**
     * One row per observation time: {@code time index}, {@code model time}, {@code rmse filter},
     * {@code spread filter}, and where the method smooths {@code rmse smoother}, {@code spread smoother}.
     */
    public Table table() {
        int[] idx = new int[times()];
        double[] time = new double[times()];
        for (int t = 0; t < idx.length; t++) {
            idx[t] = t;
            time[t] = t * obsInterval;
        }
        Table table = Table.create(method, IntColumn.create("time index", idx), DoubleColumn.create("model time", time),
                DoubleColumn.create("rmse filter", filterRmse), DoubleColumn.create("spread filter", filterSpread));
        if (smoother != null) {
            table.addColumns(DoubleColumn.create("rmse smoother", smootherRmse),
                    DoubleColumn.create("spread smoother", smootherSpread));
        }
        return table;
    }

    @Override
    public String toString() {
        return method + ": T = " + times() + ", mean rmse (second half) = " + meanRmse(times() / 2);
    }

    private double average(double[] v, int burnIn) {
        Check.inRange("burnIn", burnIn, 0, v.length - 1);
        double s = 0;
        for (int t = burnIn; t < v.length; t++) {
            s += v[t];
        }
        return s / (v.length - burnIn);
    }

    private static double[] rmse(double[][] estimate, double[][] truth) {
        double[] r = new double[truth.length];
        for (int t = 0; t < truth.length; t++) {
            r[t] = rmse(estimate[t], truth[t]);
        }
        return r;
    }

    /** Root-mean-square difference of two states of the same length, sqrt(mean_k (a_k − b_k)²). */
    public static double rmse(double[] estimate, double[] truth) {
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            double e = estimate[i] - truth[i];
            s += e * e;
        }
        return Math.sqrt(s / truth.length);
    }

    private static double[][] deepCopy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }
}
