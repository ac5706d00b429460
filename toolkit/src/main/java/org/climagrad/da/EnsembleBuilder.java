package org.climagrad.da;

import org.climagrad.obs.Climatology;

/**
 * The settings shared by the {@link Enkf} and {@link Enks} builders (DJL style: {@code setX}
 * required, {@code optX} optional, {@code build()} validates and names the bad field).
 *
 * @param <B> the concrete builder
 */
public abstract class EnsembleBuilder<B extends EnsembleBuilder<B>> {
    EnkfUpdate update;
    int ensembleSize;
    double inflation = 1;
    Localization localization;
    long seed;
    Climatology climatology;
    double[][] initialEnsemble;

    EnsembleBuilder() {}

    abstract B self();

    /** The analysis flavour (required). */
    public B setUpdate(EnkfUpdate update) {
        this.update = update;
        return self();
    }

    /** Ensemble size N ≥ 2 (required unless {@link #optInitialEnsemble} is given). */
    public B setEnsembleSize(int ensembleSize) {
        this.ensembleSize = ensembleSize;
        return self();
    }

    /** The climatology whose samples seed the initial ensemble (required unless {@link #optInitialEnsemble}). */
    public B setClimatology(Climatology climatology) {
        this.climatology = climatology;
        return self();
    }

    /** Multiplicative inflation λ ≥ 1 of the analysis anomalies (default 1, none). */
    public B optInflation(double inflation) {
        this.inflation = inflation;
        return self();
    }

    /** Localisation (default none; null = none). Sqrt + localisation = LETKF. */
    public B optLocalization(Localization localization) {
        this.localization = localization;
        return self();
    }

    /** Seed of the initial draw and of the observation perturbations (default 0). */
    public B optSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /** An explicit prior ensemble at t = 0 {@code [N][nx]} (copied), instead of drawing from the climatology. */
    public B optInitialEnsemble(double[][] initialEnsemble) {
        this.initialEnsemble = initialEnsemble;
        return self();
    }

    EnsembleConfig config() {
        return new EnsembleConfig(update, ensembleSize, inflation, localization, seed, climatology, initialEnsemble);
    }
}
