package org.climagrad.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;

/**
 * The loop that integrates a {@link Dynamics} with a {@link ButcherTableau}: an immutable
 * configuration (model, scheme, dt) with two ways to run it.
 *
 * <ul>
 *   <li>{@link #run}/{@link #last}: the differentiable tensor path; states stay on the caller's
 *       manager so a gradient collector can see the whole rollout.
 *   <li>{@link #simulate}: plain Java arrays in and out for long, non-differentiable runs; the
 *       toolkit opens and closes its own NDManagers in chunks so native memory stays bounded.
 * </ul>
 * Axis order of trajectories is {@code [batch, time, nx]}.
 */
public final class Rollout {
    private static final int CHUNK = 64;

    private final Dynamics dynamics;
    private final ButcherTableau scheme;
    private final double dt;

    private Rollout(Builder b) {
        this.dynamics = b.dynamics;
        this.scheme = b.scheme;
        this.dt = b.dt;
    }

    /** A builder: {@code setDynamics} and {@code setDt} are required, the scheme defaults to RK4. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset to this rollout's settings. */
    public Builder toBuilder() {
        return new Builder().setDynamics(dynamics).setDt(dt).optScheme(scheme);
    }

    /** The model. */
    public Dynamics dynamics() {
        return dynamics;
    }

    /** The time scheme. */
    public ButcherTableau scheme() {
        return scheme;
    }

    /** The time step (model time units). */
    public double dt() {
        return dt;
    }

    /** A stepper whose constants live on {@code manager}, for states of data type {@code type}. */
    public Stepper stepper(NDManager manager, DataType type) {
        return new Stepper(dynamics, scheme, dt, manager, type);
    }

    /**
     * The differentiable trajectory x_0, x_1, ..., x_steps.
     *
     * @param x0 initial state {@code [batch, nx]}
     * @param theta parameters {@code [np]} or {@code [batch, np]}
     * @param steps number of steps, ≥ 0
     * @return {@code [batch, steps + 1, nx]}, on x0's manager
     */
    public NDArray run(NDArray x0, NDArray theta, int steps) {
        checkState(x0, theta);
        Check.atLeast("steps", steps, 0);
        Stepper stepper = stepper(x0.getManager(), x0.getDataType());
        NDList states = new NDList(steps + 1);
        NDArray x = x0;
        states.add(x);
        for (int i = 0; i < steps; i++) {
            x = stepper.step(x, theta);
            states.add(x);
        }
        return ai.djl.ndarray.NDArrays.stack(states, 1);
    }

    /**
     * The differentiable final state x_steps.
     *
     * @param x0 initial state {@code [batch, nx]}
     * @param theta parameters {@code [np]} or {@code [batch, np]}
     * @param steps number of steps, ≥ 0
     * @return {@code [batch, nx]}, on x0's manager
     */
    public NDArray last(NDArray x0, NDArray theta, int steps) {
        checkState(x0, theta);
        Check.atLeast("steps", steps, 0);
        Stepper stepper = stepper(x0.getManager(), x0.getDataType());
        NDArray x = x0;
        for (int i = 0; i < steps; i++) {
            x = stepper.step(x, theta);
        }
        return x;
    }

    /**
     * A long, non-differentiable run on plain arrays (float64).
     *
     * @param x0 initial states {@code [batch][nx]}, finite
     * @param theta parameters {@code [np]}, finite
     * @param steps number of steps, ≥ 0
     * @param every keep every {@code every}-th state (≥ 1); x0 is always kept
     * @return {@code [batch][steps / every + 1][nx]}
     */
    public double[][][] simulate(double[][] x0, double[] theta, int steps, int every) {
        Check.columns("x0", x0, dynamics.nx());
        Check.allFinite("x0", x0);
        Check.length("theta", theta, dynamics.parameterNames().length);
        Check.allFinite("theta", theta);
        Check.atLeast("steps", steps, 0);
        Check.atLeast("every", every, 1);
        int batch = x0.length;
        int nx = dynamics.nx();
        int kept = steps / every + 1;
        double[][][] out = new double[batch][kept][nx];
        for (int b = 0; b < batch; b++) {
            out[b][0] = x0[b].clone();
        }
        double[] state = flatten(x0);
        int stored = 1;
        try (NDManager root = NDManager.newBaseManager(Devices.preferred())) {
            NDArray th = root.create(theta);
            Stepper stepper = stepper(root, DataType.FLOAT64);
            for (int done = 0; done < steps; ) {
                int n = Math.min(CHUNK, steps - done);
                try (NDManager chunk = root.newSubManager()) {
                    NDArray x = chunk.create(state, new Shape(batch, nx));
                    for (int i = 1; i <= n; i++) {
                        x = stepper.step(x, th);
                        if ((done + i) % every == 0) {
                            double[] v = x.toDoubleArray();
                            for (int b = 0; b < batch; b++) {
                                System.arraycopy(v, b * nx, out[b][stored], 0, nx);
                            }
                            stored++;
                        }
                    }
                    state = x.toDoubleArray();
                }
                done += n;
                checkFinite(state, done);
            }
        }
        return out;
    }

    /**
     * A state on the model's attractor: x₀ ~ N(0, I) drawn from {@code rng}, advanced {@code
     * spinUp} steps (float64). The draw consumes exactly nx Gaussians of {@code rng}.
     *
     * @param theta parameters {@code [np]}
     * @param spinUp steps of the spin-up, ≥ 0
     * @param rng source of the initial draw
     * @return the spun-up state {@code [1][nx]}
     */
    public double[][] spinUp(double[] theta, int spinUp, java.util.Random rng) {
        Check.atLeast("spinUp", spinUp, 0);
        double[][] x0 = new double[1][dynamics.nx()];
        for (int i = 0; i < x0[0].length; i++) {
            x0[0][i] = rng.nextGaussian();
        }
        return advance(x0, theta, spinUp);
    }

    /**
     * Advances plain-array states by {@code steps} steps (float64), e.g. an ensemble forecast.
     *
     * @param x states {@code [batch][nx]}
     * @param theta parameters {@code [np]}
     * @param steps number of steps, ≥ 0
     * @return the states after {@code steps} steps {@code [batch][nx]}
     */
    public double[][] advance(double[][] x, double[] theta, int steps) {
        double[][][] traj = simulate(x, theta, steps, Math.max(steps, 1));
        double[][] out = new double[x.length][];
        for (int b = 0; b < x.length; b++) {
            out[b] = traj[b][traj[b].length - 1];
        }
        return out;
    }

    private void checkState(NDArray x0, NDArray theta) {
        Shape s = x0.getShape();
        if (s.dimension() != 2 || s.get(1) != dynamics.nx()) {
            throw new IllegalArgumentException("x0 has shape " + s + ": must be [batch, " + dynamics.nx() + "]");
        }
        long np = dynamics.parameterNames().length;
        Shape t = theta.getShape();
        boolean ok = (t.dimension() == 1 && t.get(0) == np)
                || (t.dimension() == 2 && t.get(1) == np && (t.get(0) == s.get(0) || t.get(0) == 1));
        if (!ok) {
            throw new IllegalArgumentException("theta has shape " + t + ": must be [" + np + "] or [batch, " + np + "]");
        }
        if (x0.getDataType() != theta.getDataType()) {
            throw new IllegalArgumentException("theta has data type " + theta.getDataType()
                    + ": must match x0's " + x0.getDataType());
        }
        if (!x0.isInfinite().logicalOr(x0.isNaN()).none().getBoolean()) {
            throw new IllegalArgumentException("x0 contains NaN or infinite values: every entry must be finite");
        }
    }

    private void checkFinite(double[] state, int step) {
        for (double v : state) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException(dynamics + " diverged (NaN or infinity) by step " + step
                        + " with dt = " + dt + " (" + scheme + "): reduce dt");
            }
        }
    }

    private static double[] flatten(double[][] m) {
        int cols = m[0].length;
        double[] flat = new double[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * cols, cols);
        }
        return flat;
    }

    /** Builder in DJL style. */
    public static final class Builder {
        private Dynamics dynamics;
        private ButcherTableau scheme = ButcherTableau.RK4;
        private double dt = Double.NaN;

        private Builder() {}

        /** The model (required). */
        public Builder setDynamics(Dynamics dynamics) {
            this.dynamics = dynamics;
            return this;
        }

        /** The time step, > 0 (required). */
        public Builder setDt(double dt) {
            this.dt = dt;
            return this;
        }

        /** The time scheme (default RK4). */
        public Builder optScheme(ButcherTableau scheme) {
            this.scheme = scheme;
            return this;
        }

        /** Validates and builds. */
        public Rollout build() {
            if (dynamics == null) {
                throw new IllegalArgumentException("dynamics: required, call setDynamics");
            }
            if (scheme == null) {
                throw new IllegalArgumentException("scheme: must not be null");
            }
            Check.positive("dt", dt);
            return new Rollout(this);
        }
    }
}
