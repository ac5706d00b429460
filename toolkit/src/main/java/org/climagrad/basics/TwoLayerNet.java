package org.climagrad.basics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;
import org.climagrad.core.Tensors;

/**
 * The backpropagation exercises of Lai (2024): a network x ∈ R^D → H sigmoid units → K sigmoid
 * outputs, y = σ(W2 σ(W1 x + b1) + b2), with the loss L = ½ Σ_k (y_k − t_k)² for one sample. The
 * lecture's single-neuron chain y = σ(w2 σ(w1 x + b1) + b2) is D = H = K = 1, "three hidden units"
 * is H = 3, "two outputs" is K = 2. Its gradient is computed three ways: the chain rule written out
 * ({@link #handGradient}), DJL autograd ({@link #autogradGradient}) and central finite differences
 * ({@link #finiteDifferenceGradient}). Parameters are flattened as W1 (row-major, [H][D]), b1, W2
 * ([K][H]), b2. Immutable.
 *
 * @param inputs D ≥ 1
 * @param hidden H ≥ 1
 * @param outputs K ≥ 1
 * @param parameters the flattened parameters, H·D + H + K·H + K of them
 */
public record TwoLayerNet(int inputs, int hidden, int outputs, double[] parameters) {
    /** Validates and copies. */
    public TwoLayerNet {
        Check.atLeast("inputs", inputs, 1);
        Check.atLeast("hidden", hidden, 1);
        Check.atLeast("outputs", outputs, 1);
        int p = hidden * inputs + hidden + outputs * hidden + outputs;
        if (parameters.length != p) {
            throw new IllegalArgumentException("parameters: need " + p + " values for D=" + inputs + ", H=" + hidden
                    + ", K=" + outputs + ", got " + parameters.length);
        }
        parameters = parameters.clone();
    }

    /** Parameters uniform in ±1, seeded. */
    public static TwoLayerNet random(int inputs, int hidden, int outputs, long seed) {
        int p = hidden * inputs + hidden + outputs * hidden + outputs;
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[Math.max(p, 0)];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * rng.nextDouble() - 1;
        }
        return new TwoLayerNet(inputs, hidden, outputs, v);
    }

    /** Number of parameters. */
    public int size() {
        return parameters.length;
    }

    /** Parameter names in flattened order: w1[h][d], b1[h], w2[k][h], b2[k] (1-based). */
    public String[] names() {
        String[] n = new String[size()];
        int i = 0;
        for (int h = 1; h <= hidden; h++) {
            for (int d = 1; d <= inputs; d++) {
                n[i++] = "w1[" + h + "][" + d + "]";
            }
        }
        for (int h = 1; h <= hidden; h++) {
            n[i++] = "b1[" + h + "]";
        }
        for (int k = 1; k <= outputs; k++) {
            for (int h = 1; h <= hidden; h++) {
                n[i++] = "w2[" + k + "][" + h + "]";
            }
        }
        for (int k = 1; k <= outputs; k++) {
            n[i++] = "b2[" + k + "]";
        }
        return n;
    }

    /** The outputs y {@code [K]} for one input x {@code [D]}. */
    public double[] forward(double[] x) {
        return forward(parameters, x, null);
    }

    /** L = ½ Σ_k (y_k − t_k)². */
    public double loss(double[] x, double[] t) {
        return loss(parameters, x, t);
    }

    private double loss(double[] p, double[] x, double[] t) {
        checkSample(x, t);
        double[] y = forward(p, x, null);
        double s = 0;
        for (int k = 0; k < outputs; k++) {
            s += (y[k] - t[k]) * (y[k] - t[k]);
        }
        return 0.5 * s;
    }

    /** Forward pass; stores the hidden activations a1 into {@code hiddenOut} when it is not null. */
    private double[] forward(double[] p, double[] x, double[] hiddenOut) {
        int b1 = hidden * inputs;
        int w2 = b1 + hidden;
        int b2 = w2 + outputs * hidden;
        double[] a1 = hiddenOut == null ? new double[hidden] : hiddenOut;
        for (int h = 0; h < hidden; h++) {
            double z = p[b1 + h];
            for (int d = 0; d < inputs; d++) {
                z += p[h * inputs + d] * x[d];
            }
            a1[h] = Sigmoid.value(z);
        }
        double[] y = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            double z = p[b2 + k];
            for (int h = 0; h < hidden; h++) {
                z += p[w2 + k * hidden + h] * a1[h];
            }
            y[k] = Sigmoid.value(z);
        }
        return y;
    }

    /**
     * ∂L/∂θ by the chain rule, written out: δ2 = (y − t) ⊙ y(1 − y); ∂W2 = δ2 a1ᵀ; ∂b2 = δ2;
     * δ1 = (W2ᵀ δ2) ⊙ a1(1 − a1); ∂W1 = δ1 xᵀ; ∂b1 = δ1.
     */
    public double[] handGradient(double[] x, double[] t) {
        checkSample(x, t);
        int b1 = hidden * inputs;
        int w2 = b1 + hidden;
        int b2 = w2 + outputs * hidden;
        double[] a1 = new double[hidden];
        double[] y = forward(parameters, x, a1);
        double[] g = new double[size()];
        double[] delta2 = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            delta2[k] = (y[k] - t[k]) * y[k] * (1 - y[k]);
            g[b2 + k] = delta2[k];
            for (int h = 0; h < hidden; h++) {
                g[w2 + k * hidden + h] = delta2[k] * a1[h];
            }
        }
        for (int h = 0; h < hidden; h++) {
            double back = 0;
            for (int k = 0; k < outputs; k++) {
                back += parameters[w2 + k * hidden + h] * delta2[k];
            }
            double delta1 = back * a1[h] * (1 - a1[h]);
            g[b1 + h] = delta1;
            for (int d = 0; d < inputs; d++) {
                g[h * inputs + d] = delta1 * x[d];
            }
        }
        return g;
    }

    /** Central differences (L(θ + h e_i) − L(θ − h e_i)) / 2h: 2·{@link #size()} forward passes. */
    public double[] finiteDifferenceGradient(double[] x, double[] t, double step) {
        Check.positive("step", step);
        checkSample(x, t);
        double[] p = parameters.clone();
        double[] g = new double[size()];
        for (int i = 0; i < g.length; i++) {
            double keep = p[i];
            p[i] = keep + step;
            double up = loss(p, x, t);
            p[i] = keep - step;
            double down = loss(p, x, t);
            p[i] = keep;
            g[i] = (up - down) / (2 * step);
        }
        return g;
    }

    /** ∂L/∂θ by DJL autograd in float64 (one forward and one backward pass). */
    public double[] autogradGradient(double[] x, double[] t) {
        return autogradGradient(x, t, () -> {});
    }

    /** As {@link #autogradGradient(double[], double[])}, running {@code beforeBackward} (a test forces GC there). */
    double[] autogradGradient(double[] x, double[] t, Runnable beforeBackward) {
        checkSample(x, t);
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            DataType f64 = DataType.FLOAT64;
            NDArray theta = m.create(parameters.clone());
            theta.setRequiresGradient(true);
            NDArray xs = Tensors.create(m, x, new Shape(inputs, 1), f64);
            NDArray ts = Tensors.create(m, t, new Shape(outputs, 1), f64);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                int b1 = hidden * inputs;
                int w2 = b1 + hidden;
                int b2 = w2 + outputs * hidden;
                NDArray mW1 = theta.get(0 + ":" + b1).reshape(hidden, inputs);
                NDArray mB1 = theta.get(b1 + ":" + w2).reshape(hidden, 1);
                NDArray mW2 = theta.get(w2 + ":" + b2).reshape(outputs, hidden);
                NDArray mB2 = theta.get(b2 + ":" + size()).reshape(outputs, 1);
                NDArray a1 = sigmoid(mW1.matMul(xs).add(mB1));
                NDArray y = sigmoid(mW2.matMul(a1).add(mB2));
                NDArray loss = Tensors.mul(y.sub(ts).square().sum(), 0.5);
                beforeBackward.run();
                gc.backward(loss);
            }
            return theta.getGradient().toDoubleArray();
        }
    }

    /** σ(z) = 1 / (1 + e^−z) from tensor operations whose constants stay open until backward. */
    private static NDArray sigmoid(NDArray z) {
        NDArray one = Tensors.scalar(z, 1);
        return one.div(one.add(z.neg().exp()));
    }

    private void checkSample(double[] x, double[] t) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("x: need " + inputs + " values, got " + x.length);
        }
        if (t.length != outputs) {
            throw new IllegalArgumentException("t: need " + outputs + " targets, got " + t.length);
        }
    }

    /** parameters, a copy. */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** Element {@code i} of parameters (no copy). */
    public double parameters(int i) {
        return parameters[i];
    }
}
