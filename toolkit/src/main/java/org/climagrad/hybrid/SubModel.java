package org.climagrad.hybrid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.climagrad.core.Check;
import org.climagrad.core.Tensors;

/**
 * A neural sub-model of a hybrid model: an MLP correction to the tendency,
 * g(s) = scale · (W2 tanh(W1 ŝ + b1) + b2) with ŝ = (s − μ) / σ_s, evaluated both on tensors
 * (differentiable in the weights and the state) and in plain Java (inside a black-box solver).
 * The weights are plain arrays; this object is immutable.
 *
 * @param w1 {@code [3][hidden]}
 * @param b1 {@code [hidden]}
 * @param w2 {@code [hidden][3]}
 * @param b2 {@code [3]}
 * @param mean μ {@code [3]}
 * @param std σ_s {@code [3]}
 * @param scale output scale (tendency units)
 */
public record SubModel(double[][] w1, double[] b1, double[][] w2, double[] b2, double[] mean, double[] std, double scale) {
    /** Random weights (uniform ±1/√fan-in, zero output layer so g starts at 0). */
    public static SubModel initial(int hidden, double[] mean, double[] std, double scale, long seed) {
        Check.atLeast("hidden", hidden, 1);
        Check.positive("scale", scale);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] w1 = new double[3][hidden];
        for (double[] row : w1) {
            for (int j = 0; j < hidden; j++) {
                row[j] = (2 * rng.nextDouble() - 1) / Math.sqrt(3);
            }
        }
        double[] b1 = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            b1[j] = 2 * rng.nextDouble() - 1;
        }
        return new SubModel(w1, b1, new double[hidden][3], new double[3], mean.clone(), std.clone(), scale);
    }

    /** Number of hidden units. */
    public int hidden() {
        return b1.length;
    }

    /** g(s) in plain Java {@code [3]}. */
    public double[] apply(double[] s) {
        int h = b1.length;
        double[] out = b2.clone();
        for (int j = 0; j < h; j++) {
            double a = b1[j];
            for (int i = 0; i < 3; i++) {
                a += w1[i][j] * (s[i] - mean[i]) / std[i];
            }
            double t = Math.tanh(a);
            for (int k = 0; k < 3; k++) {
                out[k] += w2[j][k] * t;
            }
        }
        for (int k = 0; k < 3; k++) {
            out[k] *= scale;
        }
        return out;
    }

    /** The weights as tensors (W1, b1, W2, b2) on {@code m}, float64. */
    public NDList tensors(NDManager m) {
        return new NDList(Tensors.create(m, w1, DataType.FLOAT64), m.create(b1), Tensors.create(m, w2, DataType.FLOAT64),
                m.create(b2));
    }

    /** g(s) on tensors: states {@code [batch, 3]}, weights from {@link #tensors}. */
    public NDArray apply(NDList w, NDArray s) {
        NDArray mu = Tensors.create(s.getManager(), mean, new Shape(1, 3), s.getDataType());
        NDArray inv = Tensors.create(s.getManager(), invert(std), new Shape(1, 3), s.getDataType());
        NDArray h = s.sub(mu).mul(inv).matMul(w.get(0)).add(w.get(1)).tanh();
        return Tensors.mul(h.matMul(w.get(2)).add(w.get(3)), scale);
    }

    /** These settings with new weights from tensors (W1, b1, W2, b2). */
    public SubModel withWeights(NDList w) {
        return new SubModel(Tensors.toMatrix(w.get(0)), w.get(1).toDoubleArray(), Tensors.toMatrix(w.get(2)),
                w.get(3).toDoubleArray(), mean, std, scale);
    }

    private static double[] invert(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = 1 / v[i];
        }
        return o;
    }
}
