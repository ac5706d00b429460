package org.climagrad.papers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.climagrad.coda.CodaLoss;
import org.climagrad.coda.CodaModel;
import org.climagrad.coda.CodaNet;
import org.climagrad.coda.CodaTrainer;
import org.climagrad.coda.EpochStats;
import org.climagrad.core.Check;
import org.climagrad.obs.ObservationModel;
import org.climagrad.obs.Twin;
import org.climagrad.obs.TwinExperiment;

/**
 * Paper-scale CODA trainings on a CPU, made to run for hours in the background and to resume from
 * their last checkpoint (Zinchenko &amp; Greenberg 2024, Fig. 3 setting: K = 40, F = 8, σ = 1,
 * exactly 30 of 40 variables missing per step).
 *
 * <p>A {@link Run} trains the reference network on one long observation record (no truth used)
 * and writes into its folder: the network ({@link CodaModel#save}, replaced atomically at every
 * checkpoint), {@code curve.csv} (gradient step, wall seconds, analysis RMSE on an independent
 * evaluation twin the training never sees) and {@code epochs.csv} (the trainer's epoch losses).
 * Started again on the same folder it continues from the checkpoint: the weights and BatchNorm
 * statistics are restored, the batch order continues from a new seed, and Adam's moments start
 * afresh (DJL does not save them), a short re-warm-up visible in the curve.
 *
 * <pre>
 *   java -cp ... org.climagrad.papers.Coda2024Training FOLDER CHANNELS W R ALPHA T STEPS [EVAL_EVERY] [SEED] [LR]
 *   e.g. ... Coda2024Training runs/ref 32/64/128 25 25 1 100000 40000 500 1
 * </pre>
 */
public final class Coda2024Training {
    /** Seed of the evaluation twin of the learning curves (never a training seed). */
    public static final long EVALUATION_SEED = 90_001;
    /** Observation times of the evaluation twin. */
    public static final int EVALUATION_TIMES = 1_050;

    private Coda2024Training() {}

    /**
     * One training configuration.
     *
     * @param channels encoder channels of the reference U-Net
     * @param halfWidth window half-width w
     * @param rolloutSteps rollout R of the loss
     * @param alpha weight α of the model term
     * @param trainTimes length T of the training record (75 % training centres, 25 % validation)
     * @param maxSteps gradient steps in all (over every resumption)
     * @param evalEvery steps between checkpoints and learning-curve points
     * @param seed seed of the training twin, the weights and the batch order
     * @param learningRate Adam's learning rate for this session (the reference: 1e-3; a resumed run
     *     may continue with a smaller one)
     */
    public record Run(int[] channels, int halfWidth, int rolloutSteps, double alpha, int trainTimes, int maxSteps,
            int evalEvery, long seed, double learningRate) {
        /** Validates. */
        public Run {
            channels = channels.clone();
            Check.atLeast("halfWidth", halfWidth, 1);
            Check.atLeast("rolloutSteps", rolloutSteps, 1);
            Check.nonNegative("alpha", alpha);
            Check.atLeast("trainTimes", trainTimes, 4 * (2 * halfWidth + rolloutSteps + 1));
            Check.atLeast("maxSteps", maxSteps, 1);
            Check.atLeast("evalEvery", evalEvery, 1);
            Check.positive("learningRate", learningRate);
            if (seed == EVALUATION_SEED) {
                throw new IllegalArgumentException("seed = " + seed + ": reserved for the evaluation twin");
            }
        }

        @Override
        public int[] channels() {
            return channels.clone();
        }

        /** The network of this run. */
        public CodaNet network() {
            return CodaNet.builder().optChannels(channels).build();
        }
    }

    /** The Fig. 3 twin of T observation times (exactly 30 of 40 missing, σ = 1) with a seed. */
    public static Twin twin(int times, long seed) {
        return TwinExperiment.builder().setRollout(CodaBaselines.rollout()).optParameters(CodaBaselines.F)
                .setObservationModel(ObservationModel.exactMissing(CodaBaselines.SIGMA, CodaBaselines.MISSING))
                .setTimes(times).optSeed(seed).build().generate();
    }

    /** Analysis RMSE of a model on a twin over the centres with complete windows. */
    public static double rmse(CodaModel model, Twin twin) {
        double[][] a = model.analyse(twin.observations());
        double[][] truth = twin.truth();
        int w = model.halfWidth();
        double s = 0;
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                double e = a[i][k] - truth[w + i][k];
                s += e * e;
                n++;
            }
        }
        return Math.sqrt(s / n);
    }

    /**
     * Trains (or continues) a run in {@code folder}.
     *
     * @return the final model (the caller closes it)
     */
    public static CodaModel train(Run run, Path folder) {
        return train(run, folder, () -> {
            Twin evaluation = twin(EVALUATION_TIMES, EVALUATION_SEED);
            return new Problem(CodaBaselines.rollout(), new double[] {CodaBaselines.F},
                    twin(run.trainTimes(), run.seed()).observations(), m -> rmse(m, evaluation));
        });
    }

    /**
     * What a run learns from: the model of the loss with its θ, the training record and the score
     * of the learning curve (on data the training never sees).
     *
     * @param rollout the model M of the loss
     * @param theta its parameters (fixed)
     * @param training the observation record
     * @param evaluation the learning curve's score of a checkpoint
     */
    public record Problem(org.climagrad.dynamics.Rollout rollout, double[] theta,
            org.climagrad.obs.Observations training, java.util.function.ToDoubleFunction<CodaModel> evaluation) {
        /** Copies θ. */
        public Problem {
            theta = theta.clone();
        }

        @Override
        public double[] theta() {
            return theta.clone();
        }
    }

    /**
     * {@link #train(Run, Path)} on another problem (made only when the run has steps left; the
     * run's {@code trainTimes} and {@code seed} are the problem's to honour).
     */
    public static CodaModel train(Run run, Path folder, java.util.function.Supplier<Problem> problem) {
        try {
            Files.createDirectories(folder);
            Path curve = folder.resolve("curve.csv");
            Path model = folder.resolve("model");
            int done = 0;
            double wallDone = 0;
            if (Files.isRegularFile(curve) && Files.isDirectory(model)) {
                List<String> lines = Files.readAllLines(curve);
                String[] last = lines.get(lines.size() - 1).split(",");
                done = Integer.parseInt(last[0]);
                wallDone = Double.parseDouble(last[1]);
            } else {
                Files.writeString(curve, "step,wall_s,eval_rmse\n");
                Files.writeString(folder.resolve("epochs.csv"), "session_start_step,epoch,train_data,train_model,"
                        + "train_total,validation_total\n");
            }
            if (done >= run.maxSteps()) {
                return CodaModel.load(model, run.network());
            }
            Problem p = problem.get();
            long t0 = System.nanoTime();
            final int offset = done;
            final double wallOffset = wallDone;
            int[] steps = {offset};
            CodaTrainer.Builder b = CodaTrainer.builder().setNetwork(run.network())
                    .setLoss(CodaLoss.builder().setRollout(p.rollout())
                            .setRolloutSteps(run.rolloutSteps()).optAlpha(run.alpha()).build())
                    .setHalfWidth(run.halfWidth()).setParameters(p.theta()).optBatchSize(16)
                    .optLearningRate(run.learningRate()).optValidationFraction(0.25).optEpochs(1000).optPatience(10)
                    .optSeed(run.seed() + offset).optMaxSteps(run.maxSteps() - offset)
                    .optMonitorEvery(run.evalEvery())
                    .optMonitor(m -> checkpoint(m, p.evaluation(), folder, steps, run.evalEvery(), wallOffset, t0))
                    .optProgress(e -> appendEpoch(folder, offset, e));
            append(folder.resolve("sessions.csv"), (Files.exists(folder.resolve("sessions.csv")) ? ""
                    : "start_step,learning_rate,batch_seed\n") + String.format(Locale.ROOT, "%d,%s,%d%n", offset,
                    run.learningRate(), run.seed() + offset));
            CodaModel start = null;
            if (offset > 0) {
                start = CodaModel.load(model, run.network());
                b.optStartFrom(start);
            } else {
                writeCurve(folder, 0, 0, Double.NaN);
            }
            CodaTrainer.Fit fit = b.build().fit(p.training());
            if (start != null) {
                start.close();
            }
            return fit.model();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the run folder " + folder, e);
        }
    }

    private static double checkpoint(CodaModel m, java.util.function.ToDoubleFunction<CodaModel> evaluation,
            Path folder, int[] steps, int every, double wallOffset, long t0) {
        steps[0] += every;
        double r = evaluation.applyAsDouble(m);
        Path tmp = folder.resolve("model.tmp");
        Path model = folder.resolve("model");
        try {
            deleteTree(tmp);
            m.save(tmp);
            deleteTree(folder.resolve("model.old"));
            if (Files.isDirectory(model)) {
                Files.move(model, folder.resolve("model.old"), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, model, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(folder.resolve("model.old"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the checkpoint in " + folder, e);
        }
        double wall = wallOffset + (System.nanoTime() - t0) / 1e9;
        writeCurve(folder, steps[0], wall, r);
        System.out.printf(Locale.ROOT, "step %d  wall %.0f s  eval RMSE %.4f%n", steps[0], wall, r);
        return r;
    }

    private static void writeCurve(Path folder, int step, double wall, double rmse) {
        append(folder.resolve("curve.csv"), String.format(Locale.ROOT, "%d,%.1f,%.5f%n", step, wall, rmse));
    }

    private static void appendEpoch(Path folder, int offset, EpochStats e) {
        append(folder.resolve("epochs.csv"), String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%.6f%n", offset,
                e.epoch(), e.trainData(), e.trainModel(), e.trainTotal(), e.validationTotal()));
        System.out.println(e);
    }

    private static void append(Path file, String line) {
        try {
            Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file, e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    /** Command line: FOLDER CHANNELS W R ALPHA T STEPS [EVAL_EVERY] [SEED] [LEARNING_RATE]. */
    public static void main(String[] args) {
        if (args.length < 7) {
            System.err.println("usage: Coda2024Training FOLDER CHANNELS(a/b/c) W R ALPHA T STEPS [EVAL_EVERY] [SEED] "
                    + "[LEARNING_RATE]");
            System.exit(2);
        }
        int[] channels = java.util.Arrays.stream(args[1].split("/")).mapToInt(Integer::parseInt).toArray();
        Run run = new Run(channels, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Double.parseDouble(args[4]),
                Integer.parseInt(args[5]), Integer.parseInt(args[6]), args.length > 7 ? Integer.parseInt(args[7]) : 500,
                args.length > 8 ? Long.parseLong(args[8]) : 1, args.length > 9 ? Double.parseDouble(args[9]) : 1e-3);
        try (CodaModel m = train(run, Path.of(args[0]))) {
            System.out.printf(Locale.ROOT, "done: eval RMSE %.4f%n", rmse(m, twin(EVALUATION_TIMES, EVALUATION_SEED)));
        }
    }
}
