package org.climagrad.basics;

import java.util.SplittableRandom;
import org.climagrad.core.Check;

/**
 * With a linear activation depth buys nothing: a stack of L affine layers
 * x ↦ W_L(…(W_1 x + b_1)…) + b_L is the single affine map x ↦ A x + c with A = W_L⋯W_1 and
 * c = Σ_l W_L⋯W_{l+1} b_l (Lai 2024). Random 1 → width → … → 1 networks, evaluated layer by layer
 * and as the collapsed map.
 *
 * @param depth layers L
 * @param slope A (1 × 1)
 * @param intercept c
 * @param maxDifference max |deep(x) − (A x + c)| over the evaluation points
 * @param tanhCurvature max |second difference| of the same weights with tanh activations (non-zero:
 *     not a linear map)
 */
public record LinearCollapse(int depth, double slope, double intercept, double maxDifference, double tanhCurvature) {
    /**
     * @param depth layers ≥ 2
     * @param width hidden width ≥ 1
     * @param seed weight seed (weights uniform in ±√(3/fan-in), biases in ±0.5)
     */
    public static LinearCollapse of(int depth, int width, long seed) {
        Check.atLeast("depth", depth, 2);
        Check.atLeast("width", width, 1);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] w = new double[depth][][];
        double[][] b = new double[depth][];
        for (int l = 0; l < depth; l++) {
            int in = l == 0 ? 1 : width;
            int out = l == depth - 1 ? 1 : width;
            w[l] = new double[out][in];
            b[l] = new double[out];
            double a = Math.sqrt(3.0 / in);
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < in; j++) {
                    w[l][i][j] = a * (2 * rng.nextDouble() - 1);
                }
                b[l][i] = rng.nextDouble() - 0.5;
            }
        }
        // Collapse: propagate the affine map (A, c) through the layers.
        double[][] aMap = {{1}};
        double[] c = {0};
        for (int l = 0; l < depth; l++) {
            int out = w[l].length;
            double[][] na = new double[out][1];
            double[] nc = new double[out];
            for (int i = 0; i < out; i++) {
                nc[i] = b[l][i];
                for (int j = 0; j < w[l][i].length; j++) {
                    na[i][0] += w[l][i][j] * aMap[j][0];
                    nc[i] += w[l][i][j] * c[j];
                }
            }
            aMap = na;
            c = nc;
        }
        double maxDiff = 0;
        double curvature = 0;
        double h = 0.25;
        for (int k = 0; k <= 40; k++) {
            double x = -5 + 0.25 * k;
            maxDiff = Math.max(maxDiff, Math.abs(forward(w, b, x, false) - (aMap[0][0] * x + c[0])));
            double second = forward(w, b, x + h, true) - 2 * forward(w, b, x, true) + forward(w, b, x - h, true);
            curvature = Math.max(curvature, Math.abs(second));
        }
        return new LinearCollapse(depth, aMap[0][0], c[0], maxDiff, curvature);
    }

    private static double forward(double[][][] w, double[][] b, double x, boolean tanh) {
        double[] v = {x};
        for (int l = 0; l < w.length; l++) {
            double[] n = new double[w[l].length];
            for (int i = 0; i < n.length; i++) {
                n[i] = b[l][i];
                for (int j = 0; j < v.length; j++) {
                    n[i] += w[l][i][j] * v[j];
                }
                if (tanh && l < w.length - 1) {
                    n[i] = Math.tanh(n[i]);
                }
            }
            v = n;
        }
        return v[0];
    }
}
