package org.climagrad.bench;

import java.util.Locale;
import org.climagrad.da.DaMethod;
import org.climagrad.da.Enkf;
import org.climagrad.da.EnkfUpdate;
import org.climagrad.da.Localization;
import org.climagrad.obs.Climatology;
import org.climagrad.obs.Twin;
import org.climagrad.papers.CodaBaselines;

/**
 * Cost of one EnKF analysis cycle (forecast of N = 40 members one RK4 step + analysis) at the CODA
 * setting (K = 40, dt = 0.01, 75 % missing, σ = 1), per analysis flavour, reported in ms per cycle
 * and as a ratio to the forecast alone (one batched {@code Rollout.advance} of the ensemble per
 * step, measured in the same process, after a JIT warm-up of every path). Arguments: cycles (default 2000), ensemble size (default 40).
 */
public final class EnkfCycleBenchmark {
    private EnkfCycleBenchmark() {}

    /** Entry point. */
    public static void main(String[] args) {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Twin twin = CodaBaselines.experiment(cycles, 1).generate();
        Climatology clim = CodaBaselines.climatology(2);
        forecastMs(twin, clim, n, cycles); // JIT warm-up
        double forecast = forecastMs(twin, clim, n, cycles);
        System.out.printf(Locale.ROOT, "EnKF cycle at the CODA setting: K = 40, N = %d, %d cycles%n", n, cycles);
        System.out.printf(Locale.ROOT, "%-45s %10s %8s%n", "method", "ms/cycle", "ratio");
        System.out.printf(Locale.ROOT, "%-45s %10.3f %8.2f%n", "forecast only (baseline)", forecast, 1.0);
        DaMethod[] methods = {
            build(new EnkfUpdate.PertObs(), n, null, clim), build(new EnkfUpdate.DEnKF(), n, null, clim),
            build(new EnkfUpdate.Sqrt(), n, null, clim),
            build(new EnkfUpdate.PertObs(), n, new Localization.GaspariCohn(8), clim),
            build(new EnkfUpdate.Sqrt(), n, new Localization.GaspariCohn(8), clim)};
        Twin warm = CodaBaselines.experiment(Math.max(cycles / 4, 10), 3).generate();
        for (DaMethod m : methods) {
            m.assimilate(warm);
        }
        for (DaMethod m : methods) {
            long t0 = System.nanoTime();
            m.assimilate(twin);
            double ms = (System.nanoTime() - t0) / 1e6 / cycles;
            System.out.printf(Locale.ROOT, "%-45s %10.3f %8.2f%n", m, ms, ms / forecast);
        }
    }

    private static Enkf build(EnkfUpdate u, int n, Localization loc, Climatology clim) {
        return Enkf.builder().setUpdate(u).setEnsembleSize(n).optInflation(1.002).optLocalization(loc)
                .setClimatology(clim).optSeed(4).build();
    }

    /** ms per one-step batched forecast of an N-member ensemble. */
    private static double forecastMs(Twin twin, Climatology clim, int n, int cycles) {
        double[][] e = java.util.Arrays.copyOf(clim.samples(), n);
        double[] theta = twin.experiment().parameters();
        var rollout = twin.experiment().rollout();
        for (int i = 0; i < cycles / 10; i++) {
            e = rollout.advance(e, theta, 1);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < cycles; i++) {
            e = rollout.advance(e, theta, 1);
        }
        return (System.nanoTime() - t0) / 1e6 / cycles;
    }
}
