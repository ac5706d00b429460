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
 * {@code lbfgsIterations} L-BFGS iterations (memory 50). Immutable settings.
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

    /**
     * The outcome.
     *
     * @param theta trained parameters
     * @param loss J before each Adam step, then after each L-BFGS iteration
     */
    public record Result(double[] theta, double[] loss) {
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
