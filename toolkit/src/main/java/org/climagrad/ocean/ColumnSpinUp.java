package org.climagrad.ocean;

import java.util.ArrayList;
import java.util.List;
import org.climagrad.core.Check;
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
 * ‖Φ(x) − x‖_∞ is at most the tolerance (K or g/kg per year). The figure is
 * {@code papers.Meunier2025.spinUp}.
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

    /** Temperature of the rest state of {@link #fromRest}, °C. */
    public static final double REST_TEMPERATURE = 4;
    /** Salinity of the rest state of {@link #fromRest}, g/kg. */
    public static final double REST_SALINITY = 35;

    /**
     * One spin-up. Immutable: the array accessors return a copy; loops use {@link #tracer(int)},
     * {@link #drift(int)}, {@link #size()} and {@link #years()}.
     *
     * @param method how
     * @param tracers the final T and S {@code [2N]} (°C, then g/kg)
     * @param drift the annual drift ‖Φ(x) − x‖_∞ after each model year run {@code [years]}
     * @param converged whether the drift reached the tolerance
     */
    public record Run(Method method, double[] tracers, double[] drift, boolean converged) {
        /** Copies the arrays. */
        public Run {
            tracers = tracers.clone();
            drift = drift.clone();
        }

        /** Model years run. */
        public int years() {
            return drift.length;
        }

        /** Number of tracer values (2N). */
        public int size() {
            return tracers.length;
        }

        /** Tracer value {@code i} (T of layer i for i &lt; N, else S of layer i − N). */
        public double tracer(int i) {
            return tracers[i];
        }

        /** The annual drift after model year {@code year + 1}. */
        public double drift(int year) {
            return drift[year];
        }

        /** The final T and S {@code [2N]}, a copy. */
        @Override
        public double[] tracers() {
            return tracers.clone();
        }

        /** The annual drift after each model year, a copy. */
        @Override
        public double[] drift() {
            return drift.clone();
        }
    }

    /**
     * Spins the column up from rest (uniform temperature and salinity).
     *
     * @param restTemperature °C
     * @param restSalinity g/kg
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
            case NEWTON_KRYLOV -> NewtonKrylov.builder().setTolerance(tolerance).setMaxEvaluations(maxYears)
                    .optKrylovTolerance(1e-3).optMaxKrylov(x0.length).build().solve(x -> box.annualMap(x, theta), x0);
        };
        return new Run(method, r.x(), r.residuals(), r.converged());
    }

    /**
     * Every method, in the order of {@link Method}, from rest at {@value #REST_TEMPERATURE} °C and
     * {@value #REST_SALINITY} g/kg.
     */
    public static List<Run> fromRest(ColumnBlackBox box, double[] theta, double tolerance, int maxYears) {
        List<Run> runs = new ArrayList<>();
        for (Method m : Method.values()) {
            runs.add(run(box, theta, REST_TEMPERATURE, REST_SALINITY, m, tolerance, maxYears));
        }
        return List.copyOf(runs);
    }

    /**
     * The spin-ups as a table: per method the model years to the tolerance, the speed-up over the
     * first run (plain stepping in {@link #fromRest}), whether it converged, and the deepest layer's
     * temperature (°C).
     *
     * @param levels N, the column's layers
     */
    public static Table table(List<Run> runs, double tolerance, int levels) {
        Table t = Table.create("Spin-up to an annual drift of " + tolerance, StringColumn.create("method"),
                IntColumn.create("model years"), DoubleColumn.create("speed-up"), StringColumn.create("converged"),
                DoubleColumn.create("deepest T [°C]"));
        int plainYears = 0;
        for (Run r : runs) {
            if (r.method() == Method.PLAIN) {
                plainYears = r.years();
            }
            t.stringColumn(0).append(r.method().name());
            t.intColumn(1).append(r.years());
            t.doubleColumn(2).append((double) plainYears / r.years());
            t.stringColumn(3).append(Boolean.toString(r.converged()));
            t.doubleColumn(4).append(r.tracer(levels - 1));
        }
        return t;
    }
}
