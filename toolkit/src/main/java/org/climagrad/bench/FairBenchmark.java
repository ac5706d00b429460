package org.climagrad.bench;

import java.util.List;
import java.util.Locale;
import org.climagrad.papers.Smith2024;
import org.climagrad.scm.Fair;
import org.climagrad.scm.FairEnsemble;
import org.climagrad.scm.FairScenario;

/**
 * Issue 20's FaIR benchmark, the toolkit's side: one 751-year run of the species model (one
 * member, medium-extension; best of 20 after a warm-up) and the calibrated ensemble (841 members ×
 * 7 pathways, 1750-2500, deterministic) on 1 thread and on all cores, with the heap in use after
 * the ensemble. {@code bash binder/climagrad.sh bench scm} runs FaIR itself in the same script and
 * prints the ratios. Prints {@code scm-toolkit single s}, {@code scm-toolkit ensemble s} lines.
 */
public final class FairBenchmark {
    private FairBenchmark() {}

    /** Entry point (no arguments). */
    public static void main(String[] args) {
        Smith2024.Calibration c = Smith2024.calibration();
        FairScenario medium = c.pathways().get("medium-extension");
        Fair one = Fair.builder().setSpecies(c.species()).setMember(c.members().get(0)).build();
        double sink = 0;
        for (int i = 0; i < 200; i++) {
            sink += one.run(medium).surfaceTemperature(300);
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 20; r++) {
            long t0 = System.nanoTime();
            sink += Fair.builder().setSpecies(c.species()).setMember(c.members().get(r)).build().run(medium)
                    .surfaceTemperature(300);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "scm-toolkit single s %.5f%n", best);
        double[] weights = new double[medium.years() + 1];
        java.util.Arrays.fill(weights, 2081 - 1750, 2101 - 1750, 1.0 / 20);
        for (int i = 0; i < 50; i++) {
            sink += one.gradient(medium, weights).value();
        }
        double bestGradient = Double.MAX_VALUE;
        for (int r = 0; r < 20; r++) {
            long t0 = System.nanoTime();
            sink += one.gradient(medium, weights).emission(270, 0);
            bestGradient = Math.min(bestGradient, (System.nanoTime() - t0) / 1e9);
        }
        double bestForward = Double.MAX_VALUE;
        for (int r = 0; r < 20; r++) {
            long t0 = System.nanoTime();
            sink += one.run(medium).surfaceTemperature(300);
            bestForward = Math.min(bestForward, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "scm-toolkit forward+gradient s %.5f, forward s %.5f, ratio %.2f "
                + "(d mean warming 2081-2100 / d every emission)%n", bestGradient, bestForward, bestGradient / bestForward);
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            System.gc();
            FairEnsemble.Result r = FairEnsemble.builder().setSpecies(c.species()).setMembers(c.members())
                    .setScenarios(List.copyOf(c.pathways().values())).optThreads(threads).build().run();
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "scm-toolkit ensemble s %.2f (threads %d, %d runs, heap in use %.0f MB)%n",
                    r.seconds(), threads, r.members() * c.pathways().size(), (rt.totalMemory() - rt.freeMemory()) / 1e6);
            sink += r.table().rowCount();
        }
        if (Double.isNaN(sink)) {
            System.out.println(sink);
        }
    }
}
