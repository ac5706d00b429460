package org.climagrad.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.climagrad.core.Devices;
import org.climagrad.scenario.Cmip7;
import org.climagrad.scenario.Scenario;
import org.climagrad.scm.Scm;
import org.climagrad.scm.ScmParameters;
import org.climagrad.scm.ScmRunner;

/**
 * Issue 4's SCM benchmark: forward and forward+gradient (∂ mean warming / ∂ emissions and θ) time
 * of a 751-year run (1750-2500) for one scenario and for a batch of 100, and the ratio
 * gradient/forward (target: about 3 or less). Run with {@code bash binder/climagrad.sh bench scm}.
 */
public final class ScmBenchmark {
    private ScmBenchmark() {}

    /**
     * Seconds per forward and per forward+backward run.
     *
     * @param batch scenarios in the batch
     * @param forward seconds per forward run
     * @param gradient seconds per forward + backward run
     */
    public record Result(int batch, double forward, double gradient) {
        /** gradient / forward. */
        public double ratio() {
            return gradient / forward;
        }
    }

    /** Median of {@code repeats} timed runs after one warm-up. */
    public static Result measure(int batch, int repeats) {
        Scenario s = Cmip7.scenario(Cmip7.Pathway.MEDIUM_EXTENSION);
        List<Scenario> scenarios = Collections.nCopies(batch, s);
        double[] f = new double[repeats];
        double[] g = new double[repeats];
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDArray e = ScmRunner.emissions(m, scenarios);
            NDArray theta = ScmParameters.tensor(m, List.of(ScmParameters.ar6()));
            for (int r = -1; r < repeats; r++) {
                try (NDManager sm = m.newSubManager()) {
                    NDArray ee = e.duplicate();
                    ee.attach(sm);
                    long t0 = System.nanoTime();
                    Scm.forward(ee, theta, null).temperature().mean().getDouble();
                    long t1 = System.nanoTime();
                    ee.setRequiresGradient(true);
                    try (GradientCollector gc = sm.getEngine().newGradientCollector()) {
                        gc.backward(Scm.forward(ee, theta, null).temperature().mean());
                    }
                    ee.getGradient().toDoubleArray();
                    long t2 = System.nanoTime();
                    if (r >= 0) {
                        f[r] = (t1 - t0) / 1e9;
                        g[r] = (t2 - t1) / 1e9;
                    }
                }
            }
        }
        java.util.Arrays.sort(f);
        java.util.Arrays.sort(g);
        return new Result(batch, f[repeats / 2], g[repeats / 2]);
    }

    /** Entry point: optional number of repeats (default 5). */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf(Locale.ROOT, "SCM benchmark: device %s, %d cores, 751 years (1750-2500), float64%n",
                Devices.preferred(), Runtime.getRuntime().availableProcessors());
        for (int batch : new int[] {1, 100}) {
            Result r = measure(batch, repeats);
            System.out.printf(Locale.ROOT, "  batch %3d: forward %.3f s, forward+gradient %.3f s, ratio %.2f%n", batch,
                    r.forward(), r.gradient(), r.ratio());
        }
    }
}
