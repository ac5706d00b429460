package org.climagrad.basics;

import java.util.ArrayList;
import java.util.List;
import org.climagrad.core.Check;

/**
 * Multistage neural networks (Wang &amp; Lai 2024, J. Comput. Phys. 504, 112865): stage 0 fits the
 * target y; stage n ≥ 1 fits the residual r_n = y − Σ_{m&lt;n} ε_m u_m rescaled to O(1),
 * r_n / ε_n with ε_n = RMS(r_n), using a first layer sin(κ_n(Wx + b)) whose κ_n = 2π f_n comes
 * from the residual's dominant frequency f_n (DFT on the equispaced grid). The approximation is
 * Σ_n ε_n u_n(x). Each stage trains with {@link Training} (Adam, then L-BFGS). Immutable.
 *
 * @param stages the trained stages in order
 */
public record MultistageNetwork(List<Stage> stages) {
    /** Copies. */
    public MultistageNetwork {
        stages = List.copyOf(stages);
    }

    /**
     * One stage.
     *
     * @param net its architecture (TANH for stage 0, SINE with κ_n after)
     * @param theta its parameters
     * @param scale ε_n
     * @param frequency the residual's dominant frequency f_n in cycles per unit of x (0 for stage 0)
     * @param rmsError RMS error of the sum up to and including this stage on the training data
     */
    public record Stage(Mlp net, double[] theta, double scale, double frequency, double rmsError) {}

    /**
     * Settings.
     *
     * @param stages number of stages ≥ 1
     * @param width hidden width per stage
     * @param depth hidden layers per stage
     * @param training each stage's training
     * @param seed weight seed (stage n uses seed + n)
     */
    public record Settings(int stages, int width, int depth, Training training, long seed) {
        /** Validates. */
        public Settings {
            Check.atLeast("stages", stages, 1);
            Check.atLeast("width", width, 1);
            Check.atLeast("depth", depth, 1);
        }
    }

    /**
     * Equispaced samples: a line of n points or an n × n square (row-major), spanning {@code length}
     * per axis.
     *
     * @param shape {n} or {n, n}
     * @param length extent of each axis in units of x
     */
    public record Grid(int[] shape, double length) {
        /** Validates. */
        public Grid {
            if (shape.length < 1 || shape.length > 2 || (shape.length == 2 && shape[0] != shape[1])) {
                throw new IllegalArgumentException("shape: need {n} or {n, n}");
            }
            Check.atLeast("shape[0]", shape[0], 4);
            Check.positive("length", length);
            shape = shape.clone();
        }

        /** Number of points. */
        public int size() {
            return shape.length == 1 ? shape[0] : shape[0] * shape[0];
        }

        /** Dominant frequency (cycles per unit) of values on this grid. */
        double dominantFrequency(double[] v) {
            if (shape.length == 1) {
                return Spectrum.dominantFrequency(v) / length;
            }
            int n = shape[0];
            double[][] f = new double[n][n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(v, i * n, f[i], 0, n);
            }
            double[] e = Spectrum.radialEnergy(f);
            int best = 1;
            for (int k = 2; k < e.length; k++) {
                if (e[k] > e[best]) {
                    best = k;
                }
            }
            return best / length;
        }
    }

    /**
     * Fits the stages.
     *
     * @param x points {@code [N][D]} on {@code grid}
     * @param y target values {@code [N]}
     */
    public static MultistageNetwork fit(double[][] x, double[] y, Grid grid, Settings s) {
        if (x.length != y.length || x.length != grid.size()) {
            throw new IllegalArgumentException("x, y: need " + grid.size() + " points for the grid, got " + x.length
                    + " and " + y.length);
        }
        int d = x[0].length;
        double[] sum = new double[y.length];
        List<Stage> stages = new ArrayList<>();
        for (int n = 0; n < s.stages(); n++) {
            double[] r = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                r[i] = y[i] - sum[i];
            }
            double eps = rms(r);
            if (!(eps > 0)) {
                break;
            }
            double freq = n == 0 ? 0 : grid.dominantFrequency(r);
            Mlp net = n == 0 ? Mlp.tanh(d, s.width(), s.depth(), 1)
                    : Mlp.sine(d, s.width(), s.depth(), 1, 2 * Math.PI * freq);
            double[][] target = new double[y.length][1];
            for (int i = 0; i < y.length; i++) {
                target[i][0] = r[i] / eps;
            }
            Training.Result t = s.training().run(new NetworkFit(net, x, target), net.initial(s.seed() + n), 1 << 30, null);
            double[][] u = NetworkFit.predict(net, t.theta(), x);
            for (int i = 0; i < y.length; i++) {
                sum[i] += eps * u[i][0];
                r[i] = y[i] - sum[i];
            }
            stages.add(new Stage(net, t.theta(), eps, freq, rms(r)));
        }
        return new MultistageNetwork(stages);
    }

    /** Σ_n ε_n u_n at points {@code [N][D]}. */
    public double[] predict(double[][] x) {
        double[] p = new double[x.length];
        for (Stage st : stages) {
            double[][] u = NetworkFit.predict(st.net(), st.theta(), x);
            for (int i = 0; i < x.length; i++) {
                p[i] += st.scale() * u[i][0];
            }
        }
        return p;
    }

    /** Total parameters over the stages. */
    public int size() {
        return stages.stream().mapToInt(st -> st.net().size()).sum();
    }

    /** The smallest tanh width whose single network (same depth) has at least {@code parameters} parameters. */
    public static int widthFor(int inputs, int depth, int parameters) {
        int w = 1;
        while (Mlp.tanh(inputs, w, depth, 1).size() < parameters) {
            w++;
        }
        return w;
    }

    /** Root mean square of {@code v}. */
    public static double rms(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s / v.length);
    }
}
