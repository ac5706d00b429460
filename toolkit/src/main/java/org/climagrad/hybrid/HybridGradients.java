package org.climagrad.hybrid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;
import org.climagrad.core.Tensors;
import org.climagrad.dynamics.Dynamics;
import org.climagrad.dynamics.Rollout;

/**
 * Gradients of hybrid-model rollout losses with respect to the {@link SubModel}'s weights (Ouala
 * et al. 2024; Meunier, Ouala et al. 2025, Sec. 4.2): the exact gradient through the
 * differentiable RK4 solver, the Euler Gradient Approximation through the {@link BlackBoxHybrid},
 * and the norm of the full and truncated backpropagation gradient over long rollouts. Each call
 * opens and closes its own NDManager.
 */
public final class HybridGradients {
    /** Training states the gradient-norm rollouts start from. */
    public static final int NORM_STARTS = 8;
    /** Steps between the starts of the gradient-norm rollouts. */
    public static final int NORM_SPACING = 97;

    private HybridGradients() {}

    /**
     * The norm of the rollout-loss gradient against rollout length.
     *
     * @param steps rollout lengths (steps)
     * @param time the same lengths in model time
     * @param full ‖∂L/∂w‖ with backpropagation through the whole rollout
     * @param truncated ‖∂L/∂w‖ with the state detached every {@code truncation} steps
     * @param truncation steps between detachments
     */
    public record GradientNorms(int[] steps, double[] time, double[] full, double[] truncated, int truncation) {
        /** Copies the arrays. */
        public GradientNorms {
            steps = steps.clone();
            time = time.clone();
            full = full.clone();
            truncated = truncated.clone();
        }

        /** Number of rollout lengths. */
        public int size() {
            return steps.length;
        }

        /** Rollout lengths (steps), a copy. */
        @Override
        public int[] steps() {
            return steps.clone();
        }

        /** Rollout lengths in model time, a copy. */
        @Override
        public double[] time() {
            return time.clone();
        }

        /** Full-backpropagation gradient norms, a copy. */
        @Override
        public double[] full() {
            return full.clone();
        }

        /** Truncated-backpropagation gradient norms, a copy. */
        @Override
        public double[] truncated() {
            return truncated.clone();
        }

        /** Full-backpropagation gradient norm at length index {@code i}. */
        public double full(int i) {
            return full[i];
        }

        /** Truncated-backpropagation gradient norm at length index {@code i}. */
        public double truncated(int i) {
            return truncated[i];
        }
    }

    /**
     * ∂/∂(W1, b1, W2, b2) of the batch's rollout loss mean((x_k − x_k^true)²), k = 1..window, with
     * the given gradient mode; each array flattened row-major.
     *
     * @param s the window and time step are used
     * @param starts indices of the windows' first states in the training trajectory
     * @return {@code [4][]}: W1 {@code [3·hidden]}, b1 {@code [hidden]}, W2 {@code [hidden·3]}, b2 {@code [3]}
     */
    public static double[][] gradient(SubModel g, TrainingData data, OnlineLearning.Settings s,
            OnlineLearning.GradientMode mode, int[] starts) {
        double[][] train = data.trainView();
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDList w = g.tensors(m);
            for (NDArray a : w) {
                a.setRequiresGradient(true);
            }
            NDArray x0 = m.create(rows(train, starts, 0));
            NDArray target = stackTargets(m, train, starts, s.window());
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray path = mode == OnlineLearning.GradientMode.EXACT ? exactPath(g, w, x0, s)
                        : eulerPath(g, w, x0, s, train, starts);
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
     * The exploding-gradient curve and its fix (Meunier, Ouala et al. 2025, Sec. 4.2): the norm of
     * ∂L/∂w for rollouts of growing length, L the mean squared error over the rollout of the
     * differentiable hybrid model, backpropagated through the whole rollout and with truncated
     * backpropagation (the state detached every {@code truncation} steps). Lorenz-63 is chaotic, so
     * the full gradient grows like exp(λ t) (λ ≈ 0.9); the truncated one stays bounded.
     *
     * @param s the time step is used
     * @param lengths rollout lengths, steps ≥ 1
     * @param truncation steps between detachments ≥ 1
     */
    public static GradientNorms gradientNorms(SubModel g, TrainingData data, OnlineLearning.Settings s, int[] lengths,
            int truncation) {
        Check.atLeast("truncation", truncation, 1);
        double[] time = new double[lengths.length];
        double[] full = new double[lengths.length];
        double[] truncated = new double[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            int n = lengths[i];
            Check.atLeast("lengths", n, 1);
            time[i] = n * s.dt();
            full[i] = gradientNorm(g, data, s, n, Integer.MAX_VALUE);
            truncated[i] = gradientNorm(g, data, s, n, truncation);
        }
        return new GradientNorms(lengths, time, full, truncated, truncation);
    }

    /**
     * ‖∂L/∂w‖ over a rollout of {@code steps} from {@value #NORM_STARTS} training states, detaching
     * every {@code truncation} steps ({@code Integer.MAX_VALUE}: never).
     */
    public static double gradientNorm(SubModel g, TrainingData data, OnlineLearning.Settings s, int steps,
            int truncation) {
        double[][] train = data.trainView();
        if (train.length <= steps + NORM_STARTS * NORM_SPACING) {
            throw new IllegalArgumentException("steps = " + steps + ": longer than the training trajectory allows");
        }
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDList w = g.tensors(m);
            for (NDArray a : w) {
                a.setRequiresGradient(true);
            }
            int[] starts = new int[NORM_STARTS];
            for (int b = 0; b < starts.length; b++) {
                starts[b] = NORM_SPACING * b;
            }
            Dynamics hybrid = hybrid(g, w);
            var stepper = Rollout.builder().setDynamics(hybrid).setDt(s.dt()).build().stepper(m, DataType.FLOAT64);
            NDArray theta = m.zeros(new Shape(0), DataType.FLOAT64);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray x = m.create(rows(train, starts, 0));
                NDArray loss = null;
                for (int k = 1; k <= steps; k++) {
                    if (truncation != Integer.MAX_VALUE && (k - 1) % truncation == 0 && k > 1) {
                        x = x.stopGradient();
                    }
                    x = stepper.step(x, theta);
                    NDArray sq = x.sub(m.create(rows(train, starts, k))).square().mean();
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

    private static Dynamics hybrid(SubModel g, NDList w) {
        return Lorenz63.withoutXy().withCorrection(x -> g.apply(w, x));
    }

    /** Hybrid states 1..window {@code [batch, window, 3]} through the differentiable RK4 solver. */
    private static NDArray exactPath(SubModel g, NDList w, NDArray x0, OnlineLearning.Settings s) {
        NDArray run = Rollout.builder().setDynamics(hybrid(g, w)).setDt(s.dt()).build()
                .run(x0, x0.getManager().zeros(new Shape(0), DataType.FLOAT64), s.window());
        return run.get(":, 1:, :");
    }

    /** Black-box values with Euler-step gradients {@code [batch, window, 3]}. */
    private static NDArray eulerPath(SubModel g, NDList w, NDArray x0, OnlineLearning.Settings s, double[][] train,
            int[] starts) {
        int b = starts.length;
        double[][][] bb = new double[s.window()][b][];
        for (int j = 0; j < b; j++) {
            double[] x = train[starts[j]];
            for (int k = 0; k < s.window(); k++) {
                x = BlackBoxHybrid.step(g, x, s.dt());
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
}
