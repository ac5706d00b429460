package org.climagrad.basics;

import java.util.SplittableRandom;
import org.climagrad.core.Check;

/**
 * Random Fourier features (Tancik et al. 2020): γ(v) = [cos(2πBv), sin(2πBv)] with B {@code [m][D]}
 * drawn from N(0, κ²). Fed to an {@link Mlp} instead of v, they let it learn frequencies up to
 * about κ that plain networks learn late or never (spectral bias). Immutable.
 *
 * @param b frequencies {@code [m][D]}
 */
public record FourierFeatures(double[][] b) {
    /** Validates and copies. */
    public FourierFeatures {
        if (b.length == 0) {
            throw new IllegalArgumentException("b: need at least one frequency row");
        }
        double[][] c = new double[b.length][];
        for (int i = 0; i < b.length; i++) {
            c[i] = Check.allFinite("b[" + i + "]", b[i]).clone();
        }
        b = c;
    }

    /**
     * B ~ N(0, κ²), seeded.
     *
     * @param inputs D ≥ 1
     * @param features m ≥ 1 (γ has 2m components)
     * @param kappa κ &gt; 0, cycles per unit of v
     */
    public static FourierFeatures sample(int inputs, int features, double kappa, long seed) {
        Check.atLeast("inputs", inputs, 1);
        Check.atLeast("features", features, 1);
        Check.positive("kappa", kappa);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] b = new double[features][inputs];
        for (int i = 0; i < features; i++) {
            for (int d = 0; d < inputs; d++) {
                b[i][d] = kappa * Mlp.gaussian(rng);
            }
        }
        return new FourierFeatures(b);
    }

    /** Number of output components, 2m. */
    public int size() {
        return 2 * b.length;
    }

    /** γ(v) for each row of v {@code [N][D]} → {@code [N][2m]}. */
    public double[][] apply(double[][] v) {
        double[][] out = new double[v.length][size()];
        for (int n = 0; n < v.length; n++) {
            if (v[n].length != b[0].length) {
                throw new IllegalArgumentException("v[" + n + "]: need " + b[0].length + " values, got " + v[n].length);
            }
            for (int i = 0; i < b.length; i++) {
                double z = 0;
                for (int d = 0; d < v[n].length; d++) {
                    z += b[i][d] * v[n][d];
                }
                out[n][i] = Math.cos(2 * Math.PI * z);
                out[n][b.length + i] = Math.sin(2 * Math.PI * z);
            }
        }
        return out;
    }

    /** b, a copy. */
    @Override
    public double[][] b() {
        return deepCopy(b);
    }

    /** Element {@code (i, j)} of b (no copy). */
    public double b(int i, int j) {
        return b[i][j];
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
