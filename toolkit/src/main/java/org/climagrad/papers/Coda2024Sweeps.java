package org.climagrad.papers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.climagrad.coda.CodaLoss;
import org.climagrad.coda.CodaModel;
import org.climagrad.coda.CodaNet;
import org.climagrad.coda.CodaTrainer;
import ai.djl.nn.Block;
import org.climagrad.core.AtomicFiles;
import org.climagrad.core.Check;
import org.climagrad.da.DaResult;
import org.climagrad.obs.Observations;
import org.climagrad.obs.Twin;
import tech.tablesaw.api.Table;

/**
 * The CPU campaigns behind Figs. 4a and 5 of Zinchenko &amp; Greenberg (2024), made to run for an
 * hour or two in the background and to resume where they stopped; their tables are shipped in
 * {@code datasets/coda/} and read by {@code Coda2024PaperTest}.
 *
 * <ul>
 *   <li>Fig. 4a: one network per (w, R) ∈ {(5, 5), (10, 10), (25, 25)} × α ∈ {0, 0.5, 1}, each
 *       a {@link Coda2024Training.Run} with the same number of gradient steps (an equal training
 *       budget), scored on held-out twins of new seeds;
 *   <li>Fig. 5: joint tuning of F for true F ∈ {4, …, 12} (seed 51) and five seeds at F = 8,
 *       from an initial F drawn within ±25 %, on observations only; F after every step and the
 *       analysis RMSE of a test twin with the true F.
 * </ul>
 *
 * <pre>
 *   java -cp ... org.climagrad.papers.Coda2024Sweeps fig4a FOLDER STEPS [T]
 *   java -cp ... org.climagrad.papers.Coda2024Sweeps fig5 FOLDER STEPS [W R T PARAMETER_LR [reverse]]
 *   java -cp ... org.climagrad.papers.Coda2024Sweeps subgrid FOLDER STEPS1 STEPS2 [CHANNELS T]
 * </pre>
 */
public final class Coda2024Sweeps {
    /** Encoder channels of every campaign network (the SMALL network of Fig. 3). */
    public static final int[] CHANNELS = {16, 32, 64};
    /** Seeds of the held-out twins that score the Fig. 4a networks. */
    public static final long[] HELD_OUT_SEEDS = {74_001, 74_002, 74_003};
    /** Observation times of each held-out twin. */
    public static final int HELD_OUT_TIMES = 1_050;
    /** The true forcings of Fig. 5. */
    public static final double[] FORCINGS = {4, 5, 6, 7, 8, 9, 10, 11, 12};
    /** Seeds of Fig. 5: the first for every F, all of them at F = 8. */
    public static final long[] SEEDS = {51, 52, 53, 54, 55};
    /** The initial F is drawn uniformly in F·[1 − s, 1 + s] with this s. */
    public static final double INITIAL_SPREAD = 0.25;

    private Coda2024Sweeps() {}

    /** One network of Fig. 4a. */
    public record Fig4aRun(int halfWidth, int rolloutSteps, double alpha) {
        /** Validates. */
        public Fig4aRun {
            Check.atLeast("halfWidth", halfWidth, 1);
            Check.atLeast("rolloutSteps", rolloutSteps, 1);
            Check.nonNegative("alpha", alpha);
        }

        /** Folder name of the run, e.g. {@code w10-R10-a0.5}. */
        public String folder() {
            return String.format(Locale.ROOT, "w%d-R%d-a%s", halfWidth, rolloutSteps, trim(alpha));
        }
    }

    /** The nine runs of Fig. 4a. */
    public static List<Fig4aRun> fig4aRuns() {
        List<Fig4aRun> runs = new ArrayList<>();
        for (int[] p : new int[][] {{5, 5}, {10, 10}, {25, 25}}) {
            for (double a : new double[] {0, 0.5, 1}) {
                runs.add(new Fig4aRun(p[0], p[1], a));
            }
        }
        return List.copyOf(runs);
    }

    /**
     * Fig. 4a: trains (or resumes) every run in {@code folder/<run>} for {@code steps} gradient
     * steps on a record of {@code trainTimes} times (seed 1), then scores each on the held-out
     * twins; {@code folder/fig4a.csv} is rewritten after every run with the runs finished so far.
     */
    public static void fig4a(Path folder, int steps, int trainTimes) {
        Check.atLeast("steps", steps, 1);
        StringBuilder csv = new StringBuilder("w,R,alpha,steps,wall_s,eval_rmse,heldout_rmse_mean,heldout_rmse_sd\n");
        List<Twin> heldOut = new ArrayList<>();
        for (long s : HELD_OUT_SEEDS) {
            heldOut.add(Coda2024Training.twin(HELD_OUT_TIMES, s));
        }
        for (Fig4aRun r : fig4aRuns()) {
            Path dir = folder.resolve(r.folder());
            Coda2024Training.Run run = new Coda2024Training.Run(CHANNELS, r.halfWidth(), r.rolloutSteps(), r.alpha(),
                    trainTimes, steps, 500, 1, 1e-3);
            double[] scores = new double[heldOut.size()];
            try (CodaModel m = Coda2024Training.train(run, dir)) {
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = Coda2024Training.rmse(m, heldOut.get(i));
                }
            }
            String[] last = lastLine(dir.resolve("curve.csv")).split(",");
            double mean = mean(scores);
            csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s,%.5f,%.5f%n", r.halfWidth(), r.rolloutSteps(),
                    trim(r.alpha()), last[0], last[1], last[2], mean, sd(scores, mean)));
            AtomicFiles.writeString(folder.resolve("fig4a.csv"), csv.toString());
            System.out.printf(Locale.ROOT, "fig4a %s: held-out RMSE %.4f%n", r.folder(), mean);
        }
    }

    /**
     * How the Fig. 5 networks are trained.
     *
     * @param halfWidth window half-width w
     * @param rolloutSteps rollout R
     * @param trainTimes observation times of each training twin (generated with the true F)
     * @param steps gradient steps per run
     * @param parameterLearningRate Adam learning rate of F (the paper: 1e-3)
     * @param evalEvery steps between the test-twin RMSE diagnostics
     */
    public record Fig5Plan(int halfWidth, int rolloutSteps, int trainTimes, int steps, double parameterLearningRate,
            int evalEvery) {
        /** Validates. */
        public Fig5Plan {
            Check.atLeast("halfWidth", halfWidth, 1);
            Check.atLeast("rolloutSteps", rolloutSteps, 1);
            Check.atLeast("trainTimes", trainTimes, 4 * (2 * halfWidth + rolloutSteps + 1));
            Check.atLeast("steps", steps, 1);
            Check.positive("parameterLearningRate", parameterLearningRate);
            Check.atLeast("evalEvery", evalEvery, 1);
        }

        /**
         * A builder: {@code setTrainTimes} and {@code setSteps} required; defaults w = 10, R = 10,
         * parameter learning rate 1e-3 (the paper's), diagnostics every 500 steps.
         */
        public static Builder builder() {
            return new Builder();
        }

        /** Builder of {@link Fig5Plan}; {@link #build()} validates and names the bad field. */
        public static final class Builder {
            private int halfWidth = 10;
            private int rolloutSteps = 10;
            private int trainTimes = -1;
            private int steps = -1;
            private double parameterLearningRate = 1e-3;
            private int evalEvery = 500;

            private Builder() {}

            /** Observation times of each training twin (required, ≥ 4·(2w + R + 1)). */
            public Builder setTrainTimes(int trainTimes) {
                this.trainTimes = trainTimes;
                return this;
            }

            /** Gradient steps per run, ≥ 1 (required). */
            public Builder setSteps(int steps) {
                this.steps = steps;
                return this;
            }

            /** Window half-width w ≥ 1 (default 10). */
            public Builder optHalfWidth(int halfWidth) {
                this.halfWidth = halfWidth;
                return this;
            }

            /** Rollout R ≥ 1 (default 10). */
            public Builder optRolloutSteps(int rolloutSteps) {
                this.rolloutSteps = rolloutSteps;
                return this;
            }

            /** Adam learning rate of F, &gt; 0 (default 1e-3, the paper's). */
            public Builder optParameterLearningRate(double rate) {
                this.parameterLearningRate = rate;
                return this;
            }

            /** Steps between the test-twin RMSE diagnostics, ≥ 1 (default 500). */
            public Builder optEvalEvery(int evalEvery) {
                this.evalEvery = evalEvery;
                return this;
            }

            /** Validates and builds. */
            public Fig5Plan build() {
                if (trainTimes < 0) {
                    throw new IllegalArgumentException("trainTimes: required (setTrainTimes)");
                }
                if (steps < 0) {
                    throw new IllegalArgumentException("steps: required (setSteps)");
                }
                return new Fig5Plan(halfWidth, rolloutSteps, trainTimes, steps, parameterLearningRate, evalEvery);
            }
        }
    }

    /** One run of Fig. 5. */
    public record Fig5Run(double trueF, long seed) {
        /** File name stem of the run, e.g. {@code F8-s51}. */
        public String name() {
            return "F" + trim(trueF) + "-s" + seed;
        }
    }

    /** The runs of Fig. 5: every F with the first seed, F = 8 with every seed. */
    public static List<Fig5Run> fig5Runs() {
        List<Fig5Run> runs = new ArrayList<>();
        for (double f : FORCINGS) {
            if (f == 8) {
                for (long s : SEEDS) {
                    runs.add(new Fig5Run(f, s));
                }
            } else {
                runs.add(new Fig5Run(f, SEEDS[0]));
            }
        }
        return List.copyOf(runs);
    }

    /**
     * Fig. 5: runs every tuning not yet in {@code folder/fig5-runs.csv}; each writes
     * {@code folder/fig5/<run>.csv} (step, F, test RMSE at the diagnostic steps) and then its row
     * (true F, seed, initial F, tuned F of the kept checkpoint, relative error, test RMSE of the
     * kept network, steps, wall seconds).
     */
    public static void fig5(Path folder, Fig5Plan plan) {
        fig5(folder, plan, fig5Runs());
    }

    /**
     * {@link #fig5(Path, Fig5Plan)} for the given runs, in their order (a second process can take
     * the list from the other end in another folder; the rows and traces then merge).
     */
    public static void fig5(Path folder, Fig5Plan plan, List<Fig5Run> order) {
        Path table = folder.resolve("fig5-runs.csv");
        try {
            Files.createDirectories(folder.resolve("fig5"));
            if (!Files.exists(table)) {
                Files.writeString(table, "trueF,seed,initialF,tunedF,relative_error,test_rmse,steps,wall_s\n");
            }
            List<String> done = Files.readAllLines(table);
            for (Fig5Run r : order) {
                String key = trim(r.trueF()) + "," + r.seed() + ",";
                if (done.stream().anyMatch(l -> l.startsWith(key))) {
                    continue;
                }
                String row = tune(folder, plan, r);
                Files.writeString(table, row, java.nio.file.StandardOpenOption.APPEND);
                System.out.print("fig5 " + row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + table, e);
        }
    }

    private static String tune(Path folder, Fig5Plan plan, Fig5Run r) {
        Twin twin = CodaBaselines.experiment(plan.trainTimes(), r.seed()).toBuilder().optParameters(r.trueF()).build()
                .generate();
        Twin test = CodaBaselines.experiment(HELD_OUT_TIMES, r.seed() + 500).toBuilder().optParameters(r.trueF())
                .build().generate();
        double initial = Coda2024Tuning.initialForcing(INITIAL_SPREAD, r.trueF(), r.seed());
        long t0 = System.nanoTime();
        CodaTrainer.Fit fit = CodaTrainer.builder().setNetwork(CodaNet.builder().optChannels(CHANNELS).build())
                .setLoss(CodaLoss.builder().setRollout(CodaBaselines.rollout()).setRolloutSteps(plan.rolloutSteps())
                        .build())
                .setHalfWidth(plan.halfWidth()).setParameters(initial)
                .optTuneParameters(plan.parameterLearningRate()).optBatchSize(16).optLearningRate(1e-3)
                .optValidationFraction(Coda2024.VALIDATION_FRACTION).optEpochs(1000).optPatience(Coda2024.PATIENCE)
                .optSeed(r.seed()).optMaxSteps(plan.steps()).optMonitorEvery(plan.evalEvery())
                .optMonitor(m -> Coda2024Training.rmse(m, test)).build().fit(twin.observations());
        double wall = (System.nanoTime() - t0) / 1e9;
        double[][] trace = fit.thetaTrace();
        double[] monitored = fit.monitor();
        StringBuilder csv = new StringBuilder("step,F,test_rmse\n");
        for (int i = 0; i < trace.length; i++) {
            int step = i + 1;
            boolean diag = step % plan.evalEvery() == 0 && step / plan.evalEvery() - 1 < monitored.length;
            if (step % 10 == 0 || diag || step == 1) {
                csv.append(String.format(Locale.ROOT, "%d,%.6f,%s%n", step, trace[i][0],
                        diag ? String.format(Locale.ROOT, "%.5f", monitored[step / plan.evalEvery() - 1]) : ""));
            }
        }
        AtomicFiles.writeString(folder.resolve("fig5").resolve(r.name() + ".csv"), csv.toString());
        double tuned = fit.theta()[0];
        double rmse;
        try (CodaModel m = fit.model()) {
            rmse = Coda2024Training.rmse(m, test);
        }
        return String.format(Locale.ROOT, "%s,%d,%.6f,%.6f,%.6f,%.5f,%d,%.1f%n", trim(r.trueF()), r.seed(), initial,
                tuned, Math.abs(tuned - r.trueF()) / r.trueF(), rmse, trace.length, wall);
    }

    /** Seed of the two-level training record of Figs. 6-7. */
    public static final long SUBGRID_SEED = 66;
    /** Seed of the two-level evaluation twin of the Figs. 6-7 learning curves. */
    public static final long SUBGRID_EVALUATION_SEED = 91_001;
    /** Seed of the fresh two-level run whose 1,000 initial conditions give Fig. 7b. */
    public static final long SUBGRID_FREE_RUN_SEED = 76_001;
    /** Seed of the held-out two-level twin of the Fig. 6 analysis table. */
    public static final long SUBGRID_TABLE_SEED = 77_001;

    /**
     * How the Figs. 6-7 networks are trained: first CODA with the truncated model, then, from that
     * network, CODA jointly with B_ψ (Sec. 4.4); α = 1, batch 16, Adam lr 1e-3.
     *
     * @param channels encoder channels (the paper's: 32/64/128)
     * @param halfWidth window half-width w
     * @param rolloutSteps rollout R
     * @param trainTimes observation times of the two-level training record
     * @param truncatedSteps gradient steps of the first phase
     * @param correctedSteps gradient steps of the second phase
     * @param evalEvery steps between checkpoints and learning-curve points
     */
    public record SubGridPlan(int[] channels, int halfWidth, int rolloutSteps, int trainTimes, int truncatedSteps,
            int correctedSteps, int evalEvery) {
        /** Validates and copies. */
        public SubGridPlan {
            channels = channels.clone();
            Check.atLeast("halfWidth", halfWidth, 1);
            Check.atLeast("rolloutSteps", rolloutSteps, 1);
            Check.atLeast("trainTimes", trainTimes, 4 * (2 * halfWidth + rolloutSteps + 1));
            Check.atLeast("truncatedSteps", truncatedSteps, 1);
            Check.atLeast("correctedSteps", correctedSteps, 1);
            Check.atLeast("evalEvery", evalEvery, 1);
        }

        /** The encoder channels (a copy). */
        @Override
        public int[] channels() {
            return channels.clone();
        }

        /**
         * A builder: {@code setTruncatedSteps} and {@code setCorrectedSteps} required; defaults
         * channels 32/64/128 (the paper's), w = 25, R = 25, 100 000 training times, checkpoints
         * every 500 steps.
         */
        public static Builder builder() {
            return new Builder();
        }

        /** Builder of {@link SubGridPlan}; {@link #build()} validates and names the bad field. */
        public static final class Builder {
            private int[] channels = {32, 64, 128};
            private int halfWidth = 25;
            private int rolloutSteps = 25;
            private int trainTimes = 100_000;
            private int truncatedSteps = -1;
            private int correctedSteps = -1;
            private int evalEvery = 500;

            private Builder() {}

            /** Gradient steps of the first phase (truncated model), ≥ 1 (required). */
            public Builder setTruncatedSteps(int steps) {
                this.truncatedSteps = steps;
                return this;
            }

            /** Gradient steps of the second phase (with B_ψ), ≥ 1 (required). */
            public Builder setCorrectedSteps(int steps) {
                this.correctedSteps = steps;
                return this;
            }

            /** Encoder channels (default 32/64/128, the paper's). */
            public Builder optChannels(int... channels) {
                this.channels = channels == null ? null : channels.clone();
                return this;
            }

            /** Window half-width w ≥ 1 (default 25). */
            public Builder optHalfWidth(int halfWidth) {
                this.halfWidth = halfWidth;
                return this;
            }

            /** Rollout R ≥ 1 (default 25). */
            public Builder optRolloutSteps(int rolloutSteps) {
                this.rolloutSteps = rolloutSteps;
                return this;
            }

            /** Observation times of the two-level training record, ≥ 4·(2w + R + 1) (default 100 000). */
            public Builder optTrainTimes(int trainTimes) {
                this.trainTimes = trainTimes;
                return this;
            }

            /** Steps between checkpoints and learning-curve points, ≥ 1 (default 500). */
            public Builder optEvalEvery(int evalEvery) {
                this.evalEvery = evalEvery;
                return this;
            }

            /** Validates and builds. */
            public SubGridPlan build() {
                if (channels == null || channels.length == 0) {
                    throw new IllegalArgumentException("channels: need at least one, got none");
                }
                if (truncatedSteps < 0) {
                    throw new IllegalArgumentException("truncatedSteps: required (setTruncatedSteps)");
                }
                if (correctedSteps < 0) {
                    throw new IllegalArgumentException("correctedSteps: required (setCorrectedSteps)");
                }
                return new SubGridPlan(channels, halfWidth, rolloutSteps, trainTimes, truncatedSteps, correctedSteps,
                        evalEvery);
            }
        }
    }

    /**
     * Figs. 6-7: phase 1 in {@code folder/truncated} (a resumable {@link Coda2024Training} run),
     * phase 2 in {@code folder/corrected} ({@code curve.csv}, {@code psi.params}: B_ψ, written
     * last; a phase 2 stopped before it restarts from phase 1's network), then the tables
     * {@code subgrid-analysis.csv} (OI, EnKS, both CODA networks on a held-out twin),
     * {@code fig7a-bins.csv} and {@code fig7b-free-runs.csv} (1,000 initial conditions).
     */
    public static void subGrid(Path folder, SubGridPlan plan) {
        Twin evaluation = Coda2024SubGrid.twin(HELD_OUT_TIMES, SUBGRID_EVALUATION_SEED).twin();
        Coda2024SubGrid.SubGridTwin[] training = new Coda2024SubGrid.SubGridTwin[1];
        java.util.function.Supplier<Observations> record = () -> {
            if (training[0] == null) {
                training[0] = Coda2024SubGrid.twin(plan.trainTimes(), SUBGRID_SEED);
            }
            return training[0].twin().observations();
        };
        Coda2024Training.Run first = new Coda2024Training.Run(plan.channels(), plan.halfWidth(), plan.rolloutSteps(), 1,
                plan.trainTimes(), plan.truncatedSteps(), plan.evalEvery(), SUBGRID_SEED, 1e-3);
        Path second = folder.resolve("corrected");
        Path psiFile = second.resolve("psi.params");
        try (CodaModel plain = Coda2024Training.train(first, folder.resolve("truncated"),
                () -> new Coda2024Training.Problem(Coda2024SubGrid.truncated(), new double[] {Coda2024SubGrid.F},
                        record.get(), m -> Coda2024Training.rmse(m, evaluation)));
                ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            Files.createDirectories(second);
            Block psi;
            CodaModel corrected;
            if (!Files.isRegularFile(psiFile)) {
                psi = Coda2024SubGrid.correctionNetwork();
                StringBuilder curve = new StringBuilder("step,wall_s,eval_rmse\n");
                long t0 = System.nanoTime();
                int[] step = {0};
                CodaTrainer.Fit fit = CodaTrainer.builder().setNetwork(first.network())
                        .setLoss(CodaLoss.builder().setRollout(Coda2024SubGrid.corrected(psi, true))
                                .setRolloutSteps(plan.rolloutSteps()).build())
                        .setHalfWidth(plan.halfWidth()).setParameters(Coda2024SubGrid.F).optCorrection(psi)
                        .optStartFrom(plain).optBatchSize(16).optLearningRate(1e-3)
                        .optValidationFraction(Coda2024.VALIDATION_FRACTION).optEpochs(1000)
                        .optPatience(Coda2024.PATIENCE).optSeed(SUBGRID_SEED + 1).optMaxSteps(plan.correctedSteps())
                        .optMonitorEvery(plan.evalEvery()).optMonitor(m -> {
                            step[0] += plan.evalEvery();
                            double r = Coda2024Training.rmse(m, evaluation);
                            curve.append(String.format(Locale.ROOT, "%d,%.1f,%.5f%n", step[0],
                                    (System.nanoTime() - t0) / 1e9, r));
                            AtomicFiles.writeString(second.resolve("curve.csv"), curve.toString());
                            System.out.printf(Locale.ROOT, "corrected step %d  eval RMSE %.4f%n", step[0], r);
                            return r;
                        }).build().fit(record.get());
                corrected = fit.model();
                corrected.save(second.resolve("model"));
                Coda2024SubGrid.saveCorrection(psi, psiFile);
            } else {
                try (var in = Files.newInputStream(psiFile)) {
                    psi = Coda2024SubGrid.loadCorrection(in, manager);
                }
                corrected = null;
            }
            subGridTables(folder, plain, corrected, psi);
            if (corrected != null) {
                corrected.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run folder " + folder, e);
        }
    }

    private static void subGridTables(Path folder, CodaModel plain, CodaModel corrected, Block psi) {
        Coda2024SubGrid.SubGridTwin table = Coda2024SubGrid.twin(2_000, SUBGRID_TABLE_SEED);
        Twin twin = table.twin();
        int burnIn = 200;
        var baselines = Coda2024SubGrid.baselines(twin, 1.02, SUBGRID_TABLE_SEED);
        java.util.Map<String, double[][]> estimates = new java.util.LinkedHashMap<>();
        estimates.put("OI", baselines.get("OI").analysisMean());
        estimates.put("EnKS", baselines.get("EnKS").smootherMean().orElseThrow());
        estimates.put("CODA (truncated model)", plain.analyseAll(twin.observations()));
        if (corrected != null) {
            estimates.put("CODA + learned B_psi", corrected.analyseAll(twin.observations()));
        }
        int w = plain.halfWidth();
        StringBuilder csv = new StringBuilder("method,rmse\n");
        for (var e : estimates.entrySet()) {
            double sum = 0;
            int n = 0;
            for (int t = Math.max(burnIn, w); t < twin.times() - w; t++) {
                sum += DaResult.rmse(e.getValue()[t], twin.truthAt(t));
                n++;
            }
            csv.append(String.format(Locale.ROOT, "%s,%.5f%n", e.getKey(), sum / n));
        }
        if (corrected != null) {
            AtomicFiles.writeString(folder.resolve("subgrid-analysis.csv"), csv.toString());
        }
        AtomicFiles.writeString(folder.resolve("fig7a-bins.csv"), Coda2024SubGrid.correctionBins(psi, table, burnIn)
                .write().toString("csv"));
        Table free = Coda2024SubGrid.figure7b(psi, 1_000, 500, SUBGRID_FREE_RUN_SEED).data();
        AtomicFiles.writeString(folder.resolve("fig7b-free-runs.csv"), free.write().toString("csv"));
        System.out.print(csv);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0;
    }

    private static String lastLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.get(lines.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** Command line: {@code fig4a FOLDER STEPS [T]} or {@code fig5 FOLDER STEPS [W R T PARAMETER_LR]}. */
    public static void main(String[] args) {
        if (args.length >= 4 && args[0].equals("subgrid")) {
            int[] channels = java.util.Arrays.stream((args.length > 4 ? args[4] : "32/64/128").split("/"))
                    .mapToInt(Integer::parseInt).toArray();
            subGrid(Path.of(args[1]), SubGridPlan.builder().optChannels(channels)
                    .optTrainTimes(args.length > 5 ? Integer.parseInt(args[5]) : 100_000)
                    .setTruncatedSteps(Integer.parseInt(args[2])).setCorrectedSteps(Integer.parseInt(args[3])).build());
            return;
        }
        if (args.length < 3 || !(args[0].equals("fig4a") || args[0].equals("fig5"))) {
            System.err.println("usage: Coda2024Sweeps fig4a FOLDER STEPS [T] | fig5 FOLDER STEPS [W R T PARAMETER_LR [reverse]] | "
                    + "subgrid FOLDER STEPS1 STEPS2 [CHANNELS T]");
            System.exit(2);
        }
        Path folder = Path.of(args[1]);
        int steps = Integer.parseInt(args[2]);
        if (args[0].equals("fig4a")) {
            fig4a(folder, steps, args.length > 3 ? Integer.parseInt(args[3]) : 100_000);
        } else {
            List<Fig5Run> order = new ArrayList<>(fig5Runs());
            if (args.length > 7 && args[7].equals("reverse")) {
                java.util.Collections.reverse(order);
            }
            fig5(folder, Fig5Plan.builder().optHalfWidth(args.length > 3 ? Integer.parseInt(args[3]) : 10)
                    .optRolloutSteps(args.length > 4 ? Integer.parseInt(args[4]) : 10)
                    .setTrainTimes(args.length > 5 ? Integer.parseInt(args[5]) : 20_000).setSteps(steps)
                    .optParameterLearningRate(args.length > 6 ? Double.parseDouble(args[6]) : 1e-3).build(), order);
        }
    }
}
