package org.climagrad.da;

import java.util.ArrayDeque;
import java.util.Random;
import org.climagrad.dynamics.Rollout;
import org.climagrad.obs.Twin;

/**
 * The forecast–analysis cycle of the ensemble filter and smoother (DAPPER's {@code EnKF} and
 * {@code EnKS}; Evensen 2009, ch. 9). At observation time t: forecast all members obsEvery model
 * steps in one batched {@link Rollout#advance} (t &gt; 0), analyse ({@link Analysis}), apply the same
 * increment to the stored ensembles of times t−L..t−1, then inflate the analysis anomalies of time
 * t only. The ensemble of time t−L leaves the lag window after the analysis of time t and is the
 * smoother estimate there; the last L times get fewer updates.
 */
final class EnsembleCycle {
    private EnsembleCycle() {}

    /**
     * Runs the cycle.
     *
     * @param config settings
     * @param lag L ≥ 0 observation times; the smoother columns equal the filter at L = 0
     * @param withSmoother whether the result carries the smoother estimate
     * @param name description for the result
     */
    static DaResult run(EnsembleConfig config, int lag, boolean withSmoother, String name, Twin twin) {
        TwinChecks.require(twin, config.nx(), config.initialEnsemble() != null ? "initialEnsemble" : "climatology");
        Rollout rollout = twin.experiment().rollout();
        double[] theta = twin.experiment().parameters();
        int every = twin.experiment().obsEvery();
        int times = twin.times();
        Random rng = new Random(config.seed());
        double[][] ens = config.prior(rng);
        double[][] filter = new double[times][];
        double[] filterSpread = new double[times];
        double[][] smoother = new double[times][];
        double[] smootherSpread = new double[times];
        ArrayDeque<double[][]> window = new ArrayDeque<>();
        int oldest = 0;
        for (int t = 0; t < times; t++) {
            if (t > 0) {
                ens = rollout.advance(ens, theta, every);
            }
            ObsView obs = ObsView.at(twin.observations(), t);
            Increment inc = Analysis.of(config.update(), ens, obs, config.localization(), rng);
            if (lag > 0 && obs.size() > 0) {
                ArrayDeque<double[][]> updated = new ArrayDeque<>(window.size());
                for (double[][] past : window) {
                    updated.addLast(inc.apply(past));
                }
                window = updated;
            }
            ens = inc.apply(ens);
            if (config.inflation() != 1) {
                ens = Ensembles.inflate(ens, config.inflation());
            }
            filter[t] = Ensembles.mean(ens);
            filterSpread[t] = Ensembles.spread(ens);
            if (lag == 0) {
                smoother[t] = filter[t];
                smootherSpread[t] = filterSpread[t];
                continue;
            }
            if (window.size() == lag) {
                double[][] done = window.removeFirst();
                smoother[oldest] = Ensembles.mean(done);
                smootherSpread[oldest] = Ensembles.spread(done);
                oldest++;
            }
            window.addLast(ens);
        }
        for (double[][] done : window) {
            smoother[oldest] = Ensembles.mean(done);
            smootherSpread[oldest] = Ensembles.spread(done);
            oldest++;
        }
        double interval = twin.experiment().obsInterval();
        return withSmoother
                ? DaResult.score(name, interval, twin.truth(), filter, filterSpread, smoother, smootherSpread)
                : DaResult.score(name, interval, twin.truth(), filter, filterSpread, null, null);
    }
}
