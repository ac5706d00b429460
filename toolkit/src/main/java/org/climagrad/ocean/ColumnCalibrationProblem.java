package org.climagrad.ocean;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import org.climagrad.calibration.Estimate;
import org.climagrad.calibration.LeastSquaresObjective;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;
import org.climagrad.core.Tensors;
import org.climagrad.dynamics.Rollout;

/**
 * Calibration of the {@link OceanColumn}'s mixing parameters from sparse, noisy temperature
 * profiles (Argo-like): a twin experiment. The truth runs from a known initial state (the
 * stratified start at day {@value #START_DAY}) with the
 * reference parameters; every {@code every} days the temperatures of a few layers are observed
 * with Gaussian noise σ. The unknowns are u_i = ln(θ_i / θ_i^ref) for the calibrated parameters
 * (the others stay at their reference), and
 *
 * <pre>  J(u) = (1 / 2M) Σ (T_model − T_obs)² / σ²</pre>
 *
 * over the M observations. {@link #value} runs the black box; {@link #valueAndGradient} runs the
 * tensor model and backpropagates. Immutable.
 */
public final class ColumnCalibrationProblem implements LeastSquaresObjective {
    /** Day of the model year at which the window starts (autumn: cooling, convection). */
    public static final int START_DAY = 180;
    /** Calibrated κ_b + κ_c is clamped to this fraction of the stable maximum. */
    static final double STABLE_FRACTION = 0.95;
    private final ColumnBlackBox box;
    private final List<ColumnParameter> calibrated;
    private final double[] x0;
    private final int days;
    private final int every;
    private final int[] layers;
    private final double sigma;
    private final double[][] observed;

    /**
     * @param box the black box (its model is the tensor model)
     * @param calibrated the parameters to recover
     * @param days window length, days (≥ every)
     * @param every days between profiles (≥ 1)
     * @param layers observed layer indices
     * @param sigma observation noise σ, K (&gt; 0)
     * @param seed seed of the noise
     */
    public ColumnCalibrationProblem(ColumnBlackBox box, List<ColumnParameter> calibrated, int days, int every, int[] layers,
            double sigma, long seed) {
        Check.atLeast("every", every, 1);
        Check.atLeast("days", days, every);
        Check.positive("sigma", sigma);
        if (calibrated == null || calibrated.isEmpty()) {
            throw new IllegalArgumentException("calibrated: at least one parameter");
        }
        int n = box.model().levels();
        for (int l : layers) {
            Check.inRange("layers", l, 0, n - 1);
        }
        this.box = box;
        this.calibrated = List.copyOf(calibrated);
        this.x0 = box.model().stratifiedStart();
        // Start at day 180, when the surface begins to cool and convection deepens: κ_c is then observable.
        x0[2 * n] = Math.cos(OceanColumn.OMEGA * START_DAY);
        x0[2 * n + 1] = Math.sin(OceanColumn.OMEGA * START_DAY);
        this.days = days;
        this.every = every;
        this.layers = layers.clone();
        this.sigma = sigma;
        double[][] truth = profiles(ColumnParameter.references());
        SplittableRandom rng = new SplittableRandom(seed);
        for (double[] row : truth) {
            for (int j = 0; j < row.length; j++) {
                row[j] += sigma * rng.nextGaussian();
            }
        }
        this.observed = truth;
    }

    /**
     * κ_b and κ_c from 120 days of profiles every 10 days at layers 0, 2, 4, 6, 8, 10 (25-155 m ... ),
     * σ = 0.02 K.
     */
    public static ColumnCalibrationProblem standard(long seed) {
        return new ColumnCalibrationProblem(ColumnBlackBox.standard(),
                List.of(ColumnParameter.KAPPA_BACKGROUND, ColumnParameter.KAPPA_CONVECTIVE), 120, 10,
                new int[] {0, 2, 4, 6, 8, 10}, 0.02, seed);
    }

    /** The calibrated parameters, in the order of u. */
    public List<ColumnParameter> calibrated() {
        return calibrated;
    }

    /**
     * θ for u: the reference with θ_i = θ_i^ref exp(u_i) for the calibrated ones, κ_c then
     * clamped so that κ_b + κ_c stays within {@value #STABLE_FRACTION} of the stable maximum.
     */
    public double[] theta(double[] u) {
        Check.length("u", u, calibrated.size());
        double[] th = ColumnParameter.references();
        for (int i = 0; i < u.length; i++) {
            int p = calibrated.get(i).ordinal();
            th[p] *= Math.exp(u[i]);
        }
        double max = STABLE_FRACTION * box.model().maxDiffusivity(box.dt());
        th[1] = Math.max(0, Math.min(th[1], max - th[0]));
        return th;
    }

    @Override
    public int dimension() {
        return calibrated.size();
    }

    @Override
    public double[] predict(double[] u) {
        Check.allFinite("u", u);
        return flatten(profiles(theta(u)));
    }

    @Override
    public double[] observed() {
        return flatten(observed);
    }

    @Override
    public double sigma() {
        return sigma;
    }

    @Override
    public boolean differentiable() {
        return true;
    }

    @Override
    public Estimate valueAndGradient(double[] u) {
        Check.allFinite("u", u);
        double[] th = theta(u);
        box.model().checkParameters(th, box.dt());
        if (th[0] >= STABLE_FRACTION * box.model().maxDiffusivity(box.dt())) {
            throw new IllegalArgumentException("u: KAPPA_BACKGROUND alone exceeds the stable range");
        }
        int times = days / every;
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDArray uu = m.create(u);
            uu.setRequiresGradient(true);
            double[] ref = ColumnParameter.references();
            double[] mask = new double[ref.length * u.length];
            for (int i = 0; i < u.length; i++) {
                mask[i * ref.length + calibrated.get(i).ordinal()] = 1;
            }
            NDArray sel = m.create(mask, new Shape(u.length, ref.length));
            NDArray obs = Tensors.create(m, observed, ai.djl.ndarray.types.DataType.FLOAT64);
            long[] idx = new long[layers.length];
            for (int j = 0; j < idx.length; j++) {
                idx[j] = layers[j];
            }
            NDArray pick = m.create(idx);
            Rollout r = Rollout.builder().setDynamics(box.model()).setDt(box.dt()).build();
            double value;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray theta = m.create(ref).mul(uu.matMul(sel).exp());
                double max = STABLE_FRACTION * box.model().maxDiffusivity(box.dt());
                NDArray cap = m.create(new double[] {Double.MAX_VALUE, max - th[0], Double.MAX_VALUE});
                theta = theta.minimum(cap);
                NDArray x = m.create(x0, new Shape(1, x0.length));
                NDArray loss = null;
                int steps = (int) Math.round(every / box.dt());
                for (int t = 0; t < times; t++) {
                    x = r.last(x, theta, steps);
                    NDArray misfit = x.get(":, 0:" + box.model().levels()).get(new ai.djl.ndarray.index.NDIndex(":, {}",
                            pick)).sub(obs.get(t));
                    NDArray sq = misfit.square().sum();
                    loss = loss == null ? sq : loss.add(sq);
                }
                loss = Tensors.mul(loss, 1 / (2.0 * sigma * sigma * times * layers.length));
                value = loss.getDouble();
                gc.backward(loss);
            }
            return new Estimate(value, uu.getGradient().toDoubleArray(), 2);
        }
    }

    private static double[] flatten(double[][] a) {
        double[] f = new double[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, f, i * a[0].length, a[0].length);
        }
        return f;
    }

    /** Model temperatures at the observed layers every {@code every} days {@code [days / every][layers]}. */
    private double[][] profiles(double[] theta) {
        int times = days / every;
        int steps = (int) Math.round(every / box.dt());
        double[][] out = new double[times][layers.length];
        double[] x = x0;
        for (int t = 0; t < times; t++) {
            x = box.run(x, theta, steps);
            for (int j = 0; j < layers.length; j++) {
                out[t][j] = x[layers[j]];
            }
        }
        return out;
    }
}
