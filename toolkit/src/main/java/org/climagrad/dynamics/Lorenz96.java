package org.climagrad.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Optional;
import org.climagrad.core.Check;
import org.climagrad.core.GatherIndex;

/**
 * The one-level Lorenz-96 model, CODA (Zinchenko &amp; Greenberg 2024) eq. 8:
 * dx_k/dt = (x_{k+1} − x_{k−2}) x_{k−1} − x_k + F, k = 0..K−1, periodic in k.
 *
 * <p>State {@code [batch, K]}; parameters θ = [F] ({@code [1]} or {@code [batch, 1]}). The periodic
 * shifts are one gather with precomputed indices. An optional {@link Correction} B(x) is added to
 * the tendency.
 */
public final class Lorenz96 implements Dynamics {
    /** Default number of variables (CODA, Sakov et al. 2008). */
    public static final int DEFAULT_K = 40;
    /** Default forcing. */
    public static final double DEFAULT_F = 8;

    private final int k;
    private final Correction correction;
    private final GatherIndex shifts;

    private Lorenz96(Builder b) {
        this.k = b.k;
        this.correction = b.correction;
        // One gather gives [x_{k+1} | x_{k-2} | x_{k-1}] along the last axis.
        long[] idx = new long[3 * k];
        for (int i = 0; i < k; i++) {
            idx[i] = (i + 1) % k;
            idx[k + i] = (i - 2 + k) % k;
            idx[2 * k + i] = (i - 1 + k) % k;
        }
        shifts = new GatherIndex(idx);
    }

    /** The standard model, K = 40 (use θ = [8] for F = 8). */
    public static Lorenz96 standard() {
        return builder().build();
    }

    /** A builder; every setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset to this model's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.k = k;
        b.correction = correction;
        return b;
    }

    /** This model with an additive correction term in the tendency. */
    public Lorenz96 withCorrection(Correction c) {
        return toBuilder().optCorrection(c).build();
    }

    @Override
    public int nx() {
        return k;
    }

    /** Number of variables K. */
    public int size() {
        return k;
    }

    /** The correction term, if any. */
    public Optional<Correction> correction() {
        return Optional.ofNullable(correction);
    }

    @Override
    public String[] parameterNames() {
        return new String[] {"F"};
    }

    @Override
    public double[] defaultParameters() {
        return new double[] {DEFAULT_F};
    }

    @Override
    public NDArray tendency(NDArray x, NDArray theta) {
        NDList s = shifts.apply(x).split(3, 1);
        NDArray xp1 = s.get(0);
        NDArray xm2 = s.get(1);
        NDArray xm1 = s.get(2);
        NDArray dx = xp1.sub(xm2).mul(xm1).sub(x).add(theta); // θ = [F] broadcasts over k
        return correction == null ? dx : dx.add(correction.apply(x));
    }

    @Override
    public String toString() {
        return "Lorenz96(K=" + k + (correction == null ? "" : ", corrected") + ")";
    }

    /** Builder in DJL style: {@code optX} settings, {@link #build()} validates. */
    public static final class Builder {
        private int k = DEFAULT_K;
        private Correction correction;

        private Builder() {}

        /** Number of variables K ≥ 4 (default 40). */
        public Builder optSize(int k) {
            this.k = k;
            return this;
        }

        /** An additive correction B(x) in the tendency (default none). */
        public Builder optCorrection(Correction correction) {
            this.correction = correction;
            return this;
        }

        /** Validates and builds. */
        public Lorenz96 build() {
            Check.atLeast("K", k, 4);
            return new Lorenz96(this);
        }
    }
}
