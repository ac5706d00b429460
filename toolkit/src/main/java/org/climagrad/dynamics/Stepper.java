package org.climagrad.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.climagrad.core.Check;
import org.climagrad.core.Tensors;

/**
 * The one engine that advances a {@link Dynamics} by one time step with any explicit
 * {@link ButcherTableau}. The products dt·a_ij and dt·b_i are NDArray constants made once,
 * attached to the manager given at construction (safe inside a gradient collector as long as that
 * manager stays open until {@code backward()}).
 */
public final class Stepper {
    private final Dynamics dynamics;
    private final ButcherTableau scheme;
    private final double dt;
    private final NDArray[][] dtA;
    private final NDArray[] dtB;

    /**
     * @param dynamics the model
     * @param scheme the time scheme
     * @param dt time step (model time units), > 0
     * @param manager owns the constants; must outlive every use of this stepper
     * @param type data type of the states it will step
     */
    public Stepper(Dynamics dynamics, ButcherTableau scheme, double dt, NDManager manager, DataType type) {
        this.dynamics = dynamics;
        this.scheme = scheme;
        this.dt = Check.positive("dt", dt);
        double[][] a = scheme.a();
        double[] b = scheme.b();
        dtA = new NDArray[a.length][];
        for (int i = 0; i < a.length; i++) {
            dtA[i] = new NDArray[i];
            for (int j = 0; j < i; j++) {
                dtA[i][j] = a[i][j] == 0 ? null : Tensors.scalar(manager, type, dt * a[i][j]);
            }
        }
        dtB = new NDArray[b.length];
        for (int i = 0; i < b.length; i++) {
            dtB[i] = b[i] == 0 ? null : Tensors.scalar(manager, type, dt * b[i]);
        }
    }

    /** The model this stepper advances. */
    public Dynamics dynamics() {
        return dynamics;
    }

    /** The time step. */
    public double dt() {
        return dt;
    }

    /** The time scheme. */
    public ButcherTableau scheme() {
        return scheme;
    }

    /**
     * One step x(t) → x(t + dt).
     *
     * @param x state {@code [batch, nx]}
     * @param theta parameters {@code [np]} or {@code [batch, np]}
     * @return the new state {@code [batch, nx]}
     */
    public NDArray step(NDArray x, NDArray theta) {
        int s = dtB.length;
        NDArray[] k = new NDArray[s];
        NDArray update = null;
        for (int i = 0; i < s; i++) {
            NDArray xi = x;
            for (int j = 0; j < i; j++) {
                if (dtA[i][j] != null) {
                    xi = xi.add(k[j].mul(dtA[i][j]));
                }
            }
            k[i] = dynamics.tendency(xi, theta);
            if (dtB[i] != null) {
                NDArray term = k[i].mul(dtB[i]);
                update = update == null ? term : update.add(term);
            }
        }
        return x.add(update);
    }
}
