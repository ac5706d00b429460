package org.climagrad.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.climagrad.core.Check;
import org.climagrad.core.GatherIndex;

/**
 * The two-level Lorenz-96 model, CODA (Zinchenko &amp; Greenberg 2024) eqs. 9-10:
 * <pre>
 *   dx_k/dt   = (x_{k+1} − x_{k−2}) x_{k−1} − x_k + F − h c · mean_j z_{j,k}
 *   dz_{j,k}/dt = −c b z_{j+1,k} (z_{j+2,k} − z_{j−1,k}) − c z_{j,k} + (h c / b) x_k
 * </pre>
 * k = 0..K−1 periodic; the fast variables form one periodic ring of length J·K (z_{J,k} = z_{0,k+1}).
 *
 * <p>State {@code [batch, K + K·J]}: the K slow variables first, then the fast ones with
 * z_{j,k} at column {@code K + k·J + j}. Parameters θ = [F, h, c, b], each differentiable.
 * With h = 0 the slow variables follow the one-level model exactly.
 */
public final class Lorenz96TwoLevel implements Dynamics {
    /** CODA defaults: K = 36, J = 10. */
    public static final int DEFAULT_K = 36;
    /** Fast variables per slow one. */
    public static final int DEFAULT_J = 10;
    /** CODA defaults θ = [F, h, c, b] = [10, 1, 10, 10]. */
    private static final double[] DEFAULTS = {10, 1, 10, 10};

    private final int k;
    private final int j;
    private final GatherIndex gather;

    private Lorenz96TwoLevel(int k, int j) {
        this.k = k;
        this.j = j;
        int n = k * j;
        // Layout of one gather: x_{k+1}, x_{k-2}, x_{k-1} (K each), then z_{m+1}, z_{m+2}, z_{m-1}, x_{k(m)} (n each).
        long[] gather = new long[3 * k + 4 * n];
        for (int i = 0; i < k; i++) {
            gather[i] = (i + 1) % k;
            gather[k + i] = (i - 2 + k) % k;
            gather[2 * k + i] = (i - 1 + k) % k;
        }
        int o = 3 * k;
        for (int m = 0; m < n; m++) {
            gather[o + m] = k + (m + 1) % n;
            gather[o + n + m] = k + (m + 2) % n;
            gather[o + 2 * n + m] = k + (m - 1 + n) % n;
            gather[o + 3 * n + m] = m / j;
        }
        this.gather = new GatherIndex(gather);
    }

    /** The CODA configuration K = 36, J = 10. */
    public static Lorenz96TwoLevel standard() {
        return of(DEFAULT_K, DEFAULT_J);
    }

    /**
     * A model with K slow and J fast variables per slow one.
     *
     * @param k slow variables, ≥ 4
     * @param j fast variables per slow variable, ≥ 1
     */
    public static Lorenz96TwoLevel of(int k, int j) {
        Check.atLeast("K", k, 4);
        Check.atLeast("J", j, 1);
        return new Lorenz96TwoLevel(k, j);
    }

    @Override
    public int nx() {
        return k + k * j;
    }

    /** Number of slow variables K. */
    public int slowSize() {
        return k;
    }

    /** Fast variables per slow variable J. */
    public int fastPerSlow() {
        return j;
    }

    @Override
    public String[] parameterNames() {
        return new String[] {"F", "h", "c", "b"};
    }

    @Override
    public double[] defaultParameters() {
        return DEFAULTS.clone();
    }

    @Override
    public NDArray tendency(NDArray state, NDArray theta) {
        int n = k * j;
        long batch = state.getShape().get(0);
        NDList g = gather.apply(state).split(new long[] {k, 2 * k, 3 * k, 3 * k + n, 3 * k + 2 * n, 3 * k + 3 * n}, 1);
        NDList xz = state.split(new long[] {k}, 1);
        NDArray x = xz.get(0);
        NDArray z = xz.get(1);
        NDList p = theta.split(4, theta.getShape().dimension() - 1);
        NDArray f = p.get(0);
        NDArray h = p.get(1);
        NDArray c = p.get(2);
        NDArray b = p.get(3);
        NDArray hc = h.mul(c);
        NDArray xp1 = g.get(0);
        NDArray xm2 = g.get(1);
        NDArray xm1 = g.get(2);
        NDArray zp1 = g.get(3);
        NDArray zp2 = g.get(4);
        NDArray zm1 = g.get(5);
        NDArray xOfZ = g.get(6);
        NDArray zMean = z.reshape(batch, k, j).mean(new int[] {2});
        NDArray dx = xp1.sub(xm2).mul(xm1).sub(x).add(f).sub(hc.mul(zMean));
        NDArray dz = zp1.mul(zp2.sub(zm1)).mul(c.mul(b)).neg().sub(c.mul(z)).add(hc.div(b).mul(xOfZ));
        return dx.concat(dz, 1);
    }

    @Override
    public String toString() {
        return "Lorenz96TwoLevel(K=" + k + ", J=" + j + ")";
    }
}
