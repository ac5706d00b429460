package org.climagrad.basics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.climagrad.core.Check;

/**
 * Multistage neural networks (Wang &amp; Lai 2024, J. Comput. Phys. 504, 112865): stage 0 fits the
 * target y; stage n ≥ 1 fits the residual r_n = y − Σ_{m&lt;n} ε_m u_m rescaled to O(1),
 * r_n / ε_n with ε_n = RMS(r_n), using a first layer sin(κ_n(Wx + b)) whose κ_n = 2π f_n comes
 * from the residual's dominant frequency f_n ({@link Spectrum#dominantFrequency}, Hann-windowed, on
 * the stage's grid). The approximation is Σ_n ε_n u_n(x). Stage 0 trains with
 * {@link Settings#first()}, later stages with {@link Settings#later()} (Adam, then L-BFGS).
 *
 * <p>When the target is a function, stage n samples it on the grid refined by
 * {@code refine}<sup>n</sup>: each stage's residual is smaller and oscillates faster (f_n grows
 * from about 3 to about 25 cycles per unit in the 1-D example), so a stage fitted on the coarse
 * points alone matches them but not the function between them. Immutable.
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
     * @param points number of training points of this stage
     * @param rmsError RMS error of the sum up to and including this stage on this stage's points
     */
    public record Stage(Mlp net, double[] theta, double scale, double frequency, int points, double rmsError) {
        /** Copies the arrays. */
        public Stage {
            theta = theta.clone();
        }

        /** theta, a copy. */
        @Override
        public double[] theta() {
            return theta.clone();
        }

        /** Element {@code i} of theta (no copy). */
        public double theta(int i) {
            return theta[i];
        }
    }

    /**
     * Settings.
     *
     * @param stages number of stages ≥ 1
     * @param width hidden width per stage
     * @param depth hidden layers per stage
     * @param first stage 0's training
     * @param later the training of stages n ≥ 1
     * @param refine grid refinement per stage ≥ 1 (stage n samples the target on the grid refined
     *     by refine<sup>n</sup>; 1 = every stage on the same points)
     * @param seed weight seed (stage n uses seed + n)
     */
    public record Settings(int stages, int width, int depth, Training first, Training later, int refine, long seed) {
        /** Validates. */
        public Settings {
            Check.atLeast("stages", stages, 1);
            Check.atLeast("width", width, 1);
            Check.atLeast("depth", depth, 1);
            Check.inRange("refine", refine, 1, 16);
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(later, "later");
        }

        /** One training for every stage. */
        public Settings(int stages, int width, int depth, Training training, int refine, long seed) {
            this(stages, width, depth, training, training, refine, seed);
        }

        /** The grid refinement factor of stage n: refine<sup>n</sup>. */
        public int refinement(int n) {
            return (int) Math.round(Math.pow(refine, n));
        }

        /** The training of stage n. */
        public Training training(int n) {
            return n == 0 ? first : later;
        }
    }

    /**
     * Equispaced samples: a line of n points or an n × n square (row-major, x fastest), with
     * spacing h per axis. A closed line has n points from {@code origin} to {@code origin + length}
     * inclusive (h = length / (n − 1)); a periodic grid has n points from {@code origin} with
     * h = length / n. Squares are periodic.
     *
     * @param shape {n} or {n, n}, n ≥ 4
     * @param origin first coordinate per axis
     * @param length extent of each axis in units of x
     * @param closed whether the last point is origin + length (lines only)
     */
    public record Grid(int[] shape, double origin, double length, boolean closed) {
        /** Validates. */
        public Grid {
            if (shape.length < 1 || shape.length > 2 || (shape.length == 2 && shape[0] != shape[1])) {
                throw new IllegalArgumentException("shape: need {n} or {n, n}");
            }
            Check.atLeast("shape[0]", shape[0], 4);
            Check.finite("origin", origin);
            Check.positive("length", length);
            if (closed && shape.length == 2) {
                throw new IllegalArgumentException("closed: squares are periodic (closed = false)");
            }
            shape = shape.clone();
        }

        /** n points from a to b inclusive. */
        public static Grid line(int n, double a, double b) {
            if (!(b > a)) {
                throw new IllegalArgumentException("b: need b > a = " + a + ", got " + b);
            }
            return new Grid(new int[] {n}, a, b - a, true);
        }

        /** A periodic n × n square [0, length)². */
        public static Grid square(int n, double length) {
            return new Grid(new int[] {n, n}, 0, length, false);
        }

        /** Number of points. */
        public int size() {
            return shape.length == 1 ? shape[0] : shape[0] * shape[0];
        }

        /** Spacing h. */
        public double spacing() {
            return closed ? length / (shape[0] - 1) : length / shape[0];
        }

        /** The grid with spacing h / factor over the same extent (it contains every point of this one). */
        public Grid refined(int factor) {
            Check.atLeast("factor", factor, 1);
            int n = closed ? (shape[0] - 1) * factor + 1 : shape[0] * factor;
            return new Grid(shape.length == 1 ? new int[] {n} : new int[] {n, n}, origin, length, closed);
        }

        /** The points {@code [size][D]}. */
        public double[][] points() {
            return points(0);
        }

        /**
         * The points halfway between neighbours: the n − 1 interval midpoints of a line, or the
         * n² cell centres of a square. No refinement of this grid by an odd factor contains them,
         * a refinement by an even factor does: for held-out points, take them from the finest
         * grid a fit used.
         */
        public double[][] midpoints() {
            return points(0.5);
        }

        private double[][] points(double shift) {
            int n = shape[0];
            int m = closed && shift > 0 ? n - 1 : n;
            double h = spacing();
            double[][] x = new double[shape.length == 1 ? m : m * m][];
            for (int i = 0; i < x.length; i++) {
                x[i] = shape.length == 1 ? new double[] {origin + (i + shift) * h}
                        : new double[] {origin + (i % m + shift) * h, origin + (i / m + shift) * h};
            }
            return x;
        }

        /** Dominant frequency (cycles per unit of x) of values on this grid. */
        double dominantFrequency(double[] v) {
            double record = shape[0] * spacing();
            if (shape.length == 1) {
                return Spectrum.dominantFrequency(v) / record;
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
            return best / record;
        }

        /** shape, a copy. */
        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** Element {@code i} of shape (no copy). */
        public int shape(int i) {
            return shape[i];
        }
    }

    /**
     * Fits the stages to a function: stage n samples it on {@code grid.refined(refine^n)}.
     *
     * @param target y(x) for a point x of length D
     */
    public static MultistageNetwork fit(ToDoubleFunction<double[]> target, Grid grid, Settings s) {
        Objects.requireNonNull(target, "target");
        return fit(n -> {
            Grid g = grid.refined(s.refinement(n));
            double[][] x = g.points();
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = Check.finite("target(x)", target.applyAsDouble(x[i]));
            }
            return new Sample(g, x, y);
        }, s);
    }

    /**
     * Fits the stages to data on one grid (every stage on the same points, so {@code refine} must
     * be 1).
     *
     * @param x points {@code [N][D]} on {@code grid}
     * @param y target values {@code [N]}
     */
    public static MultistageNetwork fit(double[][] x, double[] y, Grid grid, Settings s) {
        if (x.length != y.length || x.length != grid.size()) {
            throw new IllegalArgumentException("x, y: need " + grid.size() + " points for the grid, got " + x.length
                    + " and " + y.length);
        }
        if (s.refine() != 1) {
            throw new IllegalArgumentException("refine: data on one grid needs refine = 1, got " + s.refine()
                    + " (pass the target as a function to refine)");
        }
        Check.allFinite("y", y);
        Sample data = new Sample(grid, x, y);
        return fit(n -> data, s);
    }

    private record Sample(Grid grid, double[][] x, double[] y) {}

    private static MultistageNetwork fit(IntFunction<Sample> sample, Settings s) {
        List<Stage> stages = new ArrayList<>();
        for (int n = 0; n < s.stages(); n++) {
            Sample data = sample.apply(n);
            double[] y = data.y();
            double[] sum = new MultistageNetwork(stages).predict(data.x());
            double[] r = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                r[i] = y[i] - sum[i];
            }
            double eps = rms(r);
            if (!(eps > 0)) {
                break;
            }
            int d = data.x()[0].length;
            double freq = n == 0 ? 0 : data.grid().dominantFrequency(r);
            Mlp.Builder arch = Mlp.builder().optInputs(d).setWidth(s.width()).setDepth(s.depth());
            Mlp net = n == 0 ? arch.build() : arch.optSine(2 * Math.PI * freq).build();
            double[][] target = new double[y.length][1];
            for (int i = 0; i < y.length; i++) {
                target[i][0] = r[i] / eps;
            }
            Training.Result t = s.training(n).run(new NetworkFit(net, data.x(), target), net.initial(s.seed() + n),
                    1 << 30, null);
            double[][] u = NetworkFit.predict(net, t.theta(), data.x());
            for (int i = 0; i < y.length; i++) {
                sum[i] += eps * u[i][0];
                r[i] = y[i] - sum[i];
            }
            stages.add(new Stage(net, t.theta(), eps, freq, y.length, rms(r)));
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
        while (Mlp.builder().optInputs(inputs).setWidth(w).setDepth(depth).build().size() < parameters) {
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
