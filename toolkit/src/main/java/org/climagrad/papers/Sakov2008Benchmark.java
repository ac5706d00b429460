package org.climagrad.papers;

import java.util.Locale;

/**
 * Runs {@link Sakov2008} on a long twin and prints method, measured time-mean analysis RMSE and
 * DAPPER's value. Arguments: observation times T (default 20 000), burn-in (default 1000), seed (default 2008).
 */
public final class Sakov2008Benchmark {
    private Sakov2008Benchmark() {}

    /** Entry point. */
    public static void main(String[] args) {
        int times = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int burnIn = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2008;
        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "Sakov & Oke 2008 / DAPPER sakov2008.py: T = %d, burn-in = %d%n", times, burnIn);
        System.out.printf(Locale.ROOT, "%-30s %10s %10s %8s%n", "method", "rmse.a", "DAPPER", "ratio");
        for (Sakov2008.Row r : Sakov2008.run(times, burnIn, seed)) {
            System.out.printf(Locale.ROOT, "%-30s %10.3f %10.2f %8.3f%n", r.name(), r.measuredRmse(), r.expectedRmse(),
                    r.ratio());
        }
        System.out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
