package org.climagrad.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.climagrad.core.Check;
import org.climagrad.core.Profile;
import org.climagrad.solve.Adam;

/**
 * The trainer of online learning of a neural sub-model inside a hybrid model (Ouala et al. 2024,
 * Commun. Phys. 7, 402): the Lorenz-63 physical model without xy plus a {@link SubModel} g,
 * trained with Adam ({@link Adam}, ε = {@link Adam#PAPER_EPSILON}) so that short rollouts of the
 * hybrid model (RK4, {@code window} steps) follow the true trajectory ({@link TrainingData}). Two
 * gradients ({@link HybridGradients#gradient}):
 *
 * <ul>
 *   <li>{@link GradientMode#EXACT}: the hybrid model on tensors, backpropagated through the RK4
 *       solver.
 *   <li>{@link GradientMode#EULER}: the Euler Gradient Approximation. The forward pass runs the
 *       hybrid model in the plain-Java black-box RK4 solver ({@link BlackBoxHybrid}, no autodiff);
 *       the backward pass treats each step as an Euler step of the sub-model,
 *       x_{n+1} = x_n + Δt g(x_n), with the black-box physics as a constant:
 *       ∂x_{n+1}/∂x_n ≈ I + Δt ∂g/∂x, ∂x_{n+1}/∂w ≈ Δt ∂g/∂w. Written as
 *       x̃_{n+1} = e_n + stop(x^bb_{n+1} − e_n), e_n = x̃_n + Δt g(x̃_n), whose values are the
 *       black box's and whose gradient is the Euler one.
 * </ul>
 * Both use the same batches, Adam settings and validation. A training never modifies its inputs
 * and depends only on them and the settings' seed: two trainings with equal arguments are equal.
 * The figures are in {@code papers.Meunier2025}.
 */
public final class OnlineLearning {
    private OnlineLearning() {}

    /** How the gradient through the solver is obtained. */
    public enum GradientMode {
        /** Backpropagation through the differentiable RK4 solver. */
        EXACT,
        /** The Euler Gradient Approximation through a black-box solver. */
        EULER
    }

    /**
     * Settings; build with {@link #builder()} (the canonical constructor validates but is not the
     * way to make one).
     *
     * @param hidden sub-model hidden units ≥ 1
     * @param window rollout steps per training sample ≥ 1
     * @param batch windows per step ≥ 1
     * @param iterations Adam steps ≥ 1
     * @param learningRate Adam learning rate &gt; 0
     * @param dt time step (model time units) &gt; 0
     * @param seed seed of the weights and the batches
     */
    public record Settings(int hidden, int window, int batch, int iterations, double learningRate, double dt, long seed) {
        /** Validates. */
        public Settings {
            Check.atLeast("hidden", hidden, 1);
            Check.atLeast("window", window, 1);
            Check.atLeast("batch", batch, 1);
            Check.atLeast("iterations", iterations, 1);
            Check.positive("learningRate", learningRate);
            Check.positive("dt", dt);
        }

        /** 32 hidden units, windows of 10 steps of 0.01, batch 64, Adam 1e-2; FAST 600 steps, PAPER 3,000. */
        public static Settings of(Profile profile) {
            return builder().setIterations(profile.pick(600, 3000)).build();
        }

        /** A builder with the defaults listed at its options. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder starting from these settings. */
        public Builder toBuilder() {
            return new Builder().optHidden(hidden).optWindow(window).optBatch(batch).setIterations(iterations)
                    .optLearningRate(learningRate).optDt(dt).optSeed(seed);
        }

        /** Builds {@link Settings}: iterations required, the rest optional. */
        public static final class Builder {
            private int hidden = 32;
            private int window = 10;
            private int batch = 64;
            private Integer iterations;
            private double learningRate = 1e-2;
            private double dt = 0.01;
            private long seed = 1;

            private Builder() {}

            /** Adam steps ≥ 1 (required). */
            public Builder setIterations(int iterations) {
                this.iterations = iterations;
                return this;
            }

            /** Sub-model hidden units ≥ 1 (default 32). */
            public Builder optHidden(int hidden) {
                this.hidden = hidden;
                return this;
            }

            /** Rollout steps per training sample ≥ 1 (default 10). */
            public Builder optWindow(int window) {
                this.window = window;
                return this;
            }

            /** Windows per Adam step ≥ 1 (default 64). */
            public Builder optBatch(int batch) {
                this.batch = batch;
                return this;
            }

            /** Adam learning rate &gt; 0 (default 1e-2). */
            public Builder optLearningRate(double learningRate) {
                this.learningRate = learningRate;
                return this;
            }

            /** Time step, model time units &gt; 0 (default 0.01). */
            public Builder optDt(double dt) {
                this.dt = dt;
                return this;
            }

            /** Seed of the initial weights and the batches (default 1). */
            public Builder optSeed(long seed) {
                this.seed = seed;
                return this;
            }

            /** Validates (the message names the field and its range) and builds. */
            public Settings build() {
                if (iterations == null) {
                    throw new IllegalArgumentException("iterations: required (>= 1)");
                }
                return new Settings(hidden, window, batch, iterations, learningRate, dt, seed);
            }
        }
    }

    /**
     * The untrained sub-model: inputs standardised with the training trajectory's mean and
     * standard deviation, output scale 20, zero output layer (so g = 0), hidden layer seeded with
     * the settings' seed.
     */
    public static SubModel initialModel(TrainingData data, Settings s) {
        double[] mean = new double[3];
        double[] std = new double[3];
        moments(data, mean, std);
        return SubModel.initial(s.hidden(), mean, std, 20, s.seed());
    }

    /**
     * Trains a sub-model from {@link #initialModel}: {@code iterations} Adam steps on batches of
     * windows drawn with seed + 1, the validation loss ({@link BlackBoxHybrid#validationLoss})
     * measured 20 times.
     *
     * @param progress receives the iteration of each validation, or null
     * @throws IllegalStateException if the validation loss becomes non-finite
     */
    public static OnlineResult train(TrainingData data, Settings s, GradientMode mode, IntConsumer progress) {
        long t0 = System.nanoTime();
        SubModel g = initialModel(data, s);
        SplittableRandom rng = new SplittableRandom(s.seed() + 1);
        int h = g.hidden();
        Adam adam = new Adam(3 * h + h + h * 3 + 3, Adam.PAPER_EPSILON);
        List<Integer> at = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        int every = Math.max(1, s.iterations() / 20);
        at.add(0);
        loss.add(BlackBoxHybrid.validationLoss(g, data, s.window(), s.dt()));
        for (int it = 1; it <= s.iterations(); it++) {
            int[] starts = new int[s.batch()];
            for (int b = 0; b < starts.length; b++) {
                starts[b] = rng.nextInt(data.trainSteps() - s.window());
            }
            double[][] grads = HybridGradients.gradient(g, data, s, mode, starts);
            double[] u = g.flatWeights();
            adam.step(u, concat(grads), s.learningRate());
            g = g.withFlatWeights(u);
            if (it % every == 0 || it == s.iterations()) {
                at.add(it);
                double v = BlackBoxHybrid.validationLoss(g, data, s.window(), s.dt());
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException("online learning (" + mode + "): validation loss is " + v
                            + " at iteration " + it + " (lower learningRate)");
                }
                loss.add(v);
                if (progress != null) {
                    progress.accept(it);
                }
            }
        }
        return new OnlineResult(mode, g, at.stream().mapToInt(Integer::intValue).toArray(),
                loss.stream().mapToDouble(Double::doubleValue).toArray(), (System.nanoTime() - t0) / 1e9);
    }

    private static double[] concat(double[][] parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int o = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    private static void moments(TrainingData data, double[] mean, double[] std) {
        int n = data.trainSteps();
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < 3; i++) {
                mean[i] += data.train(t, i) / n;
            }
        }
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < 3; i++) {
                double d = data.train(t, i) - mean[i];
                std[i] += d * d / n;
            }
        }
        for (int i = 0; i < 3; i++) {
            std[i] = Math.sqrt(std[i]);
        }
    }
}
