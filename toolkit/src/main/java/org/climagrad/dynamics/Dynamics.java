package org.climagrad.dynamics;

import ai.djl.ndarray.NDArray;

/**
 * A continuous-time model dx/dt = f(x; θ) as a pure, batched, differentiable tendency function.
 *
 * <p>Shapes: the state {@code x} is {@code [batch, nx]}; the parameters {@code θ} are
 * {@code [np]} (shared by the batch) or {@code [batch, np]} (one set per member). The result has the
 * shape and data type of {@code x}. Implementations are immutable and use only NDArray operations
 * (no Java-number arithmetic, see {@link org.climagrad.core.Tensors}), so the tendency is
 * differentiable with respect to both {@code x} and {@code θ}.
 */
public interface Dynamics {
    /** Size of the state vector. */
    int nx();

    /** Names of the parameters in θ, in order. */
    String[] parameterNames();

    /** The reference parameter values (the paper's), same order as {@link #parameterNames()}. */
    double[] defaultParameters();

    /**
     * The tendency dx/dt.
     *
     * @param x state {@code [batch, nx]}
     * @param theta parameters {@code [np]} or {@code [batch, np]}, same data type as x
     * @return dx/dt {@code [batch, nx]}
     */
    NDArray tendency(NDArray x, NDArray theta);
}
