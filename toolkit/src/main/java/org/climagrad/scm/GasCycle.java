package org.climagrad.scm;

import ai.djl.ndarray.NDArray;
import org.climagrad.core.Tensors;

/**
 * The FaIR v2.0 gas cycle (Leach et al. 2021, GMD 14, 3007, eqs. 1-7): the atmospheric burden
 * above pre-industrial of a gas is a sum of boxes R_i with partition fractions a_i and lifetimes
 * α·τ_i, where the state-dependent scaling α makes the 100-year integrated impulse response
 * iIRF100 = r0 + ru·G_u + rT·T + ra·G_a (G_u cumulative uptake, G_a burden, T surface warming).
 * α = g0·exp(iIRF100 / g1) is the closed-form fit of FaIR v2 (its eq. 10), with g0, g1 from a and τ.
 * With emission E held over a year, each box steps exactly:
 * R_i ← E·a_i·α·τ_i·(1 − exp(−1/(α τ_i))) + R_i·exp(−1/(α τ_i)).
 */
public final class GasCycle {
    private final double[] a;
    private final double[] tau;
    private final double g0;
    private final double g1;

    /**
     * @param a partition fractions (sum 1)
     * @param tau box lifetimes, yr
     */
    public GasCycle(double[] a, double[] tau) {
        this.a = a.clone();
        this.tau = tau.clone();
        double s1 = 0;
        double s0 = 0;
        for (int i = 0; i < a.length; i++) {
            double x = 100 / tau[i];
            s1 += a[i] * tau[i] * (-Math.expm1(-x) - x * Math.exp(-x));
            s0 += a[i] * tau[i] * -Math.expm1(-x);
        }
        g1 = s1;
        g0 = Math.exp(-s0 / s1);
    }

    /** FaIR v2.0 CO2: four boxes, a = (0.2173, 0.2240, 0.2824, 0.2763), τ = (10⁶, 394.4, 36.54, 4.304) yr. */
    public static GasCycle co2() {
        return new GasCycle(new double[] {0.2173, 0.2240, 0.2824, 0.2763}, new double[] {1e6, 394.4, 36.54, 4.304});
    }

    /** One box with lifetime τ (CH4: 9.15 yr; N2O: 116 yr in FaIR v2.0). */
    public static GasCycle singleBox(double tau) {
        return new GasCycle(new double[] {1}, new double[] {tau});
    }

    /** Number of boxes. */
    public int boxes() {
        return a.length;
    }

    /** α = g0·exp(iIRF100 / g1), same shape as {@code iirf}. */
    public NDArray alpha(NDArray iirf) {
        return Tensors.mul(Tensors.mul(iirf, 1 / g1).exp(), g0);
    }

    /**
     * One year of the boxes.
     *
     * @param boxes R {@code [batch, boxes]} (emission units)
     * @param emission E {@code [batch]} (emission units per year, above pre-industrial)
     * @param alpha α {@code [batch]}
     * @return R after the year, {@code [batch, boxes]}
     */
    public NDArray step(NDArray boxes, NDArray emission, NDArray alpha) {
        return step(boxes, emission, alpha, constants(boxes));
    }

    /** {@link #step(NDArray, NDArray, NDArray)} with the constants made once per run. */
    public NDArray step(NDArray boxes, NDArray emission, NDArray alpha, Constants k) {
        NDArray life = alpha.expandDims(1).mul(k.tau());
        NDArray decay = k.minusOne().div(life).exp();
        NDArray gain = emission.expandDims(1).mul(k.a()).mul(life).mul(k.one().sub(decay));
        return gain.add(boxes.mul(decay));
    }

    /**
     * The tensors a run needs ({@code [1, boxes]} a and τ, and the scalars 1 and −1), attached to
     * the manager of {@code like} so they outlive the backward pass.
     */
    public Constants constants(NDArray like) {
        ai.djl.ndarray.types.Shape s = new ai.djl.ndarray.types.Shape(1, tau.length);
        return new Constants(Tensors.create(like.getManager(), a, s, like.getDataType()),
                Tensors.create(like.getManager(), tau, s, like.getDataType()), Tensors.scalar(like, 1),
                Tensors.scalar(like, -1));
    }

    /** Per-run constants of {@link #step(NDArray, NDArray, NDArray, Constants)}. */
    public record Constants(NDArray a, NDArray tau, NDArray one, NDArray minusOne) {}
}
