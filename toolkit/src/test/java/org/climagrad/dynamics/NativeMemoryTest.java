package org.climagrad.dynamics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Long loops must not grow native memory: 2,000 rollout + backward iterations, each in a scoped
 * sub-manager as the toolkit's trainers do. Bound: the lowest resident set over iterations 1,400-2,000
 * exceeds the lowest over 200-800 by at most 64 MiB (sampled after a GC every 100 iterations: a
 * single sample swings by ±50 MiB with the allocator and the GC, a leak raises the floor; a leak of
 * one 20-step rollout graph per iteration would add several hundred MiB).
 */
class NativeMemoryTest {
    private static final long BOUND_KIB = 64 * 1024;

    @Test
    void rolloutAndBackwardLoopDoesNotGrowResidentSet() throws IOException {
        Rollout r = Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0.01).build();
        Random rng = new Random(1);
        double[] x0 = new double[16 * 40];
        for (int i = 0; i < x0.length; i++) {
            x0[i] = 8 * rng.nextDouble();
        }
        long early = Long.MAX_VALUE; // lowest resident set of iterations 200-800
        long late = Long.MAX_VALUE;  // lowest of iterations 1,400-2,000
        try (NDManager root = NDManager.newBaseManager()) {
            for (int it = 0; it < 2000; it++) {
                try (NDManager m = root.newSubManager()) {
                    NDArray x = m.create(x0, new Shape(16, 40));
                    NDArray f = m.create(new double[] {8});
                    x.setRequiresGradient(true);
                    f.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(r.run(x, f, 20).square().mean());
                    }
                    x.getGradient().toDoubleArray();
                }
                if (it % 100 == 99 && it >= 199) {
                    System.gc();
                    long rss = residentKib();
                    if (it <= 799) {
                        early = Math.min(early, rss);
                    } else if (it >= 1399) {
                        late = Math.min(late, rss);
                    }
                }
            }
        }
        System.out.println("NativeMemoryTest: lowest resident set " + early + " KiB over iterations 200-800, " + late
                + " KiB over 1,400-2,000");
        assertTrue(late - early < BOUND_KIB,
                "resident set floor grew by " + (late - early) + " KiB over 1,200 iterations (bound " + BOUND_KIB + ")");
    }

    static long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
