package org.climagrad.design;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;
import org.climagrad.core.Tensors;
import org.climagrad.emulator.EmissionFeatures;
import org.climagrad.emulator.MlpEmulator;
import org.climagrad.emulator.TrainableEmulator;
import org.climagrad.scenario.Agent;
import org.climagrad.scenario.Scenario;
import org.climagrad.scenario.ScenarioTables;
import org.climagrad.scm.Scm;
import org.climagrad.scm.ScmParameters;
import org.climagrad.scm.ScmRunner;

/**
 * Gradient-based design of the training scenario (Womack et al. 2026, Sec. 3): minimise over the
 * emissions E of ONE training scenario the emulator's mean NRMSE on target scenarios,
 *
 * <pre>  L(E) = mean_i NRMSE(emulator trained on (features(E), SCM(E)), target_i) + μ·mean((ΔE/s)²)</pre>
 *
 * where the gradient flows through the emulator's training ({@link TrainableEmulator}: unrolled
 * steps or closed form), the emission features and the differentiable SCM. Updates are Nesterov
 * momentum steps in scaled units E/s (s the per-agent {@link EmissionFeatures#scales()}), then a
 * projection onto {@link EmissionBounds}. A held-out set, never in the loss, is scored with the
 * same trained emulator at every step. Immutable; {@link #run} returns the history, the best
 * design (lowest loss) and checkpoints.
 */
public final class ScenarioDesign {
    private final List<Scenario> targets;
    private final List<Scenario> heldOut;
    private final Scenario initial;
    private final ScmParameters parameters;
    private final TrainableEmulator emulator;
    private final int steps;
    private final double learningRate;
    private final double momentum;
    private final double smoothness;
    private final EmissionBounds bounds;
    private final int checkpointEvery;
    private final Path checkpointDirectory;

    private ScenarioDesign(Builder b) {
        targets = List.copyOf(b.targets);
        heldOut = List.copyOf(b.heldOut);
        initial = b.initial;
        parameters = b.parameters;
        emulator = b.emulator;
        steps = b.steps;
        learningRate = b.learningRate;
        momentum = b.momentum;
        smoothness = b.smoothness;
        bounds = b.bounds;
        checkpointEvery = b.checkpointEvery;
        checkpointDirectory = b.checkpointDirectory;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One outer step, evaluated at the design before the update.
     *
     * @param step 1-based
     * @param loss L(E)
     * @param targetNrmse mean NRMSE on the targets
     * @param heldOutNrmse mean NRMSE on the held-out set (NaN without one)
     */
    public record Step(int step, double loss, double targetNrmse, double heldOutNrmse) {
        @Override
        public String toString() {
            return String.format("step %4d  loss %.4f  target NRMSE %.4f  held-out NRMSE %.4f", step, loss, targetNrmse,
                    heldOutNrmse);
        }
    }

    /**
     * The outcome of a design run.
     *
     * @param best the design with the lowest loss
     * @param last the design after the last update
     * @param history one entry per step
     * @param checkpoints the design every {@code checkpointEvery} steps (the initial one first)
     */
    public record Result(Scenario best, Scenario last, List<Step> history, List<Scenario> checkpoints) {
        /** Keeps unmodifiable copies of the lists. */
        public Result {
            history = List.copyOf(history);
            checkpoints = List.copyOf(checkpoints);
        }

        /** The best step's entry. */
        public Step bestStep() {
            return history.stream().min(java.util.Comparator.comparingDouble(Step::loss)).orElseThrow();
        }
    }

    /** Runs the outer loop; {@code progress} (or null) receives every step. */
    public Result run(Consumer<Step> progress) {
        int years = initial.length();
        double[] scale = EmissionFeatures.scales();
        double[] lo = bounds.lower();
        double[] hi = bounds.upper();
        double[] u = new double[6 * years];
        double[][] e0 = initial.emissions();
        for (int a = 0; a < 6; a++) {
            for (int t = 0; t < years; t++) {
                u[a * years + t] = Math.min(hi[a], Math.max(lo[a], e0[a][t])) / scale[a];
            }
        }
        double[] v = new double[u.length];
        List<Step> history = new ArrayList<>();
        List<Scenario> checkpoints = new ArrayList<>();
        checkpoints.add(toScenario(u, years, scale, "design step 0"));
        double bestLoss = Double.POSITIVE_INFINITY;
        double[] best = u.clone();
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            Evaluator evaluator = new Evaluator(m);
            for (int k = 1; k <= steps; k++) {
                Evaluation ev = evaluator.evaluate(u, years);
                double[] g = ev.scaledGradient;
                Step step = new Step(k, ev.loss, ev.targetNrmse, ev.heldOutNrmse);
                if (!Double.isFinite(step.loss())) {
                    throw new IllegalStateException("scenario design: loss is " + step.loss() + " at step " + k
                            + " (lower learningRate or raise smoothness)");
                }
                if (step.loss() < bestLoss) {
                    bestLoss = step.loss();
                    best = u.clone();
                }
                history.add(step);
                if (progress != null) {
                    progress.accept(step);
                }
                for (int i = 0; i < u.length; i++) {
                    int a = i / years;
                    v[i] = momentum * v[i] + g[i];
                    u[i] -= learningRate * (g[i] + momentum * v[i]);
                    u[i] = Math.min(hi[a] / scale[a], Math.max(lo[a] / scale[a], u[i]));
                }
                if (k % checkpointEvery == 0) {
                    Scenario c = toScenario(u, years, scale, "design step " + k);
                    checkpoints.add(c);
                    if (checkpointDirectory != null) {
                        ScenarioTables.writeCsv(c, checkpointDirectory.resolve(String.format("design-%05d.csv", k)));
                    }
                }
            }
        }
        return new Result(toScenario(best, years, scale, "optimised"), toScenario(u, years, scale, "design last"),
                List.copyOf(history), List.copyOf(checkpoints));
    }

    /**
     * The loss of a design and its gradient.
     *
     * @param loss L(E)
     * @param targetNrmse mean NRMSE on the targets
     * @param heldOutNrmse mean NRMSE on the held-out set (NaN without one)
     * @param gradient ∂L/∂E {@code [6][years]}, per unit of each agent's emission
     */
    public record Gradient(double loss, double targetNrmse, double heldOutNrmse, double[][] gradient) {
        /** Copies the gradient. */
        public Gradient {
            gradient = copy(gradient);
        }

        /** ∂L/∂E {@code [6][years]} (a copy). */
        @Override
        public double[][] gradient() {
            return copy(gradient);
        }

        /** ∂L/∂E of one agent ({@link org.climagrad.scenario.Agent} ordinal) in one year index (no copy). */
        public double gradient(int agent, int year) {
            return gradient[agent][year];
        }

        private static double[][] copy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }
    }

    /** L and ∂L/∂E at {@code design} (same years as the initial design). */
    public Gradient gradient(Scenario design) {
        if (design.length() != initial.length()) {
            throw new IllegalArgumentException("design: " + design.length() + " years, expected " + initial.length());
        }
        int years = design.length();
        double[] scale = EmissionFeatures.scales();
        double[] u = new double[6 * years];
        double[][] e = design.emissions();
        for (int a = 0; a < 6; a++) {
            for (int t = 0; t < years; t++) {
                u[a * years + t] = e[a][t] / scale[a];
            }
        }
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            Evaluation ev = new Evaluator(m).evaluate(u, years);
            double[][] g = new double[6][years];
            for (int a = 0; a < 6; a++) {
                for (int t = 0; t < years; t++) {
                    g[a][t] = ev.scaledGradient[a * years + t] / scale[a];
                }
            }
            return new Gradient(ev.loss, ev.targetNrmse, ev.heldOutNrmse, g);
        }
    }

    /** Loss, scores and ∂L/∂u of one design u (emissions divided by {@link EmissionFeatures#scales()}). */
    record Evaluation(double loss, double targetNrmse, double heldOutNrmse, double[] scaledGradient) {}

    /**
     * The tensors fixed for a run (target and held-out features and truth, SCM parameters, emission
     * scales) and the loss evaluation on them. Each evaluation works in a sub-manager to which the
     * fixed tensors are attached for its duration, so every tensor it makes, including the
     * unrolled emulator training and its autograd graph, is freed when it returns: the run's
     * memory does not grow with the number of outer steps.
     */
    final class Evaluator {
        private final NDManager m;
        private final Fixed fixed;
        private final NDArray theta;
        private final NDArray scaleT;

        Evaluator(NDManager m) {
            this.m = m;
            this.fixed = Fixed.of(m, targets, heldOut, parameters);
            this.theta = ScmParameters.tensor(m, List.of(parameters));
            this.scaleT = Tensors.create(m, EmissionFeatures.scales(), new Shape(1, 6, 1),
                    ai.djl.ndarray.types.DataType.FLOAT64);
        }

        Evaluation evaluate(double[] u, int years) {
            try (NDManager sm = m.newSubManager()) {
                sm.tempAttachAll(fixed.features(), fixed.truth(), theta, scaleT);
                NDArray z = sm.create(u.clone(), new Shape(1, 6, years));
                z.setRequiresGradient(true);
                double loss;
                double target;
                double held;
                try (GradientCollector gc = sm.getEngine().newGradientCollector()) {
                    NDArray e = z.mul(scaleT);
                    NDArray x = EmissionFeatures.of(e).get(0);
                    NDArray y = Scm.forward(e, theta, null).temperature().get(0);
                    NDArray pred = emulator.fitPredict(x, y, fixed.features());
                    NDArray[] scores = fixed.nrmse(pred);
                    NDArray diff = z.get(":, :, 1:").sub(z.get(":, :, :-1"));
                    NDArray total = scores[0].add(Tensors.mul(diff.square().mean(), smoothness));
                    loss = total.getDouble();
                    target = scores[0].getDouble();
                    held = scores[1] == null ? Double.NaN : scores[1].getDouble();
                    gc.backward(total);
                }
                return new Evaluation(loss, target, held, z.getGradient().toDoubleArray());
            }
        }
    }

    private Scenario toScenario(double[] u, int years, double[] scale, String name) {
        Scenario.Builder b = Scenario.builder().setName(name).setFirstYear(initial.firstYear());
        for (Agent a : Agent.values()) {
            double[] e = new double[years];
            for (int t = 0; t < years; t++) {
                e[t] = u[a.ordinal() * years + t] * scale[a.ordinal()];
            }
            b.optEmissions(a, e);
        }
        return b.build();
    }

    /** Features and SCM truth of the targets and the held-out set, computed once. */
    private record Fixed(NDArray features, int[] lengths, double[] denominators, NDArray truth, int targetCount) {
        static Fixed of(NDManager m, List<Scenario> targets, List<Scenario> heldOut, ScmParameters p) {
            List<Scenario> all = new ArrayList<>(targets);
            all.addAll(heldOut);
            NDArray x = null;
            NDArray y = null;
            int[] lengths = new int[all.size()];
            double[] denominators = new double[all.size()];
            for (int i = 0; i < all.size(); i++) {
                double[] truth = ScmRunner.run(List.of(all.get(i)), p).temperature(0);
                double lo = java.util.Arrays.stream(truth).min().orElseThrow();
                double hi = java.util.Arrays.stream(truth).max().orElseThrow();
                denominators[i] = Math.max(hi - lo, 1);
                lengths[i] = truth.length;
                NDArray xi = EmissionFeatures.of(ScmRunner.emissions(m, List.of(all.get(i)))).get(0);
                NDArray yi = m.create(truth);
                x = x == null ? xi : x.concat(xi, 0);
                y = y == null ? yi : y.concat(yi, 0);
            }
            return new Fixed(x, lengths, denominators, y, targets.size());
        }

        /** Mean NRMSE over targets (differentiable) and over held-out scenarios (or null). */
        NDArray[] nrmse(NDArray pred) {
            NDArray sq = pred.sub(truth).square();
            NDArray target = null;
            NDArray held = null;
            int start = 0;
            for (int i = 0; i < lengths.length; i++) {
                NDArray r = Tensors.add(sq.get(start + ":" + (start + lengths[i])).mean(), 1e-12).sqrt();
                r = Tensors.mul(r, 1 / denominators[i]);
                if (i < targetCount) {
                    target = target == null ? r : target.add(r);
                } else {
                    held = held == null ? r : held.add(r);
                }
                start += lengths[i];
            }
            target = Tensors.mul(target, 1.0 / targetCount);
            held = held == null ? null : Tensors.mul(held, 1.0 / (lengths.length - targetCount));
            return new NDArray[] {target, held};
        }
    }

    /** Builds a {@link ScenarioDesign}. */
    public static final class Builder {
        private List<Scenario> targets;
        private List<Scenario> heldOut = List.of();
        private Scenario initial;
        private ScmParameters parameters = ScmParameters.ar6();
        private TrainableEmulator emulator = MlpEmulator.paper();
        private int steps = 100;
        private double learningRate = 0.05;
        private double momentum = 0.9;
        private double smoothness = 1.0;
        private EmissionBounds bounds = EmissionBounds.physical();
        private int checkpointEvery = 10;
        private Path checkpointDirectory;

        private Builder() {}

        /** Target scenarios whose NRMSE is minimised (required, ≥ 1). */
        public Builder setTargets(List<Scenario> targets) {
            this.targets = targets;
            return this;
        }

        /** The initial design; its years are the design's years (required). */
        public Builder setInitial(Scenario initial) {
            this.initial = initial;
            return this;
        }

        /** Held-out scenarios, scored at every step but never in the loss (default none). */
        public Builder optHeldOut(List<Scenario> heldOut) {
            this.heldOut = heldOut;
            return this;
        }

        /** SCM parameters (default AR6). */
        public Builder optParameters(ScmParameters parameters) {
            this.parameters = parameters;
            return this;
        }

        /** The emulator to train on the design (default the paper's MLP). */
        public Builder optEmulator(TrainableEmulator emulator) {
            this.emulator = emulator;
            return this;
        }

        /** Outer steps ≥ 1 (default 100; the paper 1,000). */
        public Builder optSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Step size in scaled emission units, &gt; 0 (default 0.05). */
        public Builder optLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Nesterov momentum in [0, 1) (default 0.9). */
        public Builder optMomentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Weight μ of the smoothness penalty, ≥ 0 (default 1). */
        public Builder optSmoothness(double smoothness) {
            this.smoothness = smoothness;
            return this;
        }

        /** Bounds projected onto after each step (default {@link EmissionBounds#physical()}). */
        public Builder optBounds(EmissionBounds bounds) {
            this.bounds = bounds;
            return this;
        }

        /** Keep (and write, with a directory) the design every this many steps, ≥ 1 (default 10). */
        public Builder optCheckpointEvery(int every) {
            this.checkpointEvery = every;
            return this;
        }

        /** Also write each checkpoint as CSV into this folder (default: keep in memory only). */
        public Builder optCheckpointDirectory(Path directory) {
            this.checkpointDirectory = directory;
            return this;
        }

        /** Validates and builds. */
        public ScenarioDesign build() {
            if (targets == null || targets.isEmpty()) {
                throw new IllegalArgumentException("targets: at least one scenario required (setTargets)");
            }
            if (initial == null) {
                throw new IllegalArgumentException("initial: required (setInitial)");
            }
            if (heldOut == null || parameters == null || emulator == null || bounds == null) {
                throw new IllegalArgumentException("heldOut, parameters, emulator, bounds: must not be null");
            }
            Check.atLeast("steps", steps, 1);
            Check.positive("learningRate", learningRate);
            Check.inHalfOpen("momentum", momentum, 0, 1);
            Check.nonNegative("smoothness", smoothness);
            Check.atLeast("checkpointEvery", checkpointEvery, 1);
            return new ScenarioDesign(this);
        }
    }
}
