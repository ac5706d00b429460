package org.climagrad.coda;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;
import org.climagrad.core.KernelCheck;
import org.climagrad.obs.Observations;

/**
 * Trains a CODA data-assimilation network end to end on observations only, with the loss of
 * {@link CodaLoss} (Zinchenko &amp; Greenberg 2024, eq. 6), Adam on the network, and optionally
 * a second Adam on the model parameters θ (joint tuning of F, Sec. 4.3).
 *
 * <p>Training centres t = w .. T−1−w−R are shuffled each epoch (seeded); the last
 * {@code validationFraction} of them in time form the validation split. Early stopping keeps the
 * epoch with the lowest validation loss. A NaN, infinite or exploding loss term restores that
 * checkpoint ({@link CodaCheckpoint}) into a new model and throws {@link CodaDivergenceException},
 * which hands that model to the caller (who closes it); the training model itself is closed.
 *
 * <p>The trainer changes nothing it was given: each fit builds a fresh network from the template
 * and initialises it from the seed (PyTorch's default rule, {@link Initialization}), without
 * touching the engine's global random seed; {@link Builder#optStartFrom} copies the start weights
 * and only reads the given model. So a built trainer, or a second trainer from the same builder
 * settings, fits the same record twice with identical weights, θ and losses. The one exception is
 * {@link Builder#optCorrection}: that block is shared with the loss's model and trained in place.
 */
public final class CodaTrainer {
    /** A loss term above this many times its first value counts as exploding. */
    static final double EXPLOSION = 1e6;
    private final java.util.function.Supplier<? extends Block> network;
    private final CodaInputs inputs;
    private final CodaLoss loss;
    private final int halfWidth;
    private final int batchSize;
    private final int epochs;
    private final double learningRate;
    private final double[] theta0;
    private final boolean tuneParameters;
    private final double parameterLearningRate;
    private final double validationFraction;
    private final int patience;
    private final long seed;
    private final Consumer<EpochStats> progress;
    private final Block correction;
    private final ToDoubleFunction<CodaModel> monitor;
    private final int parameterWarmup;
    private final CodaModel startFrom;
    private final int maxSteps;
    private final int monitorEvery;

    private CodaTrainer(Builder b) {
        network = b.network;
        inputs = b.inputs;
        maxSteps = b.maxSteps;
        monitorEvery = b.monitorEvery;
        correction = b.correction;
        loss = b.loss;
        halfWidth = b.halfWidth;
        batchSize = b.batchSize;
        epochs = b.epochs;
        learningRate = b.learningRate;
        theta0 = b.theta.clone();
        tuneParameters = b.tuneParameters;
        parameterLearningRate = b.parameterLearningRate;
        validationFraction = b.validationFraction;
        patience = b.patience;
        seed = b.seed;
        progress = b.progress;
        monitor = b.monitor;
        parameterWarmup = b.parameterWarmup;
        startFrom = b.startFrom;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The result of {@link #fit}.
     *
     * @param model the trained network (the best epoch's weights)
     * @param history the losses of every epoch run
     * @param theta the model parameters θ of the best epoch
     * @param thetaTrace θ after every gradient step {@code [steps][p]} (constant without tuning)
     * @param monitor the monitor's value after every epoch (empty without {@code optMonitor})
     */
    public record Fit(CodaModel model, List<EpochStats> history, double[] theta, double[][] thetaTrace,
            double[] monitor) {
        /** Copies. */
        public Fit {
            history = List.copyOf(history);
            theta = theta.clone();
            thetaTrace = java.util.Arrays.stream(thetaTrace).map(double[]::clone).toArray(double[][]::new);
            monitor = monitor.clone();
        }

        @Override
        public double[] theta() {
            return theta.clone();
        }

        @Override
        public double[][] thetaTrace() {
            return java.util.Arrays.stream(thetaTrace).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public double[] monitor() {
            return monitor.clone();
        }
    }

    /**
     * Trains on one observation record (values and mask; no truth is used).
     *
     * @param observations {@code [T][nx]}, with nx the model's state size
     * @return the trained model and its history
     */
    public Fit fit(Observations observations) {
        int nx = loss.rollout().dynamics().nx();
        Check.inRange("observations nx", observations.nx(), nx, nx);
        CodaBatches data = new CodaBatches(observations, halfWidth, loss.rolloutSteps(), inputs);
        int first = data.firstCentre();
        int count = data.lastCentre() - first + 1;
        int validation = (int) Math.floor(validationFraction * count);
        int training = count - validation;
        if (training < batchSize) {
            throw new IllegalArgumentException("observations give " + training + " training centres: need at least "
                    + "batchSize = " + batchSize + " (more times, a smaller batch or validation fraction)");
        }
        Random rng = new Random(seed);
        Model model = Model.newInstance("coda-da", Devices.preferred());
        Block net = network.get(); // a fresh network for every fit: the builder's is never trained
        Block trained = correction == null ? net : new JointBlock(net, correction, new Shape(1, 1));
        // oneDNN for CodaNets whose every convolution is aligned (the correction block has none)
        boolean aligned = net instanceof CodaNet c && c.oneDnnAligned();
        model.setBlock(trained);
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l1Loss()) // unused: CodaLoss is applied by hand
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build())
                .optDevices(new ai.djl.Device[] {Devices.preferred()});
        List<EpochStats> history = new ArrayList<>();
        double[] theta = theta0.clone();
        List<double[]> trace = new ArrayList<>();
        List<Double> monitored = new ArrayList<>();
        org.climagrad.solve.Adam thetaAdam = new org.climagrad.solve.Adam(theta.length,
                org.climagrad.solve.Adam.PAPER_EPSILON);
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(batchSize, inputs.channels(), 2 * halfWidth + 1, nx));
            Initialization.pytorchDefault(trained, new Random(seed ^ 0x9E3779B97F4A7C15L));
            if (startFrom != null) {
                CodaCheckpoint.copyWeights(startFrom.network(), net, "startFrom"); // reads startFrom only
            }
            CodaCheckpoint best = CodaCheckpoint.of(trained, theta);
            double bestValidation = Double.POSITIVE_INFINITY;
            int sinceBest = 0;
            int step = 0;
            double[] firstTerms = null;
            boolean stepsDone = false;
            for (int epoch = 1; epoch <= epochs && !stepsDone; epoch++) {
                int[] order = shuffled(first, training, rng);
                boolean tuneNow = tuneParameters && epoch > parameterWarmup;
                double sumData = 0;
                double sumModel = 0;
                double sumTotal = 0;
                int batches = training / batchSize;
                int ran = 0;
                for (int b = 0; b < batches && !stepsDone; b++) {
                    int[] centres = java.util.Arrays.copyOfRange(order, b * batchSize, (b + 1) * batchSize);
                    step++;
                    double[] terms;
                    double[] gradTheta;
                    try (NDManager m = trainer.getManager().newSubManager();
                            KernelCheck.Scope fast = KernelCheck.alignedScope(aligned)) {
                        NDArray th = m.create(toFloat(theta));
                        th.setRequiresGradient(tuneNow);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            CodaLoss.Terms t = terms(trainer, m, data, centres, th, true);
                            terms = new double[] {t.data().getFloat(), t.model().getFloat(), t.total().getFloat()};
                            checkFinite(terms, firstTerms, step, best, nx);
                            gc.backward(t.total());
                        }
                        gradTheta = tuneNow ? toDouble(th.getGradient().toFloatArray()) : null;
                    }
                    trainer.step();
                    if (tuneNow) {
                        thetaAdam.step(theta, gradTheta, parameterLearningRate);
                    }
                    trace.add(theta.clone());
                    if (firstTerms == null) {
                        firstTerms = terms;
                    }
                    sumData += terms[0];
                    sumModel += terms[1];
                    sumTotal += terms[2];
                    ran++;
                    stepsDone = step >= maxSteps;
                    if (monitor != null && monitorEvery > 0 && step % monitorEvery == 0) {
                        monitored.add(monitor.applyAsDouble(new CodaModel(model, halfWidth, nx, theta, inputs)));
                    }
                }
                batches = ran;
                double val = validation > 0 ? validate(trainer, data, first + training, validation, theta, aligned)
                        : Double.NaN;
                EpochStats stats = new EpochStats(epoch, sumData / batches, sumModel / batches, sumTotal / batches,
                        val, theta);
                history.add(stats);
                if (monitor != null && monitorEvery == 0) {
                    monitored.add(monitor.applyAsDouble(new CodaModel(model, halfWidth, nx, theta, inputs)));
                }
                if (progress != null) {
                    progress.accept(stats);
                }
                double score = validation > 0 ? val : stats.trainTotal();
                if (score < bestValidation) {
                    bestValidation = score;
                    best = CodaCheckpoint.of(trained, theta);
                    sinceBest = 0;
                } else if (++sinceBest >= patience) {
                    break;
                }
            }
            best.restore(trained, model.getNDManager());
            System.arraycopy(best.theta(), 0, theta, 0, theta.length);
        } catch (RuntimeException e) {
            model.close(); // a CodaDivergenceException carries its own model, built from the checkpoint
            throw e;
        }
        return new Fit(new CodaModel(model, halfWidth, nx, theta, inputs), history, theta, trace.toArray(new double[0][]),
                monitored.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private CodaLoss.Terms terms(Trainer trainer, NDManager m, CodaBatches data, int[] centres, NDArray theta,
            boolean training) {
        int[] shifted = new int[centres.length];
        for (int i = 0; i < centres.length; i++) {
            shifted[i] = centres[i] + loss.rolloutSteps();
        }
        NDArray both = data.inputs(m, concat(centres, shifted));
        NDArray out = (training ? trainer.forward(new NDList(both)) : trainer.evaluate(new NDList(both)))
                .singletonOrThrow();
        NDArray analysis = out.get("0:" + centres.length);
        NDArray shiftedAnalysis = out.get(centres.length + ":");
        return loss.compute(analysis, shiftedAnalysis, theta, data.targets(m, centres), data.targetMask(m, centres));
    }

    private double validate(Trainer trainer, CodaBatches data, int from, int count, double[] theta,
            boolean aligned) {
        double sum = 0;
        int n = 0;
        for (int start = 0; start < count; start += batchSize) {
            int len = Math.min(batchSize, count - start);
            int[] centres = new int[len];
            for (int i = 0; i < len; i++) {
                centres[i] = from + start + i;
            }
            try (NDManager m = trainer.getManager().newSubManager();
                    KernelCheck.Scope fast = KernelCheck.alignedScope(aligned)) {
                double t = terms(trainer, m, data, centres, m.create(toFloat(theta)), false).total().getFloat();
                sum += t * len;
                n += len;
            }
        }
        return sum / n;
    }

    private void checkFinite(double[] terms, double[] firstTerms, int step, CodaCheckpoint best, int nx) {
        String[] names = {"data", "model", "total"};
        for (int i = 0; i < 3; i++) {
            boolean exploded = firstTerms != null && terms[i] > EXPLOSION * Math.max(firstTerms[i], 1e-12);
            if (!Double.isFinite(terms[i]) || exploded) {
                throw new CodaDivergenceException(step, names[i], terms[i], restored(best, nx));
            }
        }
    }

    /**
     * A new model, independent of the one being trained, holding the checkpoint's weights: a fresh
     * network from the supplier (with the correction block, whose parameters move to the new model
     * with their checkpointed values) loaded from the snapshot. The caller of {@link #fit} owns it.
     */
    private CodaModel restored(CodaCheckpoint best, int nx) {
        Model fresh = Model.newInstance("coda-da", Devices.preferred());
        try {
            Block net = network.get();
            Block block = correction == null ? net : new JointBlock(net, correction, new Shape(1, 1));
            fresh.setBlock(block);
            best.restore(block, fresh.getNDManager());
            return new CodaModel(fresh, halfWidth, nx, best.theta(), inputs);
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
    }

    private static int[] shuffled(int first, int count, Random rng) {
        int[] a = new int[count];
        for (int i = 0; i < count; i++) {
            a[i] = first + i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return a;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /**
     * Builder: {@code setNetwork}, {@code setLoss}, {@code setHalfWidth}, {@code setParameters}
     * required; the rest optional.
     */
    public static final class Builder {
        private java.util.function.Supplier<? extends Block> network;
        private CodaInputs inputs = CodaInputs.VALUES_MASK_TIME;
        private CodaLoss loss;
        private int maxSteps = Integer.MAX_VALUE;
        private int monitorEvery;
        private int halfWidth = -1;
        private int batchSize = 16;
        private int epochs = 10;
        private double learningRate = 1e-3;
        private double[] theta;
        private boolean tuneParameters;
        private double parameterLearningRate = 1e-3;
        private double validationFraction = 0.2;
        private int patience = Integer.MAX_VALUE;
        private long seed = 1;
        private Consumer<EpochStats> progress;
        private Block correction;
        private ToDoubleFunction<CodaModel> monitor;
        private int parameterWarmup;
        private CodaModel startFrom;

        private Builder() {}

        /**
         * Start the network from the weights of an earlier fit instead of a random initialisation
         * (same architecture required). CODA Sec. 4.4 trains the DA network on the truncated model
         * first and then the network and B_ψ together: pass the first fit's model here. Its weights
         * are copied at the start of every fit; {@code fitted} is only read, never trained, and
         * stays the caller's to close.
         */
        public Builder optStartFrom(CodaModel fitted) {
            this.startFrom = fitted;
            return this;
        }

        /**
         * Keep θ fixed for the first {@code epochs} epochs (the network learns first), then tune it
         * (with {@code optTuneParameters}); ≥ 0, default 0.
         */
        public Builder optParameterWarmup(int epochs) {
            this.parameterWarmup = epochs;
            return this;
        }

        /**
         * A diagnostic evaluated after every epoch on the current network and θ (for example the
         * analysis RMSE against a truth the training never sees); the values land in
         * {@link Fit#monitor()}. The model passed in is a view of the network being trained: it
         * may be saved (a checkpoint of a long run), not closed.
         */
        public Builder optMonitor(ToDoubleFunction<CodaModel> monitor) {
            this.monitor = monitor;
            return this;
        }

        /**
         * Train this model-correction block B_ψ together with the network (CODA Sec. 4.4). It must be
         * the block inside the loss's model, applied per grid point ({@code Correction.local}:
         * input {@code [n, 1]}); it is initialised here and updated by the same Adam.
         */
        public Builder optCorrection(Block correction) {
            this.correction = correction;
            return this;
        }

        /**
         * The DA network g_DA {@code [batch, C, 2w+1, nx] → [batch, nx]} (required, or the supplier
         * form). It is a template: every {@link #fit} trains a fresh copy built from its settings,
         * initialised from the seed, so this object is never changed and two fits with the same
         * seed give the same model. Its input layout is {@link CodaNet#inputs()}.
         */
        public Builder setNetwork(CodaNet network) {
            if (network == null) {
                this.network = null;
                return this;
            }
            CodaNet.Builder template = network.toBuilder();
            this.network = template::build;
            this.inputs = network.inputs();
            return this;
        }

        /**
         * Any DA network {@code [batch, C, 2w+1, nx] → [batch, nx]}, as a supplier called once per
         * {@link #fit} for a fresh, untrained block (required, or the {@link CodaNet} form); its
         * input layout is given by {@link #optInputs} (default the reference's four channels).
         */
        public Builder setNetwork(java.util.function.Supplier<? extends Block> network) {
            this.network = network;
            return this;
        }

        /** The input layout of a network given as a supplier (default {@link CodaInputs#VALUES_MASK_TIME}). */
        public Builder optInputs(CodaInputs inputs) {
            this.inputs = inputs;
            return this;
        }

        /** Stop after this many gradient steps in all, ≥ 1 (default: only the epochs limit). */
        public Builder optMaxSteps(int steps) {
            this.maxSteps = steps;
            return this;
        }

        /**
         * Evaluate the monitor every {@code steps} gradient steps instead of after every epoch
         * (≥ 1; for learning curves of long runs).
         */
        public Builder optMonitorEvery(int steps) {
            this.monitorEvery = steps;
            return this;
        }

        /** The loss, which also carries the model M and the rollout length R (required). */
        public Builder setLoss(CodaLoss loss) {
            this.loss = loss;
            return this;
        }

        /** Window half-width w ≥ 0: the network sees 2w+1 observation times (required). */
        public Builder setHalfWidth(int halfWidth) {
            this.halfWidth = halfWidth;
            return this;
        }

        /** The model parameters θ (fixed, or the initial guess when tuned) (required). */
        public Builder setParameters(double... theta) {
            this.theta = theta == null ? null : theta.clone();
            return this;
        }

        /** Batch size ≥ 1 (default 16). */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Epochs ≥ 1 (default 10). */
        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Adam learning rate of the network, &gt; 0 (default 1e-3). */
        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Tune θ jointly with a second Adam of learning rate &gt; 0 (paper: 1e-3). */
        public Builder optTuneParameters(double learningRate) {
            this.tuneParameters = true;
            this.parameterLearningRate = learningRate;
            return this;
        }

        /** Fraction of the centres (the last ones in time) held out for validation, in [0, 1) (default 0.2). */
        public Builder optValidationFraction(double fraction) {
            this.validationFraction = fraction;
            return this;
        }

        /** Stop after this many epochs without a better validation loss, ≥ 1 (default: never). */
        public Builder optPatience(int patience) {
            this.patience = patience;
            return this;
        }

        /** Seed of the initial weights and the batch order (default 1). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Called after every epoch (e.g. {@code System.out::println} in a notebook). */
        public Builder optProgress(Consumer<EpochStats> progress) {
            this.progress = progress;
            return this;
        }

        /** Validates and builds. */
        public CodaTrainer build() {
            if (network == null) {
                throw new IllegalArgumentException("network: required (setNetwork)");
            }
            if (loss == null) {
                throw new IllegalArgumentException("loss: required (setLoss)");
            }
            Check.atLeast("halfWidth", halfWidth, 0);
            if (inputs == null) {
                throw new IllegalArgumentException("inputs: must not be null (VALUES_MASK_TIME or VALUES_MASK)");
            }
            Check.atLeast("maxSteps", maxSteps, 1);
            Check.atLeast("monitorEvery", monitorEvery, 0);
            if (theta == null) {
                throw new IllegalArgumentException("parameters: required (setParameters)");
            }
            Check.length("parameters", theta, loss.rollout().dynamics().parameterNames().length);
            Check.allFinite("parameters", theta);
            Check.atLeast("batchSize", batchSize, 1);
            Check.atLeast("epochs", epochs, 1);
            Check.positive("learningRate", learningRate);
            Check.positive("parameterLearningRate", parameterLearningRate);
            Check.inHalfOpen("validationFraction", validationFraction, 0, 1);
            Check.atLeast("patience", patience, 1);
            Check.atLeast("parameterWarmup", parameterWarmup, 0);
            return new CodaTrainer(this);
        }
    }
}
