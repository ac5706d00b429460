package org.climagrad.obs;

import java.util.Random;
import org.climagrad.core.Check;
import org.climagrad.dynamics.Rollout;

/**
 * A twin experiment: a model (rollout and parameters) generates a truth, an observation model
 * observes it. Immutable configuration; {@link #generate()} produces the seeded, reproducible
 * {@link Twin}. Composed as in DAPPER: dynamics + observations + time axis.
 *
 * <p>Time axis: after {@code spinUp} model steps from a seeded random start, the truth is recorded
 * at T observation times t_i = i · obsEvery · dt, i = 0..T−1, and observed at each of them.
 */
public final class TwinExperiment {
    private final Rollout rollout;
    private final double[] theta;
    private final ObservationModel observationModel;
    private final int obsEvery;
    private final int times;
    private final int spinUp;
    private final long seed;

    private TwinExperiment(Builder b) {
        this.rollout = b.rollout;
        this.theta = b.theta == null ? b.rollout.dynamics().defaultParameters() : b.theta.clone();
        this.observationModel = b.observationModel;
        this.obsEvery = b.obsEvery;
        this.times = b.times;
        this.spinUp = b.spinUp;
        this.seed = b.seed;
    }

    /** A builder: rollout, observation model and number of times are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset to this experiment's settings. */
    public Builder toBuilder() {
        return new Builder().setRollout(rollout).optParameters(theta).setObservationModel(observationModel)
                .optObsEvery(obsEvery).setTimes(times).optSpinUp(spinUp).optSeed(seed);
    }

    /** This experiment with another seed (new truth and observations). */
    public TwinExperiment withSeed(long newSeed) {
        return toBuilder().optSeed(newSeed).build();
    }

    /** The model's integrator. */
    public Rollout rollout() {
        return rollout;
    }

    /** The true model parameters θ. */
    public double[] parameters() {
        return theta.clone();
    }

    /** The observation model. */
    public ObservationModel observationModel() {
        return observationModel;
    }

    /** Model steps between observation times. */
    public int obsEvery() {
        return obsEvery;
    }

    /** Number of observation times T. */
    public int times() {
        return times;
    }

    /** Model steps discarded before the truth is recorded. */
    public int spinUp() {
        return spinUp;
    }

    /** The seed of the truth's initial state and of the observations. */
    public long seed() {
        return seed;
    }

    /** Time between observations (model time units). */
    public double obsInterval() {
        return obsEvery * rollout.dt();
    }

    /** Runs the truth and observes it. */
    public Twin generate() {
        Random rng = new Random(seed);
        double[][] x0 = rollout.spinUp(theta, spinUp, rng);
        double[][] truth = rollout.simulate(x0, theta, (times - 1) * obsEvery, obsEvery)[0];
        Observations obs = observationModel.observe(truth, rng.nextLong());
        return new Twin(this, truth, obs);
    }

    /** Builder in DJL style. */
    public static final class Builder {
        private Rollout rollout;
        private double[] theta;
        private ObservationModel observationModel;
        private int obsEvery = 1;
        private int times = -1;
        private int spinUp = 1000;
        private long seed = 0;

        private Builder() {}

        /** The model's integrator (required). */
        public Builder setRollout(Rollout rollout) {
            this.rollout = rollout;
            return this;
        }

        /** The true parameters θ (default: the model's defaults). */
        public Builder optParameters(double... theta) {
            this.theta = theta == null ? null : theta.clone();
            return this;
        }

        /** The observation model (required). */
        public Builder setObservationModel(ObservationModel observationModel) {
            this.observationModel = observationModel;
            return this;
        }

        /** Model steps between observations, ≥ 1 (default 1). */
        public Builder optObsEvery(int obsEvery) {
            this.obsEvery = obsEvery;
            return this;
        }

        /** Number of observation times T ≥ 1 (required). */
        public Builder setTimes(int times) {
            this.times = times;
            return this;
        }

        /** Spin-up steps before recording, ≥ 0 (default 1000). */
        public Builder optSpinUp(int spinUp) {
            this.spinUp = spinUp;
            return this;
        }

        /** Seed of truth and observations (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Validates and builds. */
        public TwinExperiment build() {
            if (rollout == null) {
                throw new IllegalArgumentException("rollout: required, call setRollout");
            }
            if (observationModel == null) {
                throw new IllegalArgumentException("observationModel: required, call setObservationModel");
            }
            if (theta != null) {
                Check.length("parameters", theta, rollout.dynamics().parameterNames().length);
                Check.allFinite("parameters", theta);
            }
            Check.atLeast("obsEvery", obsEvery, 1);
            Check.atLeast("times", times, 1);
            Check.atLeast("spinUp", spinUp, 0);
            return new TwinExperiment(this);
        }
    }
}
