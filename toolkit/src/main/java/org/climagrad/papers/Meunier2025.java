package org.climagrad.papers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.climagrad.calibration.Calibration;
import org.climagrad.calibration.EnsembleKalmanInversion;
import org.climagrad.calibration.GradientEstimator;
import org.climagrad.core.Check;
import org.climagrad.core.Profile;
import org.climagrad.hybrid.HybridGradients;
import org.climagrad.hybrid.OnlineLearning;
import org.climagrad.hybrid.OnlineResult;
import org.climagrad.hybrid.SubModel;
import org.climagrad.hybrid.TrainingData;
import org.climagrad.ocean.ColumnBlackBox;
import org.climagrad.ocean.ColumnCalibration;
import org.climagrad.ocean.ColumnCalibrationProblem;
import org.climagrad.ocean.ColumnGradients;
import org.climagrad.ocean.ColumnParameter;
import org.climagrad.ocean.ColumnSpinUp;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Calibration of hybrid models (the LEAP-HCS programme; Meunier, Ouala et al. 2025, and Ouala et
 * al. 2024, Commun. Phys. 7, 402), the figures of notebooks 13-15: the differentiable ocean column's
 * autodiff gradients against central differences of its black box ({@link #gradients}), its
 * spin-up with Anderson acceleration and Newton-Krylov ({@link #spinUp}), calibration of its mixing
 * with gradient estimators and ensemble Kalman inversion ({@link #calibration}), online learning of
 * a Lorenz-63 sub-model with the exact gradient and the Euler Gradient Approximation ({@link
 * #onlineLearning}) and the exploding gradient of long chaotic rollouts ({@link
 * #explodingGradients}). Each figure is its data (a table, what tests assert on) plus a chart.
 */
public final class Meunier2025 {
    private Meunier2025() {}

    /**
     * The sizes of the figures for a profile.
     *
     * @param gradientLengths rollout lengths of {@link #gradients}, days
     * @param spinUpTolerance annual drift of {@link #spinUp}, K or g/kg per year
     * @param spinUpYears model years allowed per spin-up
     * @param starts random starts of {@link #calibration}
     * @param calibrationIterations Adam steps per calibration
     * @param online the online-learning trainer's settings
     * @param trainSteps training states of {@link #trainingData}
     * @param validationSteps validation states of {@link #trainingData}
     * @param explodingLengths rollout lengths of {@link #explodingGradients}, steps
     * @param truncation steps between detachments of truncated backpropagation
     */
    public record Settings(int[] gradientLengths, double spinUpTolerance, int spinUpYears, int starts,
            int calibrationIterations, OnlineLearning.Settings online, int trainSteps, int validationSteps,
            int[] explodingLengths, int truncation) {
        /** Validates and copies the arrays. */
        public Settings {
            Check.positive("spinUpTolerance", spinUpTolerance);
            Check.atLeast("spinUpYears", spinUpYears, 1);
            Check.atLeast("starts", starts, 1);
            Check.atLeast("calibrationIterations", calibrationIterations, 1);
            Check.atLeast("trainSteps", trainSteps, 2);
            Check.atLeast("validationSteps", validationSteps, 2);
            Check.atLeast("truncation", truncation, 1);
            gradientLengths = gradientLengths.clone();
            explodingLengths = explodingLengths.clone();
        }

        /**
         * FAST: rollouts of 1-360 days, 3 starts, 600 online Adam steps on 10,000 training states;
         * PAPER: 1-1,440 days, 8 starts, 3,000 steps on 50,000. Both: drift 1e-6 within 5,000 years,
         * 100 calibration steps, exploding-gradient lengths 10-800 steps truncated every 20.
         */
        public static Settings of(Profile profile) {
            return new Settings(ColumnGradients.lengths(profile), 1e-6, 5000, profile.pick(3, 8), 100,
                    OnlineLearning.Settings.of(profile), profile.pick(10_000, 50_000), profile.pick(2000, 10_000),
                    new int[] {10, 50, 100, 200, 400, 800}, 20);
        }

        /** Rollout lengths of {@link #gradients}, a copy. */
        @Override
        public int[] gradientLengths() {
            return gradientLengths.clone();
        }

        /** Rollout lengths of {@link #explodingGradients}, a copy. */
        @Override
        public int[] explodingLengths() {
            return explodingLengths.clone();
        }
    }

    /** The settings of the current profile: {@code Settings.of(Profile.current())}. */
    public static Settings settings() {
        return Settings.of(Profile.current());
    }

    /** The true Lorenz-63 trajectories of the settings (step {@code online().dt()}). */
    public static TrainingData trainingData(Settings s) {
        return TrainingData.lorenz63(s.trainSteps(), s.validationSteps(), s.online().dt());
    }

    /** The calibration starts of the settings for {@code problem} (seed 11). */
    public static double[][] starts(ColumnCalibrationProblem problem, Settings s) {
        return ColumnCalibration.starts(problem.dimension(), s.starts(), 11);
    }

    /**
     * Autodiff vs central differences per rollout length ({@link ColumnGradients#comparison}); a
     * chart of log10 relative error against rollout length, one line per parameter.
     *
     * @param x0 initial state {@code [2N + 2]}
     * @param lengths rollout lengths, days
     */
    public static Figure gradients(ColumnBlackBox box, double[] x0, double[] theta, int[] lengths) {
        Table t = ColumnGradients.comparison(box, x0, theta, lengths);
        ColumnParameter[] ps = ColumnParameter.values();
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (ColumnParameter p : ps) {
            curves.put(p.name(), new double[lengths.length]);
        }
        for (int r = 0; r < t.rowCount(); r++) {
            int i = r / ps.length;
            curves.get(t.stringColumn(1).get(r))[i] = Math.log10(Math.max(t.doubleColumn(4).get(r), 1e-16));
        }
        double[] x = Arrays.stream(lengths).asDoubleStream().toArray();
        return Figure.of("Ocean column: autodiff vs central differences", t,
                Charts.lines("Relative error of the autodiff gradient", "rollout length (days)", "log10 relative error",
                        x, curves));
    }

    /**
     * Every spin-up method from rest ({@link ColumnSpinUp#fromRest}): model years to the
     * tolerance, the speed-up over plain stepping, and the deepest layer's temperature; a chart of
     * log10 drift against model years.
     */
    public static Figure spinUp(ColumnBlackBox box, double[] theta, double tolerance, int maxYears) {
        List<ColumnSpinUp.Run> runs = ColumnSpinUp.fromRest(box, theta, tolerance, maxYears);
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (ColumnSpinUp.Run r : runs) {
            double[] log = new double[r.years()];
            for (int i = 0; i < log.length; i++) {
                log[i] = Math.log10(Math.max(r.drift(i), 1e-16));
            }
            curves.put(r.method().name(), log);
        }
        return Figure.of("Spin-up: plain stepping vs acceleration",
                ColumnSpinUp.table(runs, tolerance, box.model().levels()),
                Charts.ragged("Spin-up of the ocean column", "model years", "log10 annual drift", curves));
    }

    /**
     * Calibrations from every start with every estimator (Adam, {@code iterations} steps, learning
     * rate 0.1 decaying to 0.002) and, if {@code eki} is not null, with ensemble Kalman inversion
     * ({@link ColumnCalibration#calibrations}, table {@link ColumnCalibration#table}); a chart of the
     * largest relative error (log10) against model runs, for the first start.
     */
    public static Figure calibration(ColumnCalibrationProblem problem, List<GradientEstimator> estimators,
            EnsembleKalmanInversion eki, double[][] starts, int iterations) {
        List<ColumnCalibration.Outcome> outcomes = ColumnCalibration.calibrations(problem, estimators, eki, starts,
                iterations);
        XYChart chart = Charts.lines("Largest relative parameter error (start 0)", "model runs", "log10 error",
                new double[0], Map.of());
        for (ColumnCalibration.Outcome o : outcomes) {
            if (o.start() == 0) {
                Calibration.Result r = o.result();
                double[][] path = r.path();
                double[] err = new double[path.length];
                double[] runs = new double[path.length];
                for (int k = 0; k < err.length; k++) {
                    err[k] = Math.log10(Math.max(ColumnCalibration.worst(problem, path[k]), 1e-6));
                    runs[k] = r.runs(k);
                }
                chart.addSeries(o.label(), runs, err);
            }
        }
        return Figure.of("Calibration of the ocean column's mixing", ColumnCalibration.table(problem, outcomes), chart);
    }

    /**
     * Online learning with each gradient ({@link OnlineLearning#train}): validation loss (log10)
     * against iterations for the exact gradient and the Euler Gradient Approximation; the table
     * gives the first, best and final validation loss and the training time of each.
     *
     * @param progress receives the iteration of each validation, or null
     */
    public static Figure onlineLearning(TrainingData data, OnlineLearning.Settings s, IntConsumer progress) {
        Table t = Table.create("Online learning of the missing term", StringColumn.create("gradient"),
                DoubleColumn.create("initial loss"), DoubleColumn.create("best loss"), DoubleColumn.create("final loss"),
                DoubleColumn.create("seconds"));
        XYChart chart = Charts.lines("Validation loss of the hybrid model", "iteration", "log10 validation MSE",
                new double[0], Map.of());
        for (OnlineLearning.GradientMode mode : OnlineLearning.GradientMode.values()) {
            OnlineResult r = OnlineLearning.train(data, s, mode, progress);
            t.stringColumn(0).append(mode == OnlineLearning.GradientMode.EXACT ? "exact (backprop through RK4)"
                    : "Euler approximation");
            t.doubleColumn(1).append(r.initialLoss());
            t.doubleColumn(2).append(r.bestLoss());
            t.doubleColumn(3).append(r.finalLoss());
            t.doubleColumn(4).append(r.seconds());
            double[] x = Arrays.stream(r.iterations()).asDoubleStream().toArray();
            double[] y = Arrays.stream(r.validationLoss()).map(Math::log10).toArray();
            chart.addSeries(mode.name(), x, y);
        }
        return Figure.of("Ouala et al. 2024: exact gradient vs EGA", t, chart);
    }

    /**
     * The exploding-gradient curve and its fix (Meunier, Ouala et al. 2025, Sec. 4.2; {@link
     * HybridGradients#gradientNorms}): per rollout length the full and truncated gradient norms
     * (columns: steps, model time, full backprop, truncated every N), and their log10 against
     * model time.
     *
     * @param lengths rollout lengths, steps
     * @param truncation steps between detachments ≥ 1
     */
    public static Figure explodingGradients(SubModel g, TrainingData data, OnlineLearning.Settings s, int[] lengths,
            int truncation) {
        HybridGradients.GradientNorms n = HybridGradients.gradientNorms(g, data, s, lengths, truncation);
        String truncated = "truncated every " + truncation;
        Table t = Table.create("Gradient norm vs rollout length", IntColumn.create("steps", n.steps()),
                DoubleColumn.create("model time", n.time()), DoubleColumn.create("full backprop", n.full()),
                DoubleColumn.create(truncated, n.truncated()));
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("full backprop", Arrays.stream(n.full()).map(Math::log10).toArray());
        curves.put(truncated, Arrays.stream(n.truncated()).map(Math::log10).toArray());
        return Figure.of("Exploding gradients through long rollouts", t,
                Charts.lines("Gradient norm of the rollout loss", "model time", "log10 ‖∂L/∂w‖", n.time(), curves));
    }
}
