package org.climagrad.coda;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.climagrad.core.Check;
import org.climagrad.core.Tensors;
import org.climagrad.dynamics.Rollout;

/**
 * The CODA training objective, Zinchenko &amp; Greenberg (2024), eq. 6: a weak-constraint 4D-Var
 * cost evaluated on the network's analyses, using observations only.
 *
 * <p>For a batch of times t with analyses x̂_t = g_DA(y_{t-w..t+w}) and the analyses
 * x̂_{t+R} of the windows shifted by the rollout length R:
 *
 * <pre>
 *   data  = Σ_{i=0..R} Σ_k m_{t+i,k} (y_{t+i,k} − M^i(x̂_t)_k)² / Σ_{i,k} m_{t+i,k}
 *   model = mean_k (x̂_{t+R} − M^R(x̂_t))²
 *   total = data + α · model
 * </pre>
 *
 * averaged over the batch (the data term over all observed entries of the batch). M is the
 * (possibly parameterised or corrected) model {@link Rollout} with parameters θ; m is the
 * observation mask (H_t selects the observed entries). α = 0 is the strong-constraint variant.
 * Every constant is an NDArray on the inputs' manager (the DJL autograd pitfall).
 */
public final class CodaLoss {
    private final Rollout rollout;
    private final int rolloutSteps;
    private final double alpha;

    private CodaLoss(Builder b) {
        this.rollout = b.rollout;
        this.rolloutSteps = b.rolloutSteps;
        this.alpha = b.alpha;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The model M. */
    public Rollout rollout() {
        return rollout;
    }

    /** The rollout length R (model steps = observation times). */
    public int rolloutSteps() {
        return rolloutSteps;
    }

    /** The weight α of the model-consistency term. */
    public double alpha() {
        return alpha;
    }

    /**
     * The three terms of the loss, as differentiable scalars on the inputs' manager.
     *
     * @param data Σ masked squared misfit / number of observed entries
     * @param model mean squared mismatch between x̂_{t+R} and M^R(x̂_t)
     * @param total data + α·model
     */
    public record Terms(NDArray data, NDArray model, NDArray total) {}

    /**
     * Evaluates the loss.
     *
     * @param analysis x̂_t {@code [batch, nx]}
     * @param shiftedAnalysis x̂_{t+R} {@code [batch, nx]} (may be the same network's output)
     * @param theta model parameters {@code [np]} or {@code [batch, np]} (may require gradients)
     * @param observations y_{t..t+R} {@code [batch, R+1, nx]}, any value where missing
     * @param mask m_{t..t+R} {@code [batch, R+1, nx]}, 1 where observed, 0 where missing
     * @return the terms
     */
    public Terms compute(NDArray analysis, NDArray shiftedAnalysis, NDArray theta, NDArray observations,
            NDArray mask) {
        Shape s = analysis.getShape();
        if (s.dimension() != 2) {
            throw new IllegalArgumentException("analysis has shape " + s + ": must be [batch, nx]");
        }
        if (!shiftedAnalysis.getShape().equals(s)) {
            throw new IllegalArgumentException("shiftedAnalysis has shape " + shiftedAnalysis.getShape()
                    + ": must equal the analysis shape " + s);
        }
        Shape w = new Shape(s.get(0), rolloutSteps + 1, s.get(1));
        if (!observations.getShape().equals(w)) {
            throw new IllegalArgumentException("observations have shape " + observations.getShape() + ": must be " + w
                    + " ([batch, rolloutSteps + 1, nx])");
        }
        if (!mask.getShape().equals(w)) {
            throw new IllegalArgumentException("mask has shape " + mask.getShape() + ": must be " + w);
        }
        NDArray m = mask.toType(analysis.getDataType(), false);
        NDArray y = observations.toType(analysis.getDataType(), false);
        NDArray trajectory = rollout.run(analysis, theta, rolloutSteps); // [batch, R+1, nx]
        NDArray misfit = y.sub(trajectory).mul(m);
        NDArray observed = m.sum().maximum(Tensors.scalar(m, 1));
        NDArray dataTerm = misfit.square().sum().div(observed);
        NDArray last = trajectory.get(":, -1, :");
        NDArray modelTerm = shiftedAnalysis.sub(last).square().mean();
        NDArray total = dataTerm.add(modelTerm.mul(Tensors.scalar(modelTerm, alpha)));
        return new Terms(dataTerm, modelTerm, total);
    }

    @Override
    public String toString() {
        return "CodaLoss(R=" + rolloutSteps + ", alpha=" + alpha + ")";
    }

    /** Builder: {@code setRollout}, {@code setRolloutSteps} required; {@code optAlpha} (default 1). */
    public static final class Builder {
        private Rollout rollout;
        private int rolloutSteps;
        private double alpha = 1;

        private Builder() {}

        /** The model M (required). */
        public Builder setRollout(Rollout rollout) {
            this.rollout = rollout;
            return this;
        }

        /** The rollout length R ≥ 1 in model steps (required). */
        public Builder setRolloutSteps(int rolloutSteps) {
            this.rolloutSteps = rolloutSteps;
            return this;
        }

        /** The model-consistency weight α ≥ 0 (default 1; 0 = strong constraint). */
        public Builder optAlpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** Validates and builds. */
        public CodaLoss build() {
            if (rollout == null) {
                throw new IllegalArgumentException("rollout: required (setRollout)");
            }
            Check.atLeast("rolloutSteps", rolloutSteps, 1);
            Check.finite("alpha", alpha);
            Check.nonNegative("alpha", alpha);
            return new CodaLoss(this);
        }
    }
}
