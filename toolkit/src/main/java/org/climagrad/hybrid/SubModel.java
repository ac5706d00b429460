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
 * The weights are plain arrays; this object is immutable: the constructor copies them and every
 * array accessor returns a copy.
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
    /** Validates the shapes and copies the arrays. */
    public SubModel {
        int h = b1.length;
        Check.atLeast("hidden", h, 1);
        if (w1.length != 3 || w2.length != h || b2.length != 3 || mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("w1 [3][" + h + "], w2 [" + h + "][3], b2, mean, std [3]: got w1 ["
                    + w1.length + "], w2 [" + w2.length + "], b2 [" + b2.length + "], mean [" + mean.length + "], std ["
                    + std.length + "]");
        }
        w1 = copy(w1, h);
        b1 = b1.clone();
        w2 = copy(w2, 3);
        b2 = b2.clone();
        mean = mean.clone();
        std = std.clone();
    }

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
        return new SubModel(w1, b1, new double[hidden][3], new double[3], mean, std, scale);
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

    /** W1 {@code [3][hidden]}, a copy. */
    @Override
    public double[][] w1() {
        return copy(w1, w1[0].length);
    }

    /** b1 {@code [hidden]}, a copy. */
    @Override
    public double[] b1() {
        return b1.clone();
    }

    /** W2 {@code [hidden][3]}, a copy. */
    @Override
    public double[][] w2() {
        return copy(w2, 3);
    }

    /** b2 {@code [3]}, a copy. */
    @Override
    public double[] b2() {
        return b2.clone();
    }

    /** μ {@code [3]}, a copy. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** σ_s {@code [3]}, a copy. */
    @Override
    public double[] std() {
        return std.clone();
    }

    /**
     * The weights as one vector {@code [3·hidden + hidden + hidden·3 + 3]}: W1 row-major, b1, W2
     * row-major, b2 (the order of {@link #tensors} and of {@code HybridGradients.gradient}); a new array.
     */
    public double[] flatWeights() {
        int h = b1.length;
        double[] u = new double[7 * h + 3];
        int o = 0;
        for (double[] row : w1) {
            System.arraycopy(row, 0, u, o, h);
            o += h;
        }
        System.arraycopy(b1, 0, u, o, h);
        o += h;
        for (double[] row : w2) {
            System.arraycopy(row, 0, u, o, 3);
            o += 3;
        }
        System.arraycopy(b2, 0, u, o, 3);
        return u;
    }

    /** These settings (μ, σ_s, scale) with the weights of {@link #flatWeights} {@code u}. */
    public SubModel withFlatWeights(double[] u) {
        int h = b1.length;
        Check.length("u", u, 7 * h + 3);
        double[][] a = new double[3][h];
        double[][] c = new double[h][3];
        int o = 0;
        for (double[] row : a) {
            System.arraycopy(u, o, row, 0, h);
            o += h;
        }
        double[] b = java.util.Arrays.copyOfRange(u, o, o + h);
        o += h;
        for (double[] row : c) {
            System.arraycopy(u, o, row, 0, 3);
            o += 3;
        }
        return new SubModel(a, b, c, java.util.Arrays.copyOfRange(u, o, o + 3), mean, std, scale);
    }

    private static double[][] copy(double[][] a, int cols) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != cols) {
                throw new IllegalArgumentException("row " + i + ": need " + cols + " values, got " + a[i].length);
            }
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[] invert(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = 1 / v[i];
        }
        return o;
    }
}
