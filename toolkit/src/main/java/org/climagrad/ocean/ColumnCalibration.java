package org.climagrad.ocean;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.climagrad.calibration.Calibration;
import org.climagrad.calibration.EnsembleKalmanInversion;
import org.climagrad.calibration.Estimate;
import org.climagrad.calibration.GradientEstimator;
import org.climagrad.core.Check;
import org.climagrad.core.Profile;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The calibration experiments on the {@link ColumnCalibrationProblem}: how well each {@link
 * GradientEstimator} agrees with the autodiff gradient for its cost, and calibrations from random
 * starts with each (recovered parameters, model runs). The figure is {@code
 * papers.Meunier2025.calibration}.
 */
public final class ColumnCalibration {
    /** Relative error within which a parameter counts as recovered (5 %). */
    public static final double RECOVERED = 0.05;

    private ColumnCalibration() {}

    /**
     * The black-box estimators compared: central and forward differences, SPSA, ensemble
     * regression and the linear surrogate.
     */
    public static List<GradientEstimator> blackBoxEstimators() {
        return List.of(new GradientEstimator.FiniteDifferences(true, 1e-3),
                new GradientEstimator.FiniteDifferences(false, 1e-3), new GradientEstimator.Spsa(4, 0.05),
                new GradientEstimator.EnsembleRegression(6, 0.05), new GradientEstimator.Surrogate(4, 0.02));
    }

    /** Ensemble Kalman inversion with 10 members, 10 iterations, initial spread 0.3. */
    public static EnsembleKalmanInversion eki() {
        return EnsembleKalmanInversion.builder().setMembers(10).setIterations(10).optSpread(0.3).optSeed(5).build();
    }

    /** Random starts u ~ U(−0.7, 0.7)ᵈ (parameters from 0.5 to 2 times the truth): FAST 3, PAPER 8. */
    public static double[][] starts(int dimension, Profile profile, long seed) {
        return starts(dimension, profile.pick(3, 8), seed);
    }

    /** {@code count} random starts u ~ U(−0.7, 0.7)ᵈ {@code [count][dimension]}. */
    public static double[][] starts(int dimension, int count, long seed) {
        Check.atLeast("count", count, 1);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] s = new double[count][dimension];
        for (double[] row : s) {
            for (int i = 0; i < dimension; i++) {
                row[i] = 1.4 * rng.nextDouble() - 0.7;
            }
        }
        return s;
    }

    /**
     * Each estimator against the autodiff gradient at the given points: cosine similarity,
     * relative error ‖ĝ − g‖ / ‖g‖ and model runs per estimate.
     */
    public static Table agreement(ColumnCalibrationProblem problem, List<GradientEstimator> estimators, double[][] points) {
        Table t = Table.create("Gradient estimators vs autodiff", StringColumn.create("estimator"),
                IntColumn.create("point"), DoubleColumn.create("cosine"), DoubleColumn.create("relative error"),
                IntColumn.create("model runs"));
        for (int p = 0; p < points.length; p++) {
            double[] g = problem.valueAndGradient(points[p]).gradient();
            for (GradientEstimator e : estimators) {
                Estimate est = e.estimate(problem, points[p], 1000 + p);
                double[] h = est.gradient();
                double dot = 0;
                double gg = 0;
                double hh = 0;
                double diff = 0;
                for (int i = 0; i < g.length; i++) {
                    dot += g[i] * h[i];
                    gg += g[i] * g[i];
                    hh += h[i] * h[i];
                    diff += (g[i] - h[i]) * (g[i] - h[i]);
                }
                t.stringColumn(0).append(e.label());
                t.intColumn(1).append(p);
                t.doubleColumn(2).append(dot / Math.sqrt(gg * hh));
                t.doubleColumn(3).append(Math.sqrt(diff / gg));
                t.intColumn(4).append(est.runs());
            }
        }
        return t;
    }

    /**
     * One calibration of {@link #calibrations}.
     *
     * @param label the estimator's label, or "EKI (members x iterations)"
     * @param start index of the start
     * @param result the calibration
     */
    public record Outcome(String label, int start, Calibration.Result result) {}

    /** Adam with {@code iterations} steps, learning rate 0.1 decaying to 0.002, seed 7. */
    public static Calibration adam(GradientEstimator estimator, int iterations) {
        return Calibration.builder().setEstimator(estimator).setIterations(iterations).optLearningRate(0.1)
                .optFinalLearningRate(0.002).optSeed(7).build();
    }

    /**
     * Calibrations from every start with every estimator ({@link #adam}) and, if {@code eki} is
     * not null, with ensemble Kalman inversion; estimator by estimator, start by start.
     */
    public static List<Outcome> calibrations(ColumnCalibrationProblem problem, List<GradientEstimator> estimators,
            EnsembleKalmanInversion eki, double[][] starts, int iterations) {
        Check.atLeast("iterations", iterations, 1);
        List<Outcome> out = new ArrayList<>();
        for (GradientEstimator e : estimators) {
            Calibration c = adam(e, iterations);
            for (int s = 0; s < starts.length; s++) {
                out.add(new Outcome(e.label(), s, c.run(problem, starts[s])));
            }
        }
        if (eki != null) {
            for (int s = 0; s < starts.length; s++) {
                out.add(new Outcome("EKI (" + eki.members() + " x " + eki.iterations() + ")", s,
                        eki.run(problem, starts[s])));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The calibrations as a table: the recovered parameters relative to the truth, the largest
     * relative error, the model runs, and whether every parameter is within {@link #RECOVERED}.
     */
    public static Table table(ColumnCalibrationProblem problem, List<Outcome> outcomes) {
        Table t = Table.create("Calibration from random starts", StringColumn.create("estimator"),
                IntColumn.create("start"));
        for (ColumnParameter p : problem.calibrated()) {
            t.addColumns(DoubleColumn.create(p.name() + " / truth"));
        }
        t.addColumns(DoubleColumn.create("largest error"), IntColumn.create("model runs"), BooleanColumn.create("within 5 %"));
        double[] ref = ColumnParameter.references();
        int d = problem.dimension();
        for (Outcome o : outcomes) {
            Calibration.Result r = o.result();
            double[] u = r.u();
            double[] th = problem.theta(u);
            double worst = worst(problem, u);
            t.stringColumn(0).append(o.label());
            t.intColumn(1).append(o.start());
            for (int i = 0; i < d; i++) {
                int p = problem.calibrated().get(i).ordinal();
                t.doubleColumn(2 + i).append(th[p] / ref[p]);
            }
            t.doubleColumn(2 + d).append(worst);
            t.intColumn(3 + d).append(r.totalRuns());
            t.booleanColumn(4 + d).append(worst <= RECOVERED);
        }
        return t;
    }

    /** The largest relative error |θ_p / θ_p^true − 1| over the calibrated parameters at u. */
    public static double worst(ColumnCalibrationProblem problem, double[] u) {
        double[] ref = ColumnParameter.references();
        double[] th = problem.theta(u);
        double w = 0;
        for (ColumnParameter p : problem.calibrated()) {
            w = Math.max(w, Math.abs(th[p.ordinal()] / ref[p.ordinal()] - 1));
        }
        return w;
    }
}
