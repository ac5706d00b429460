package org.climagrad.ocean;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;
import org.climagrad.dynamics.Rollout;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Autodiff gradients of the {@link OceanColumn} benchmark against central differences of its
 * black box, over rollout length (Meunier, Ouala et al. 2025, Sec. 4: relative errors 1e-7 to 2e-5
 * for Veros over short rollouts). The loss is J(θ) = Σ_k T_k(t)² over the layers at the end of the
 * rollout; central differences use a relative step of 1e-5. The figure is
 * {@code papers.Meunier2025.gradients}.
 */
public final class ColumnGradients {
    private ColumnGradients() {}

    /** Rollout lengths of the comparison (days): FAST 1-360, PAPER 1-1,440. */
    public static int[] lengths(org.climagrad.core.Profile profile) {
        return profile.pick(new int[] {1, 10, 30, 90, 360}, new int[] {1, 10, 30, 90, 360, 720, 1440});
    }

    /** ∂J/∂θ by reverse-mode autodiff through {@code days} RK4 steps (float64) {@code [3]}. */
    public static double[] autodiff(OceanColumn model, double[] x0, double[] theta, int days) {
        Check.atLeast("days", days, 1);
        model.checkParameters(theta, 1);
        int n = model.levels();
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDArray th = m.create(theta);
            th.setRequiresGradient(true);
            Rollout r = Rollout.builder().setDynamics(model).setDt(1).build();
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray last = r.last(m.create(x0, new Shape(1, x0.length)), th, days);
                gc.backward(last.get(":, 0:" + n).square().sum());
            }
            return th.getGradient().toDoubleArray();
        }
    }

    /** ∂J/∂θ by central differences of the black box (two runs per parameter) {@code [3]}. */
    public static double[] central(ColumnBlackBox box, double[] x0, double[] theta, int days) {
        int n = box.model().levels();
        double[] g = new double[theta.length];
        for (int p = 0; p < theta.length; p++) {
            double h = 1e-5 * Math.abs(theta[p]);
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[p] += h;
            down[p] -= h;
            g[p] = (loss(box.run(x0, up, days), n) - loss(box.run(x0, down, days), n)) / (2 * h);
        }
        return g;
    }

    /**
     * The comparison for each rollout length, one row per length and parameter: days, parameter,
     * autodiff, central difference and their relative error |a − c| / |c|.
     *
     * @param x0 initial state {@code [2N + 2]}
     * @param lengths rollout lengths, days
     */
    public static Table comparison(ColumnBlackBox box, double[] x0, double[] theta, int[] lengths) {
        Table t = Table.create("Autodiff vs central differences", IntColumn.create("days"),
                StringColumn.create("parameter"), DoubleColumn.create("autodiff"), DoubleColumn.create("central"),
                DoubleColumn.create("relative error"));
        ColumnParameter[] ps = ColumnParameter.values();
        for (int length : lengths) {
            double[] a = autodiff(box.model(), x0, theta, length);
            double[] c = central(box, x0, theta, length);
            for (int p = 0; p < ps.length; p++) {
                t.intColumn(0).append(length);
                t.stringColumn(1).append(ps[p].name());
                t.doubleColumn(2).append(a[p]);
                t.doubleColumn(3).append(c[p]);
                t.doubleColumn(4).append(Math.abs(a[p] - c[p]) / Math.max(Math.abs(c[p]), 1e-300));
            }
        }
        return t;
    }

    private static double loss(double[] x, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += x[k] * x[k];
        }
        return s;
    }
}
