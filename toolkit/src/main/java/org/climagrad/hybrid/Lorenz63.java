package org.climagrad.hybrid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.climagrad.core.Tensors;
import org.climagrad.dynamics.Correction;
import org.climagrad.dynamics.Dynamics;

/**
 * Lorenz (1963), the twin of Ouala et al. (2024, Commun. Phys. 7, 402) for online learning of a
 * sub-model: dx/dt = σ(y − x), dy/dt = x(ρ − z) − y, dz/dt = xy − βz with σ = 10, ρ = 28,
 * β = 8/3. The "physical model" drops the term xy from dz/dt; a neural sub-model must learn it.
 * State {@code [batch, 3]}; the parameters are fixed (θ unused, {@code [0]}). An optional
 * {@link Correction} is added to the tensor tendency.
 */
public final class Lorenz63 implements Dynamics {
    /** σ. */
    public static final double SIGMA = 10;
    /** ρ. */
    public static final double RHO = 28;
    /** β. */
    public static final double BETA = 8.0 / 3;

    private final boolean complete;
    private final Correction correction;

    private Lorenz63(boolean complete, Correction correction) {
        this.complete = complete;
        this.correction = correction;
    }

    /** The full system (the truth). */
    public static Lorenz63 complete() {
        return new Lorenz63(true, null);
    }

    /** The physical model without the term xy in dz/dt. */
    public static Lorenz63 withoutXy() {
        return new Lorenz63(false, null);
    }

    /** This model plus an additive term in the tendency (a hybrid model's sub-model). */
    public Lorenz63 withCorrection(Correction c) {
        return new Lorenz63(complete, c);
    }

    /** Whether xy is included. */
    public boolean isComplete() {
        return complete;
    }

    @Override
    public int nx() {
        return 3;
    }

    @Override
    public String[] parameterNames() {
        return new String[0];
    }

    @Override
    public double[] defaultParameters() {
        return new double[0];
    }

    @Override
    public NDArray tendency(NDArray s, NDArray theta) {
        NDArray x = s.get(":, 0:1");
        NDArray y = s.get(":, 1:2");
        NDArray z = s.get(":, 2:3");
        NDArray dx = Tensors.mul(y.sub(x), SIGMA);
        NDArray dy = x.mul(Tensors.mul(z, -1).add(Tensors.scalar(z, RHO))).sub(y);
        NDArray dz = Tensors.mul(z, -BETA);
        if (complete) {
            dz = dz.add(x.mul(y));
        }
        NDArray d = NDArrays.concat(new NDList(dx, dy, dz), 1);
        return correction == null ? d : d.add(correction.apply(s));
    }

    /** The tendency of one state in plain Java {@code [3]}, without any correction. */
    public double[] tendency(double[] s) {
        double[] d = {SIGMA * (s[1] - s[0]), s[0] * (RHO - s[2]) - s[1], -BETA * s[2]};
        if (complete) {
            d[2] += s[0] * s[1];
        }
        return d;
    }
}
