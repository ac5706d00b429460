package org.climagrad.basics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.climagrad.calibration.Estimate;
import org.climagrad.calibration.LBfgs;
import org.climagrad.calibration.Objective;
import org.climagrad.core.Check;
import org.climagrad.solve.Adam;

/**
 * Network training as in Wang &amp; Lai (2024): {@code adamSteps} Adam steps with a learning rate
 * decaying geometrically from {@code learningRate} to {@code finalLearningRate}, then up to
 * {@code lbfgsIterations} L-BFGS iterations (memory 50). Immutable settings; build with {@link
 * #builder()} (the canonical constructor validates but is not the way to make one).
 *
 * @param adamSteps ≥ 0
 * @param learningRate &gt; 0
 * @param finalLearningRate in (0, learningRate]
 * @param lbfgsIterations ≥ 0
 */
public record Training(int adamSteps, double learningRate, double finalLearningRate, int lbfgsIterations) {
    /** Validates. */
    public Training {
        Check.atLeast("adamSteps", adamSteps, 0);
        Check.positive("learningRate", learningRate);
        Check.inClosed("finalLearningRate", finalLearningRate, Double.MIN_VALUE, learningRate);
        Check.atLeast("lbfgsIterations", lbfgsIterations, 0);
        if (adamSteps + lbfgsIterations == 0) {
            throw new IllegalArgumentException("adamSteps + lbfgsIterations: must be ≥ 1");
        }
    }

    /** A builder; every option has a default, but Adam steps and L-BFGS iterations cannot both be 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().optAdamSteps(adamSteps).optLearningRate(learningRate)
                .optFinalLearningRate(finalLearningRate).optLbfgsIterations(lbfgsIterations);
    }

    /** Builds a {@link Training}. */
    public static final class Builder {
        private int adamSteps;
        private double learningRate = 1e-3;
        private Double finalLearningRate;
        private int lbfgsIterations;

        private Builder() {}

        /** Adam steps ≥ 0 (default 0). */
        public Builder optAdamSteps(int adamSteps) {
            this.adamSteps = adamSteps;
            return this;
        }

        /** First Adam learning rate &gt; 0 (default 1e-3). */
        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Last Adam learning rate, in (0, learningRate] (default: the learning rate, no decay). */
        public Builder optFinalLearningRate(double finalLearningRate) {
            this.finalLearningRate = finalLearningRate;
            return this;
        }

        /** L-BFGS iterations after Adam ≥ 0 (default 0). */
        public Builder optLbfgsIterations(int lbfgsIterations) {
            this.lbfgsIterations = lbfgsIterations;
            return this;
        }

        /** Validates (the message names the field and its range) and builds. */
        public Training build() {
            return new Training(adamSteps, learningRate, finalLearningRate == null ? learningRate : finalLearningRate,
                    lbfgsIterations);
        }
    }

    /**
     * The outcome.
     *
     * @param theta trained parameters
     * @param loss J before each Adam step, then after each L-BFGS iteration
     */
    public record Result(double[] theta, double[] loss) {
        /** Copies the arrays. */
        public Result {
            theta = theta.clone();
            loss = loss.clone();
        }

        /** theta, a copy. */
        @Override
        public double[] theta() {
            return theta.clone();
        }

        /** Element {@code i} of theta (no copy). */
        public double theta(int i) {
            return theta[i];
        }

        /** loss, a copy. */
        @Override
        public double[] loss() {
            return loss.clone();
        }

        /** Element {@code i} of loss (no copy). */
        public double loss(int i) {
            return loss[i];
        }

        /** The final loss. */
        public double finalLoss() {
            return loss[loss.length - 1];
        }
    }

    /** Trains from θ0; {@code snapshot} (or null) sees θ every {@code every} Adam steps (step 0 first). */
    public Result run(Objective f, double[] theta0, int every, ObjIntConsumer<double[]> snapshot) {
        Check.atLeast("every", every, 1);
        double[] theta = theta0.clone();
        Adam adam = new Adam(theta.length);
        List<Double> loss = new ArrayList<>();
        double decay = Math.pow(finalLearningRate / learningRate, 1.0 / Math.max(1, adamSteps - 1));
        double lr = learningRate;
        for (int k = 0; k < adamSteps; k++) {
            if (snapshot != null && k % every == 0) {
                snapshot.accept(theta.clone(), k);
            }
            Estimate e = f.valueAndGradient(theta);
            if (!Double.isFinite(e.value())) {
                throw new IllegalStateException("training: loss is " + e.value() + " at Adam step " + k
                        + " (lower learningRate)");
            }
            loss.add(e.value());
            adam.step(theta, e.gradient(), lr);
            lr *= decay;
        }
        if (snapshot != null) {
            snapshot.accept(theta.clone(), adamSteps);
        }
        if (lbfgsIterations > 0) {
            LBfgs.Result r = new LBfgs(50, lbfgsIterations, 0).run(f, theta);
            theta = r.u();
            for (double v : r.values()) {
                loss.add(v);
            }
        } else {
            loss.add(f.value(theta));
        }
        return new Result(theta, loss.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
