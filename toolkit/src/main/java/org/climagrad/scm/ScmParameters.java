package org.climagrad.scm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.climagrad.core.Check;

/**
 * One parameter set of the {@link Scm} (immutable). {@link #ar6()} is the AR6-mean calibration;
 * variants come from {@link #with}. Positive quantities (heat capacities, κ, ε, F4x, iIRF100
 * baselines, the aerosol-cloud shape) are checked in {@link #with}.
 */
public final class ScmParameters {
    private static final ScmParameters AR6 = new ScmParameters(defaults());
    private final double[] values;

    private ScmParameters(double[] values) {
        this.values = values;
    }

    /** The AR6-mean calibration (the defaults of {@link ScmParameter}). */
    public static ScmParameters ar6() {
        return AR6;
    }

    /** The value of one parameter. */
    public double get(ScmParameter p) {
        return values[p.ordinal()];
    }

    /** A copy with one parameter changed. */
    public ScmParameters with(ScmParameter p, double value) {
        Check.finite(p.name(), value);
        switch (p) {
            case C1, C2, C3, KAPPA1, KAPPA2, KAPPA3, EPSILON, F4X, CO2_R0, CH4_R0, N2O_R0, ACI_SHAPE ->
                    Check.positive(p.name(), value);
            default -> { }
        }
        double[] v = values.clone();
        v[p.ordinal()] = value;
        return new ScmParameters(v);
    }

    /** The parameter vector θ in {@link ScmParameter} order. */
    public double[] toArray() {
        return values.clone();
    }

    /** Equilibrium climate sensitivity F2x / λ = F4x / (2 κ1), K. */
    public double ecs() {
        return get(ScmParameter.F4X) / (2 * get(ScmParameter.KAPPA1));
    }

    /** Transient climate response from the EBM's modes ({@link ThreeLayerEbm#tcr}), K. */
    public double tcr() {
        return ThreeLayerEbm.tcr(this);
    }

    /** θ of several parameter sets as a {@code [batch, P]} float64 tensor. */
    public static NDArray tensor(NDManager manager, List<ScmParameters> sets) {
        if (sets.isEmpty()) {
            throw new IllegalArgumentException("sets: at least one parameter set required");
        }
        double[] flat = new double[sets.size() * ScmParameter.count()];
        for (int i = 0; i < sets.size(); i++) {
            System.arraycopy(sets.get(i).values, 0, flat, i * ScmParameter.count(), ScmParameter.count());
        }
        return manager.create(flat, new Shape(sets.size(), ScmParameter.count())).toType(DataType.FLOAT64, false);
    }

    private static double[] defaults() {
        double[] v = new double[ScmParameter.count()];
        for (ScmParameter p : ScmParameter.values()) {
            v[p.ordinal()] = p.ar6();
        }
        return v;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ScmParameters[");
        for (ScmParameter p : ScmParameter.values()) {
            b.append(p.ordinal() == 0 ? "" : ", ").append(p.name()).append('=').append(values[p.ordinal()]);
        }
        return b.append(']').toString();
    }
}
