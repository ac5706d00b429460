package org.climagrad.hybrid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;
import org.climagrad.core.Tensors;
import org.climagrad.dynamics.Dynamics;
import org.climagrad.dynamics.Rollout;

/**
 * Online learning of a neural sub-model inside a hybrid model (Ouala et al. 2024, Commun. Phys.
 * 7, 402): the Lorenz-63 physical model without xy plus a {@link SubModel} g, trained so that
 * short rollouts of the hybrid model (RK4, {@code window} steps) follow the true trajectory. Two
 * gradients:
 *
 * <ul>
 *   <li>{@link GradientMode#EXACT}: the hybrid model on tensors, backpropagated through the RK4
 *       solver.
 *   <li>{@link GradientMode#EULER}: the Euler Gradient Approximation. The forward pass runs the
 *       hybrid model in a plain-Java black-box RK4 solver (no autodiff); the backward pass treats
 *       each step as an Euler step of the sub-model, x_{n+1} = x_n + Δt g(x_n), with the
 *       black-box physics as a constant: ∂x_{n+1}/∂x_n ≈ I + Δt ∂g/∂x, ∂x_{n+1}/∂w ≈ Δt ∂g/∂w.
 *       Written as x̃_{n+1} = e_n + stop(x^bb_{n+1} − e_n), e_n = x̃_n + Δt g(x̃_n), whose values
 *       are the black box's and whose gradient is the Euler one.
 * </ul>
 * Both use the same batches, Adam settings and validation.
 */
public final class OnlineLearning {
    private OnlineLearning() {}

    /** How the gradient through the solver is obtained. */
    public enum GradientMode {
        /** Backpropagation through the differentiable RK4 solver. */
        EXACT,
        /** The Euler Gradient Approximation through a black-box solver. */
        EULER
    }

    /**
     * Settings.
     *
     * @param hidden sub-model hidden units ≥ 1
     * @param window rollout steps per training sample ≥ 1
     * @param batch windows per step ≥ 1
     * @param iterations Adam steps ≥ 1
     * @param learningRate Adam learning rate &gt; 0
     * @param dt time step &gt; 0
     * @param seed seed of the weights and the batches
     */
    public record Settings(int hidden, int window, int batch, int iterations, double learningRate, double dt, long seed) {
        /** Validates. */
        public Settings {
            Check.atLeast("hidden", hidden, 1);
            Check.atLeast("window", window, 1);
            Check.atLeast("batch", batch, 1);
            Check.atLeast("iterations", iterations, 1);
            Check.positive("learningRate", learningRate);
            Check.positive("dt", dt);
        }

        /** 32 hidden units, windows of 10 steps of 0.01, batch 64, Adam 1e-2; FAST 600 steps, PAPER 3,000. */
        public static Settings of(org.climagrad.core.Profile profile) {
            return new Settings(32, 10, 64, profile.pick(600, 3000), 1e-2, 0.01, 1);
        }
    }

    /**
     * The true trajectories.
     *
     * @param train states {@code [steps][3]}
     * @param validation states {@code [steps][3]}, after the training part
     */
    public record Data(double[][] train, double[][] validation) {}

    /**
     * A finished training.
     *
     * @param mode the gradient used
     * @param model the trained sub-model
     * @param iterations iterations at which the validation loss was measured
     * @param validationLoss validation loss at those iterations
     * @param seconds wall time of the training
     */
    public record Result(GradientMode mode, SubModel model, int[] iterations, double[] validationLoss, double seconds) {}

    /** The profile's data: FAST 10,000 training and 2,000 validation steps, PAPER 50,000 and 10,000. */
    public static Data data(org.climagrad.core.Profile profile, double dt) {
        return data(profile.pick(10_000, 50_000), profile.pick(2000, 10_000), dt);
    }

    /** True Lorenz-63 trajectories (RK4, step dt) after a 2,000-step spin-up from (1, 1, 1). */
    public static Data data(int trainSteps, int validationSteps, double dt) {
        Check.atLeast("trainSteps", trainSteps, 2);
        Check.atLeast("validationSteps", validationSteps, 2);
        Lorenz63 truth = Lorenz63.complete();
        double[] s = {1, 1, 1};
        for (int i = 0; i < 2000; i++) {
            s = rk4(truth, null, s, dt);
        }
        double[][] all = new double[trainSteps + validationSteps][];
        for (int i = 0; i < all.length; i++) {
            all[i] = s;
            s = rk4(truth, null, s, dt);
        }
        return new Data(java.util.Arrays.copyOf(all, trainSteps),
                java.util.Arrays.copyOfRange(all, trainSteps, all.length));
    }

    /**
     * Mean squared error of black-box hybrid rollouts of {@code window} steps started from every
     * true state of a trajectory (non-overlapping windows).
     */
    public static double validationLoss(SubModel g, double[][] trajectory, int window, double dt) {
        Lorenz63 phys = Lorenz63.withoutXy();
        double s = 0;
        int n = 0;
        for (int start = 0; start + window < trajectory.length; start += window) {
            double[] x = trajectory[start];
            for (int k = 1; k <= window; k++) {
                x = rk4(phys, g, x, dt);
                for (int i = 0; i < 3; i++) {
                    double d = x[i] - trajectory[start + k][i];
                    s += d * d;
                    n++;
                }
            }
        }
        return s / n;
    }

    /**
     * The untrained sub-model: inputs standardised with the training trajectory's mean and
     * standard deviation, output scale 20, zero output layer (so g = 0), seeded hidden layer.
     */
    public static SubModel initialModel(Data data, Settings s) {
        double[] mean = new double[3];
        double[] std = new double[3];
        moments(data.train(), mean, std);
        return SubModel.initial(s.hidden(), mean, std, 20, s.seed());
    }

    /** Trains a sub-model; {@code progress} (or null) receives the iteration of each validation. */
    public static Result train(Data data, Settings s, GradientMode mode, IntConsumer progress) {
        long t0 = System.nanoTime();
        SubModel g = initialModel(data, s);
        SplittableRandom rng = new SplittableRandom(s.seed() + 1);
        double[][] adamM = null;
        double[][] adamV = null;
        List<Integer> at = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        int every = Math.max(1, s.iterations() / 20);
        at.add(0);
        loss.add(validationLoss(g, data.validation(), s.window(), s.dt()));
        for (int it = 1; it <= s.iterations(); it++) {
            int[] starts = new int[s.batch()];
            for (int b = 0; b < starts.length; b++) {
                starts[b] = rng.nextInt(data.train().length - s.window());
            }
            double[][] grads = gradient(g, data, s, mode, starts);
            if (adamM == null) {
                adamM = new double[4][];
                adamV = new double[4][];
                for (int i = 0; i < 4; i++) {
                    adamM[i] = new double[grads[i].length];
                    adamV[i] = new double[grads[i].length];
                }
            }
            g = adamStep(g, grads, adamM, adamV, it, s.learningRate());
            if (it % every == 0 || it == s.iterations()) {
                at.add(it);
                double v = validationLoss(g, data.validation(), s.window(), s.dt());
                if (!Double.isFinite(v)) {
                    throw new IllegalStateException("online learning (" + mode + "): validation loss is " + v
                            + " at iteration " + it + " (lower learningRate)");
                }
                loss.add(v);
                if (progress != null) {
                    progress.accept(it);
                }
            }
        }
        return new Result(mode, g, at.stream().mapToInt(Integer::intValue).toArray(),
                loss.stream().mapToDouble(Double::doubleValue).toArray(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * ∂/∂(W1, b1, W2, b2) of the batch's rollout loss mean((x_k − x_k^true)²), k = 1..window, with
     * the given gradient mode; each array flattened row-major.
     *
     * @param starts indices of the windows' first states in the training trajectory
     */
    static double[][] gradient(SubModel g, Data data, Settings s, GradientMode mode, int[] starts) {
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDList w = g.tensors(m);
            for (NDArray a : w) {
                a.setRequiresGradient(true);
            }
            NDArray x0 = m.create(rows(data.train(), starts, 0));
            NDArray target = stackTargets(m, data.train(), starts, s.window());
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray path = mode == GradientMode.EXACT ? exactPath(g, w, x0, s) : eulerPath(g, w, x0, s, data, starts);
                gc.backward(path.sub(target).square().mean());
            }
            double[][] grads = new double[4][];
            for (int i = 0; i < 4; i++) {
                grads[i] = w.get(i).getGradient().toDoubleArray();
            }
            return grads;
        }
    }

    /**
     * Figure: validation loss (log10) against iterations for the exact gradient and the Euler
     * Gradient Approximation; the table gives the first, best and final validation loss and the
     * training time of each.
     */
    public static org.climagrad.plot.Figure compare(Data data, Settings s, IntConsumer progress) {
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("Online learning of the missing term",
                tech.tablesaw.api.StringColumn.create("gradient"), tech.tablesaw.api.DoubleColumn.create("initial loss"),
                tech.tablesaw.api.DoubleColumn.create("best loss"), tech.tablesaw.api.DoubleColumn.create("final loss"),
                tech.tablesaw.api.DoubleColumn.create("seconds"));
        var chart = org.climagrad.plot.Charts.lines("Validation loss of the hybrid model", "iteration",
                "log10 validation MSE", new double[0], java.util.Map.of());
        for (GradientMode mode : GradientMode.values()) {
            Result r = train(data, s, mode, progress);
            double[] v = r.validationLoss();
            double best = java.util.Arrays.stream(v).min().orElseThrow();
            t.stringColumn(0).append(mode == GradientMode.EXACT ? "exact (backprop through RK4)" : "Euler approximation");
            t.doubleColumn(1).append(v[0]);
            t.doubleColumn(2).append(best);
            t.doubleColumn(3).append(v[v.length - 1]);
            t.doubleColumn(4).append(r.seconds());
            double[] x = java.util.Arrays.stream(r.iterations()).asDoubleStream().toArray();
            double[] y = java.util.Arrays.stream(v).map(Math::log10).toArray();
            chart.addSeries(mode.name(), x, y);
        }
        return org.climagrad.plot.Figure.of("Ouala et al. 2024: exact gradient vs EGA", t, chart);
    }

    /**
     * The exploding-gradient curve and its fix (Meunier, Ouala et al. 2025, Sec. 4.2): the norm of
     * ∂L/∂w for rollouts of growing length, L the mean squared error over the rollout of the
     * differentiable hybrid model, backpropagated through the whole rollout and with truncated
     * backpropagation (the state detached every {@code truncation} steps). Lorenz-63 is chaotic, so
     * the full gradient grows like exp(λ t) (λ ≈ 0.9); the truncated one stays bounded.
     *
     * @param lengths rollout lengths, steps
     * @param truncation steps between detachments ≥ 1
     * @return a figure whose table has, per length, the full and truncated gradient norms
     */
    public static org.climagrad.plot.Figure explodingGradients(SubModel g, Data data, Settings s, int[] lengths,
            int truncation) {
        Check.atLeast("truncation", truncation, 1);
        tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("Gradient norm vs rollout length",
                tech.tablesaw.api.IntColumn.create("steps"), tech.tablesaw.api.DoubleColumn.create("model time"),
                tech.tablesaw.api.DoubleColumn.create("full backprop"),
                tech.tablesaw.api.DoubleColumn.create("truncated every " + truncation));
        for (int n : lengths) {
            Check.atLeast("lengths", n, 1);
            t.intColumn(0).append(n);
            t.doubleColumn(1).append(n * s.dt());
            t.doubleColumn(2).append(gradientNorm(g, data, s, n, Integer.MAX_VALUE));
            t.doubleColumn(3).append(gradientNorm(g, data, s, n, truncation));
        }
        java.util.Map<String, double[]> curves = new java.util.LinkedHashMap<>();
        curves.put("full backprop", t.doubleColumn(2).asList().stream().mapToDouble(Math::log10).toArray());
        curves.put("truncated every " + truncation, t.doubleColumn(3).asList().stream().mapToDouble(Math::log10)
                .toArray());
        return org.climagrad.plot.Figure.of("Exploding gradients through long rollouts", t,
                org.climagrad.plot.Charts.lines("Gradient norm of the rollout loss", "model time", "log10 ‖∂L/∂w‖",
                        t.doubleColumn(1).asDoubleArray(), curves));
    }

    /** ‖∂L/∂w‖ over a rollout of {@code steps} from 8 training states, detaching every {@code truncation}. */
    static double gradientNorm(SubModel g, Data data, Settings s, int steps, int truncation) {
        if (data.train().length <= steps + 8 * 97) {
            throw new IllegalArgumentException("steps = " + steps + ": longer than the training trajectory allows");
        }
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDList w = g.tensors(m);
            for (NDArray a : w) {
                a.setRequiresGradient(true);
            }
            int[] starts = new int[8];
            for (int b = 0; b < starts.length; b++) {
                starts[b] = 97 * b;
            }
            Lorenz63 phys = Lorenz63.withoutXy();
            Dynamics hybrid = hybrid(phys, g, w);
            var stepper = Rollout.builder().setDynamics(hybrid).setDt(s.dt()).build().stepper(m, DataType.FLOAT64);
            NDArray theta = m.zeros(new Shape(0), DataType.FLOAT64);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray x = m.create(rows(data.train(), starts, 0));
                NDArray loss = null;
                for (int k = 1; k <= steps; k++) {
                    if (truncation != Integer.MAX_VALUE && (k - 1) % truncation == 0 && k > 1) {
                        x = x.stopGradient();
                    }
                    x = stepper.step(x, theta);
                    NDArray sq = x.sub(m.create(rows(data.train(), starts, k))).square().mean();
                    loss = loss == null ? sq : loss.add(sq);
                }
                gc.backward(Tensors.mul(loss, 1.0 / steps));
            }
            double sum = 0;
            for (NDArray a : w) {
                sum += a.getGradient().square().sum().getDouble();
            }
            return Math.sqrt(sum);
        }
    }

    private static Dynamics hybrid(Lorenz63 phys, SubModel g, NDList w) {
        return phys.withCorrection(x -> g.apply(w, x));
    }

    /** Hybrid states 1..window {@code [batch, window, 3]} through the differentiable RK4 solver. */
    private static NDArray exactPath(SubModel g, NDList w, NDArray x0, Settings s) {
        Dynamics hybrid = hybrid(Lorenz63.withoutXy(), g, w);
        NDArray run = Rollout.builder().setDynamics(hybrid).setDt(s.dt()).build()
                .run(x0, x0.getManager().zeros(new Shape(0), DataType.FLOAT64), s.window());
        return run.get(":, 1:, :");
    }

    /** Black-box values with Euler-step gradients {@code [batch, window, 3]}. */
    private static NDArray eulerPath(SubModel g, NDList w, NDArray x0, Settings s, Data data, int[] starts) {
        Lorenz63 phys = Lorenz63.withoutXy();
        int b = starts.length;
        double[][][] bb = new double[s.window()][b][];
        for (int j = 0; j < b; j++) {
            double[] x = data.train()[starts[j]];
            for (int k = 0; k < s.window(); k++) {
                x = rk4(phys, g, x, s.dt());
                bb[k][j] = x;
            }
        }
        NDManager m = x0.getManager();
        NDArray dt = Tensors.scalar(x0, s.dt());
        NDArray x = x0;
        NDList out = new NDList();
        for (int k = 0; k < s.window(); k++) {
            NDArray e = x.add(g.apply(w, x).mul(dt));
            x = e.add(m.create(bb[k]).sub(e).stopGradient());
            out.add(x);
        }
        return NDArrays.stack(out, 1);
    }

    private static SubModel adamStep(SubModel g, double[][] grads, double[][] m, double[][] v, int t, double lr) {
        double[][] flat = {flatten(g.w1()), g.b1(), flatten(g.w2()), g.b2()};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < flat[i].length; j++) {
                m[i][j] = 0.9 * m[i][j] + 0.1 * grads[i][j];
                v[i][j] = 0.999 * v[i][j] + 0.001 * grads[i][j] * grads[i][j];
                double mh = m[i][j] / (1 - Math.pow(0.9, t));
                double vh = v[i][j] / (1 - Math.pow(0.999, t));
                flat[i][j] -= lr * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        int h = g.hidden();
        return new SubModel(reshape(flat[0], 3, h), flat[1], reshape(flat[2], h, 3), flat[3], g.mean(), g.std(),
                g.scale());
    }

    /** One RK4 step of physics (+ g if not null) in plain Java: the black-box solver. */
    static double[] rk4(Lorenz63 phys, SubModel g, double[] x, double dt) {
        double[] k1 = tendency(phys, g, x);
        double[] k2 = tendency(phys, g, axpy(x, dt / 2, k1));
        double[] k3 = tendency(phys, g, axpy(x, dt / 2, k2));
        double[] k4 = tendency(phys, g, axpy(x, dt, k3));
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = x[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return out;
    }

    private static double[] tendency(Lorenz63 phys, SubModel g, double[] x) {
        double[] d = phys.tendency(x);
        if (g != null) {
            double[] c = g.apply(x);
            for (int i = 0; i < 3; i++) {
                d[i] += c[i];
            }
        }
        return d;
    }

    private static double[] axpy(double[] x, double a, double[] y) {
        return new double[] {x[0] + a * y[0], x[1] + a * y[1], x[2] + a * y[2]};
    }

    private static double[][] rows(double[][] traj, int[] starts, int offset) {
        double[][] r = new double[starts.length][];
        for (int b = 0; b < starts.length; b++) {
            r[b] = traj[starts[b] + offset];
        }
        return r;
    }

    private static NDArray stackTargets(NDManager m, double[][] traj, int[] starts, int window) {
        NDList steps = new NDList();
        for (int k = 1; k <= window; k++) {
            steps.add(m.create(rows(traj, starts, k)));
        }
        return NDArrays.stack(steps, 1);
    }

    private static void moments(double[][] x, double[] mean, double[] std) {
        for (double[] r : x) {
            for (int i = 0; i < 3; i++) {
                mean[i] += r[i] / x.length;
            }
        }
        for (double[] r : x) {
            for (int i = 0; i < 3; i++) {
                std[i] += (r[i] - mean[i]) * (r[i] - mean[i]) / x.length;
            }
        }
        for (int i = 0; i < 3; i++) {
            std[i] = Math.sqrt(std[i]);
        }
    }

    private static double[] flatten(double[][] a) {
        double[] f = new double[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, f, i * a[0].length, a[0].length);
        }
        return f;
    }

    private static double[][] reshape(double[] f, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(f, i * cols, a[i], 0, cols);
        }
        return a;
    }
}
