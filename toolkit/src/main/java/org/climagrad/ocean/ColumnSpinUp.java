package org.climagrad.ocean;

import java.util.LinkedHashMap;
import java.util.Map;
import org.climagrad.core.Check;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.climagrad.solve.AndersonAcceleration;
import org.climagrad.solve.NewtonKrylov;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Spin-up of the {@link OceanColumn} benchmark from rest to its periodic (seasonal) equilibrium,
 * the fixed point of the annual map Φ ({@link ColumnBlackBox#annualMap}): plain time stepping
 * x ← Φ(x), Anderson acceleration, and Jacobian-free Newton-Krylov on Φ(x) − x = 0. The cost
 * of each is the number of model years run (evaluations of Φ). Converged when the annual drift
 * ‖Φ(x) − x‖_∞ is at most the tolerance (K or g/kg per year).
 */
public final class ColumnSpinUp {
    private ColumnSpinUp() {}

    /** A spin-up method, a typed option. */
    public enum Method {
        /** x ← Φ(x), one model year at a time. */
        PLAIN,
        /** Anderson acceleration with memory 3. */
        ANDERSON,
        /** Jacobian-free Newton-Krylov (GMRES relative tolerance 1e-3). */
        NEWTON_KRYLOV
    }

    /**
     * One spin-up.
     *
     * @param method how
     * @param tracers the final T and S {@code [2N]}
     * @param drift the annual drift after each model year run
     * @param converged whether the drift reached the tolerance
     */
    public record Run(Method method, double[] tracers, double[] drift, boolean converged) {
        /** Model years run. */
        public int years() {
            return drift.length;
        }
    }

    /**
     * Spins the column up from rest (uniform temperature and salinity).
     *
     * @param tolerance annual drift to reach, &gt; 0
     * @param maxYears model years allowed, ≥ 1
     */
    public static Run run(ColumnBlackBox box, double[] theta, double restTemperature, double restSalinity, Method method,
            double tolerance, int maxYears) {
        Check.positive("tolerance", tolerance);
        Check.atLeast("maxYears", maxYears, 1);
        box.model().checkParameters(theta, box.dt());
        double[] x0 = java.util.Arrays.copyOf(box.model().rest(restTemperature, restSalinity), 2 * box.model().levels());
        AndersonAcceleration.Result r = switch (method) {
            case PLAIN -> new AndersonAcceleration(0, tolerance, maxYears).solve(x -> box.annualMap(x, theta), x0);
            case ANDERSON -> new AndersonAcceleration(3, tolerance, maxYears).solve(x -> box.annualMap(x, theta), x0);
            case NEWTON_KRYLOV -> new NewtonKrylov(tolerance, maxYears, 1e-3, x0.length)
                    .solve(x -> box.annualMap(x, theta), x0);
        };
        return new Run(method, r.x(), r.residuals(), r.converged());
    }

    /**
     * Every method from rest at 4 °C and 35 g/kg: model years to the tolerance, the speed-up over
     * plain stepping, and the deepest layer's temperature; a chart of log10 drift against model
     * years.
     */
    public static Figure compare(ColumnBlackBox box, double[] theta, double tolerance, int maxYears) {
        Table t = Table.create("Spin-up to an annual drift of " + tolerance, StringColumn.create("method"),
                IntColumn.create("model years"), DoubleColumn.create("speed-up"), StringColumn.create("converged"),
                DoubleColumn.create("deepest T [°C]"));
        Map<String, double[]> curves = new LinkedHashMap<>();
        int plainYears = 0;
        int n = box.model().levels();
        for (Method m : Method.values()) {
            Run r = run(box, theta, 4, 35, m, tolerance, maxYears);
            if (m == Method.PLAIN) {
                plainYears = r.years();
            }
            t.stringColumn(0).append(m.name());
            t.intColumn(1).append(r.years());
            t.doubleColumn(2).append((double) plainYears / r.years());
            t.stringColumn(3).append(Boolean.toString(r.converged()));
            t.doubleColumn(4).append(r.tracers()[n - 1]);
            double[] log = new double[r.years()];
            for (int i = 0; i < log.length; i++) {
                log[i] = Math.log10(Math.max(r.drift()[i], 1e-16));
            }
            curves.put(m.name(), log);
        }
        var chart = Charts.ragged("Spin-up of the ocean column", "model years", "log10 annual drift", curves);
        return Figure.of("Spin-up: plain stepping vs acceleration", t, chart);
    }
}
