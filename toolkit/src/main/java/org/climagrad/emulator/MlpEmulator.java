package org.climagrad.emulator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.climagrad.core.Check;
import org.climagrad.core.Tensors;

/**
 * The emulator of Womack et al. (2026): a one-hidden-layer MLP, ŷ = tanh(X W1 + b1) W2 + b2, from
 * {@link EmissionFeatures} to global-mean warming, trained by full-batch gradient descent with
 * weight decay and global gradient-norm clipping (paper: 16 tanh units, 400 steps, learning rate
 * 5e-2, weight decay 1e-2, clip 1.0). The gradient of the mean squared error is written out by hand
 * (backpropagation through one hidden layer), so the whole training is a chain of tensor
 * operations: autograd differentiates the trained emulator with respect to its training data,
 * which is what scenario design needs (DJL has no higher-order gradients).
 *
 * <p>Training runs in standardised units: features and targets are centred and divided by their
 * training-set standard deviation (per column, √(var + {@value #VARIANCE_FLOOR}) so that a constant
 * column stays finite), and the trained weights are folded back into raw units, so {@link #predict}
 * takes raw features. Without this the unrolled training is ill-conditioned on long scenarios
 * (cumulative-emission features grow with length): for the 751-year designs of the paper profile
 * the gradient through the 400 clipped steps reached |∂L/∂E| ≈ 2e33 while the loss stayed finite.
 * Immutable settings, made by {@link #builder()} (defaults: the paper's, {@link #paper()}) or
 * varied with {@link #toBuilder()}. Training never mutates anything it is given: every call of
 * {@link #train} starts from the weights drawn from {@code seed}, so two calls with the same
 * settings and data give identical weights.
 *
 * @param hidden hidden units ≥ 1
 * @param steps gradient steps ≥ 1
 * @param learningRate &gt; 0
 * @param weightDecay ≥ 0 (decoupled: w ← w − lr·(g + wd·w), weights only)
 * @param clip global gradient-norm bound &gt; 0
 * @param seed seed of the initial weights
 */
public record MlpEmulator(int hidden, int steps, double learningRate, double weightDecay, double clip, long seed)
        implements TrainableEmulator {
    /** Added to each column's variance before the square root, in squared feature (or target) units. */
    public static final double VARIANCE_FLOOR = 1e-2;

    /** Validates the ranges. */
    public MlpEmulator {
        Check.atLeast("hidden", hidden, 1);
        Check.atLeast("steps", steps, 1);
        Check.positive("learningRate", learningRate);
        Check.nonNegative("weightDecay", weightDecay);
        Check.positive("clip", clip);
    }

    /** The paper's settings: 16 units, 400 steps, lr 5e-2, weight decay 1e-2, clip 1.0, seed 0. */
    public static MlpEmulator paper() {
        return builder().build();
    }

    /** The same settings with another number of steps. */
    public MlpEmulator withSteps(int newSteps) {
        return toBuilder().optSteps(newSteps).build();
    }

    /** A builder holding the paper's settings ({@link #paper()}); every setter is optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings (for variants). */
    public Builder toBuilder() {
        return new Builder().optHidden(hidden).optSteps(steps).optLearningRate(learningRate).optWeightDecay(weightDecay)
                .optClip(clip).optSeed(seed);
    }

    /** Builds an {@link MlpEmulator} (DJL style); {@link #build()} validates and names the bad field. */
    public static final class Builder {
        private int hidden = 16;
        private int steps = 400;
        private double learningRate = 5e-2;
        private double weightDecay = 1e-2;
        private double clip = 1.0;
        private long seed;

        private Builder() {}

        /** Hidden tanh units ≥ 1 (default 16). */
        public Builder optHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Full-batch gradient steps ≥ 1 (default 400). */
        public Builder optSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Learning rate &gt; 0, in standardised units (default 5e-2). */
        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Decoupled weight decay ≥ 0, weights only (default 1e-2). */
        public Builder optWeightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Global gradient-norm bound &gt; 0 (default 1.0). */
        public Builder optClip(double clip) {
            this.clip = clip;
            return this;
        }

        /** Seed of the initial weights (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Validates (the message names the field and its range) and builds. */
        public MlpEmulator build() {
            return new MlpEmulator(hidden, steps, learningRate, weightDecay, clip, seed);
        }
    }

    /** Initial weights W1 [F, H], b1 [H], W2 [H], b2 [1] (one output): uniform ±1/√fan-in, seeded. */
    public NDList initialWeights(NDManager m, int features, ai.djl.ndarray.types.DataType type) {
        return initialWeights(m, features, 0, type);
    }

    /**
     * Initial weights for {@code outputs} outputs (W2 [H, K], b2 [K]), or for one output with W2 [H]
     * and b2 [1] when {@code outputs} is 0.
     */
    public NDList initialWeights(NDManager m, int features, int outputs, ai.djl.ndarray.types.DataType type) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w1 = new double[features * hidden];
        double a1 = 1 / Math.sqrt(features);
        for (int i = 0; i < w1.length; i++) {
            w1[i] = a1 * (2 * rng.nextDouble() - 1);
        }
        int k = Math.max(1, outputs);
        double[] w2 = new double[hidden * k];
        double a2 = 1 / Math.sqrt(hidden);
        for (int i = 0; i < w2.length; i++) {
            w2[i] = a2 * (2 * rng.nextDouble() - 1);
        }
        Shape s2 = outputs == 0 ? new Shape(hidden) : new Shape(hidden, outputs);
        return new NDList(Tensors.create(m, w1, new Shape(features, hidden), type), m.zeros(new Shape(hidden), type),
                Tensors.create(m, w2, s2, type), m.zeros(new Shape(k), type));
    }

    /**
     * Trains on samples (differentiable in x and y), in standardised units (class comment); the
     * returned weights act on raw features and give raw targets.
     *
     * @param x features {@code [N, F]}
     * @param y targets {@code [N]} (one output) or {@code [N, K]} (K outputs, e.g. zonal bands), K
     * @return trained weights (W1, b1, W2, b2)
     */
    public NDList train(NDArray x, NDArray y) {
        int outputs = y.getShape().dimension() == 1 ? 0 : (int) y.getShape().get(1);
        NDArray xMean = x.mean(new int[] {0});
        NDArray xStd = Tensors.add(x.sub(xMean).square().mean(new int[] {0}), VARIANCE_FLOOR).sqrt();
        NDArray yMean = y.mean(new int[] {0});
        NDArray yStd = Tensors.add(y.sub(yMean).square().mean(new int[] {0}), VARIANCE_FLOOR).sqrt();
        NDArray xs = x.sub(xMean).div(xStd);
        NDArray ys = y.sub(yMean).div(yStd);
        NDList w = initialWeights(x.getManager(), (int) x.getShape().get(1), outputs, x.getDataType());
        for (int k = 0; k < steps; k++) {
            w = step(w, xs, ys);
        }
        // Fold the scalings into the weights: tanh(((X − μ)/σ) W1 + b1) W2 σy + (b2 σy + ȳ).
        NDArray w1 = w.get(0).div(xStd.expandDims(1));
        NDArray b1 = w.get(1).sub(xMean.expandDims(0).matMul(w1).reshape(w.get(1).getShape()));
        NDArray w2 = outputs == 0 ? w.get(2).mul(yStd) : w.get(2).mul(yStd.expandDims(0));
        NDArray b2 = w.get(3).mul(yStd).add(yMean);
        return new NDList(w1, b1, w2, b2);
    }

    /** One clipped, decayed gradient step. */
    NDList step(NDList w, NDArray x, NDArray y) {
        NDList g = gradient(w, x, y);
        NDArray sq = g.get(0).square().sum();
        for (int i = 1; i < g.size(); i++) {
            sq = sq.add(g.get(i).square().sum());
        }
        NDArray one = Tensors.scalar(sq, 1);
        NDArray factor = one.minimum(Tensors.scalar(sq, clip).div(Tensors.add(sq, 1e-30).sqrt()));
        NDArray lr = Tensors.scalar(sq, learningRate);
        NDList next = new NDList();
        for (int i = 0; i < w.size(); i++) {
            NDArray gi = g.get(i).mul(factor);
            if (i % 2 == 0) {
                gi = gi.add(Tensors.mul(w.get(i), weightDecay));
            }
            next.add(w.get(i).sub(gi.mul(lr)));
        }
        return next;
    }

    /** ∂/∂(W1, b1, W2, b2) of the mean squared error (over samples and outputs), by hand. */
    static NDList gradient(NDList w, NDArray x, NDArray y) {
        NDArray h = x.matMul(w.get(0)).add(w.get(1)).tanh();
        NDArray pred = h.matMul(w.get(2)).add(w.get(3));
        NDArray r = Tensors.mul(pred.sub(y), 2.0 / y.getShape().size());
        NDArray gW2;
        NDArray gb2;
        NDArray back;
        if (y.getShape().dimension() == 1) {
            gW2 = r.matMul(h);
            gb2 = r.sum().reshape(1);
            back = r.expandDims(1).mul(w.get(2).expandDims(0));
        } else {
            gW2 = h.transpose().matMul(r);
            gb2 = r.sum(new int[] {0});
            back = r.matMul(w.get(2).transpose());
        }
        NDArray dh = back.mul(Tensors.scalar(h, 1).sub(h.square()));
        NDArray gW1 = x.transpose().matMul(dh);
        NDArray gb1 = dh.sum(new int[] {0});
        return new NDList(gW1, gb1, gW2, gb2);
    }

    @Override
    public NDArray fitPredict(NDArray xTrain, NDArray yTrain, NDArray xTest) {
        return predict(train(xTrain, yTrain), xTest);
    }

    /** ŷ = tanh(X W1 + b1) W2 + b2: features {@code [..., F]} → {@code [...]} (or {@code [..., K]}). */
    public static NDArray predict(NDList w, NDArray x) {
        return x.matMul(w.get(0)).add(w.get(1)).tanh().matMul(w.get(2)).add(w.get(3));
    }

    /** Mean squared error of the weights on samples (the training loss without decay). */
    public static NDArray loss(NDList w, NDArray x, NDArray y) {
        return predict(w, x).sub(y).square().mean();
    }
}
