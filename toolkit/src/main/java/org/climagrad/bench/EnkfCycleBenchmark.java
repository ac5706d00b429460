package org.climagrad.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.climagrad.da.DaMethod;
import org.climagrad.da.Enkf;
import org.climagrad.da.EnkfUpdate;
import org.climagrad.da.Localization;
import org.climagrad.obs.Climatology;
import org.climagrad.obs.Twin;
import org.climagrad.papers.CodaBaselines;

/**
 * Cost of one EnKF analysis cycle (forecast of N members one RK4 step through the tensor path +
 * analysis) at the CODA setting (K = 40, dt = 0.01, 75 % missing, σ = 1), per analysis flavour,
 * reported in ms per cycle and as a ratio to the forecast alone (one batched {@code
 * Rollout.advance} of the ensemble per step, measured in the same process, after a JIT warm-up of
 * every path). Arguments of {@link #main}: cycles (default 2000), ensemble size (default 40).
 */
public final class EnkfCycleBenchmark {
    private EnkfCycleBenchmark() {}

    /** One measured method: wall-clock ms per cycle and its ratio to the forecast alone. */
    public record Row(String method, double msPerCycle, double ratioToForecast) {}

    /**
     * Measures the forecast alone (first row) and five filters: PertObs, DEnKF, Sqrt without
     * localisation, PertObs and Sqrt (the LETKF) with Gaspari–Cohn c = 8.
     *
     * @param cycles analysis cycles timed per method, ≥ 10
     * @param members ensemble size N, ≥ 2
     */
    public static List<Row> measure(int cycles, int members) {
        if (cycles < 10) {
            throw new IllegalArgumentException("cycles = " + cycles + ": must be >= 10");
        }
        if (members < 2) {
            throw new IllegalArgumentException("members = " + members + ": must be >= 2");
        }
        Twin twin = CodaBaselines.experiment(cycles, 1).generate();
        Climatology clim = CodaBaselines.climatology(2);
        forecastMs(twin, clim, members, cycles); // JIT warm-up
        double forecast = forecastMs(twin, clim, members, cycles);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("forecast only (baseline)", forecast, 1.0));
        DaMethod[] methods = {
            build(new EnkfUpdate.PertObs(), members, null, clim), build(new EnkfUpdate.DEnKF(), members, null, clim),
            build(new EnkfUpdate.Sqrt(), members, null, clim),
            build(new EnkfUpdate.PertObs(), members, new Localization.GaspariCohn(8), clim),
            build(new EnkfUpdate.Sqrt(), members, new Localization.GaspariCohn(8), clim)};
        Twin warm = CodaBaselines.experiment(Math.max(cycles / 4, 10), 3).generate();
        for (DaMethod m : methods) {
            m.assimilate(warm);
        }
        for (DaMethod m : methods) {
            long t0 = System.nanoTime();
            m.assimilate(twin);
            double ms = (System.nanoTime() - t0) / 1e6 / cycles;
            rows.add(new Row(m.toString(), ms, ms / forecast));
        }
        return rows;
    }

    /** Prints {@link #measure}. */
    public static void print(List<Row> rows, int cycles, int members) {
        System.out.printf(Locale.ROOT, "EnKF cycle at the CODA setting: K = 40, N = %d, %d cycles%n", members, cycles);
        System.out.printf(Locale.ROOT, "  %-45s %10s %8s%n", "method", "ms/cycle", "ratio");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "  %-45s %10.3f %8.2f%n", r.method(), r.msPerCycle(), r.ratioToForecast());
        }
    }

    /** Entry point. */
    public static void main(String[] args) {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        print(measure(cycles, n), cycles, n);
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
