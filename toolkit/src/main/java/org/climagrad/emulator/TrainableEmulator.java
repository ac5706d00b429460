package org.climagrad.emulator;

import ai.djl.ndarray.NDArray;

/**
 * An emulator whose training is a differentiable function of its training data: {@link
 * MlpEmulator} (unrolled gradient steps) and {@link RidgeEmulator} (closed form).
 */
public interface TrainableEmulator {
    /**
     * Trains on {@code (xTrain, yTrain)} and predicts at {@code xTest}, all in one autograd graph.
     *
     * @param xTrain features {@code [N, F]}
     * @param yTrain warming {@code [N]}
     * @param xTest features {@code [M, F]}
     * @return predictions {@code [M]}
     */
    NDArray fitPredict(NDArray xTrain, NDArray yTrain, NDArray xTest);
}
