package org.climagrad.bench;

import java.util.Locale;
import org.climagrad.core.Devices;

/**
 * The foundation's performance report in one run: Lorenz-96 ensemble forecast throughput
 * (N = 40, K = 40, member-steps per second through the differentiable tensor path, with the
 * plain-Java baseline) and ms per EnKF analysis cycle at the CODA setting. Not a test: numbers
 * depend on the machine. Run with {@code bash binder/climagrad.sh bench}.
 */
public final class Benchmarks {
    private Benchmarks() {}

    /** Entry point: no arguments. */
    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "climagrad benchmarks: device %s, %d cores, Java %s%n", Devices.preferred(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Lorenz96Throughput.Result r = Lorenz96Throughput.measure(40, 40, 4000);
        System.out.printf(Locale.ROOT, "L96 ensemble forecast, N = %d, K = %d, RK4, float64%n", r.members(), r.nx());
        System.out.printf(Locale.ROOT, "  tensor path : %,.0f member-steps/s%n", r.tensorMemberStepsPerSecond());
        System.out.printf(Locale.ROOT, "  plain Java  : %,.0f member-steps/s (baseline, same process)%n",
                r.plainMemberStepsPerSecond());
        System.out.printf(Locale.ROOT, "  ratio tensor/plain: %.3f%n", r.ratio());
        int cycles = 2000;
        EnkfCycleBenchmark.print(EnkfCycleBenchmark.measure(cycles, 40), cycles, 40);
    }
}
