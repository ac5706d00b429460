package org.climagrad.emulator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.climagrad.core.Check;
import org.climagrad.core.Tensors;

/**
 * Ridge regression from {@link EmissionFeatures} (plus a bias) to warming, trained in closed form
 * w = (XᵀX + λ N D)⁻¹ Xᵀy with D = diag(1, ..., 1, 0) (the bias is not penalised). The solution
 * is a differentiable function of the training data (Womack et al. 2026 use it for a cheap
 * outer loop).
 *
 * @param lambda ridge penalty per sample, ≥ 0
 */
public record RidgeEmulator(double lambda) implements TrainableEmulator {
    /** Validates λ. */
    public RidgeEmulator {
        Check.nonNegative("lambda", lambda);
    }

    /**
     * @param x features {@code [N, F]}
     * @param y targets {@code [N]} or {@code [N, K]}
     * @return coefficients {@code [F + 1]} or {@code [F + 1, K]} (bias last)
     */
    public NDArray train(NDArray x, NDArray y) {
        NDArray xb = withBias(x);
        long f = xb.getShape().get(1);
        long n = xb.getShape().get(0);
        double[] d = new double[(int) (f * f)];
        for (int i = 0; i < f - 1; i++) {
            d[(int) (i * f + i)] = lambda * n;
        }
        NDArray gram = xb.transpose().matMul(xb).add(Tensors.create(x.getManager(), d, new Shape(f, f),
                x.getDataType()));
        boolean one = y.getShape().dimension() == 1;
        NDArray w = gram.inverse().matMul(xb.transpose().matMul(one ? y.expandDims(1) : y));
        return one ? w.squeeze(1) : w;
    }

    @Override
    public NDArray fitPredict(NDArray xTrain, NDArray yTrain, NDArray xTest) {
        return predict(train(xTrain, yTrain), xTest);
    }

    /** Predictions {@code [N]} (or {@code [N, K]}) from features {@code [N, F]}. */
    public static NDArray predict(NDArray coefficients, NDArray x) {
        if (coefficients.getShape().dimension() == 2) {
            return withBias(x).matMul(coefficients);
        }
        return withBias(x).matMul(coefficients.expandDims(1)).squeeze(1);
    }

    private static NDArray withBias(NDArray x) {
        return x.concat(x.getManager().ones(new Shape(x.getShape().get(0), 1), x.getDataType()), 1);
    }
}
