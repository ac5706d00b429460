package org.climagrad.hybrid;

import java.util.Arrays;
import org.climagrad.core.Check;
import org.climagrad.core.Profile;
import org.climagrad.dynamics.PlainStepper;

/**
 * The true Lorenz-63 trajectories of the online-learning twin (Ouala et al. 2024, Commun. Phys.
 * 7, 402): a training part and, after it, a validation part, states {@code [steps][3]}. Immutable:
 * the array accessors return a copy; loops use the indexed getters.
 */
public final class TrainingData {
    /** Steps of the spin-up from (1, 1, 1) before the first stored state. */
    public static final int SPIN_UP = 2000;

    private final double[][] train;
    private final double[][] validation;

    private TrainingData(double[][] train, double[][] validation) {
        this.train = train;
        this.validation = validation;
    }

    /** The profile's data: FAST 10,000 training and 2,000 validation steps, PAPER 50,000 and 10,000. */
    public static TrainingData lorenz63(Profile profile, double dt) {
        return lorenz63(profile.pick(10_000, 50_000), profile.pick(2000, 10_000), dt);
    }

    /**
     * True Lorenz-63 trajectories (RK4 by {@link PlainStepper}, step dt) after a {@value #SPIN_UP}-step
     * spin-up from (1, 1, 1).
     *
     * @param trainSteps training states ≥ 2
     * @param validationSteps validation states ≥ 2
     * @param dt time step (model time units) &gt; 0
     */
    public static TrainingData lorenz63(int trainSteps, int validationSteps, double dt) {
        Check.atLeast("trainSteps", trainSteps, 2);
        Check.atLeast("validationSteps", validationSteps, 2);
        Lorenz63 truth = Lorenz63.complete();
        PlainStepper rk4 = PlainStepper.rk4(dt);
        double[] s = {1, 1, 1};
        for (int i = 0; i < SPIN_UP; i++) {
            s = rk4.step(truth::tendency, s);
        }
        double[][] all = new double[trainSteps + validationSteps][];
        for (int i = 0; i < all.length; i++) {
            all[i] = s;
            s = rk4.step(truth::tendency, s);
        }
        return new TrainingData(Arrays.copyOf(all, trainSteps), Arrays.copyOfRange(all, trainSteps, all.length));
    }

    /** Number of training states. */
    public int trainSteps() {
        return train.length;
    }

    /** Number of validation states. */
    public int validationSteps() {
        return validation.length;
    }

    /** Component {@code i} (0 = x, 1 = y, 2 = z) of training state {@code step}. */
    public double train(int step, int i) {
        return train[step][i];
    }

    /** Component {@code i} of validation state {@code step}. */
    public double validation(int step, int i) {
        return validation[step][i];
    }

    /** Training state {@code step} {@code [3]}, a copy. */
    public double[] trainState(int step) {
        return train[step].clone();
    }

    /** Validation state {@code step} {@code [3]}, a copy. */
    public double[] validationState(int step) {
        return validation[step].clone();
    }

    /** The training states {@code [trainSteps][3]}, a copy. */
    public double[][] train() {
        return copy(train);
    }

    /** The validation states {@code [validationSteps][3]}, a copy. */
    public double[][] validation() {
        return copy(validation);
    }

    /** The internal training states (package use, never modified). */
    double[][] trainView() {
        return train;
    }

    /** The internal validation states (package use, never modified). */
    double[][] validationView() {
        return validation;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
