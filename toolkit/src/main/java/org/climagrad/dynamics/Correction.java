package org.climagrad.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * An additive term in a tendency, dx/dt = f(x; θ) + B(x): for example a learned sub-grid
 * correction. Maps a state {@code [batch, nx]} to a tendency {@code [batch, nx]}.
 */
@FunctionalInterface
public interface Correction {
    /**
     * The correction term.
     *
     * @param x state {@code [batch, nx]}
     * @return additive tendency {@code [batch, nx]}, same type as x
     */
    NDArray apply(NDArray x);

    /**
     * A DJL block applied to the whole state: {@code [batch, nx] -> [batch, nx]}.
     *
     * @param block an initialised block
     * @param training whether the block runs in training mode (batch norm, dropout)
     */
    static Correction ofBlock(Block block, boolean training) {
        return x -> block.forward(new ParameterStore(x.getManager(), false), new NDList(x), training).singletonOrThrow();
    }

    /**
     * A DJL block applied independently at every grid point to the local value:
     * {@code [batch, nx]} is reshaped to {@code [batch·nx, 1]}, passed through the block
     * ({@code [n, 1] -> [n, 1]}), and reshaped back, as for CODA's per-location network B_ψ(x_k).
     * The block holds float32 parameters: a state of another type (a float64 free run) is cast to
     * float32 for the block and the result cast back.
     */
    static Correction local(Block block, boolean training) {
        return x -> {
            long batch = x.getShape().get(0);
            long nx = x.getShape().get(1);
            boolean cast = x.getDataType() != DataType.FLOAT32;
            NDArray in = cast ? x.toType(DataType.FLOAT32, false) : x;
            NDArray out = block.forward(new ParameterStore(x.getManager(), false),
                    new NDList(in.reshape(batch * nx, 1)), training).singletonOrThrow().reshape(batch, nx);
            return cast ? out.toType(x.getDataType(), false) : out;
        };
    }
}
