package org.climagrad.papers;

import org.climagrad.da.DaResult;
import org.climagrad.da.Enkf;
import org.climagrad.da.EnkfUpdate;
import org.climagrad.da.Enks;
import org.climagrad.da.Localization;
import org.climagrad.da.OptimalInterpolation;
import org.climagrad.dynamics.Lorenz96;
import org.climagrad.dynamics.Rollout;
import org.climagrad.obs.Climatology;
import org.climagrad.obs.ObservationModel;
import org.climagrad.obs.Twin;
import org.climagrad.obs.TwinExperiment;

/**
 * Classical baselines in the Lorenz-96 setting of CODA (Zinchenko &amp; Greenberg 2024, Sec. 3):
 * K = 40, F = 8, RK4 with dt = 0.01, observations at every step with σ = 1 and exactly 30 of
 * the 40 variables missing, a random subset redrawn at every step (the reference code's
 * observation model, {@link org.climagrad.obs.Sampling.ExactMissing}). Methods: optimal interpolation, the LETKF
 * (square-root EnKF with Gaspari–Cohn localisation) and the EnKS with the same analysis and a lag.
 *
 * <p>Settings (tuned on 3000-step runs, mean RMSE after 600 steps): N = 20,
 * λ = {@value #INFLATION} per step, GC half-width c = {@value #HALF_WIDTH} grid points, lag
 * L = {@value #LAG} steps (0.25 model time units). Measured: OI ≈ 3.06, LETKF ≈ 0.18,
 * EnKS ≈ 0.13; without localisation the N = 20 square-root filter diverges (≈ 3.9), with
 * N = 40 it reaches ≈ 0.17. CODA's own assimilation window is not encoded here: the lag is our
 * choice.
 */
public final class CodaBaselines {
    /** State size K. */
    public static final int K = 40;
    /** Forcing F. */
    public static final double F = 8;
    /** Model time step. */
    public static final double DT = 0.01;
    /** Observation-error standard deviation σ. */
    public static final double SIGMA = 1;
    /** Fraction of variables missing at each step. */
    public static final double MISSING = 0.75;
    /** Ensemble size N. */
    public static final int ENSEMBLE_SIZE = 20;
    /** Multiplicative inflation λ per analysis (one per model step). */
    public static final double INFLATION = 1.002;
    /** Gaspari–Cohn half-width c (grid points). */
    public static final double HALF_WIDTH = 8;
    /** Smoother lag L (observation times = model steps). */
    public static final int LAG = 25;

    private CodaBaselines() {}

    /** The results of the three baselines on one twin. */
    public record Results(Twin twin, DaResult optimalInterpolation, DaResult enkf, DaResult enks) {}

    /** RK4, dt = 0.01, K = 40. */
    public static Rollout rollout() {
        return Rollout.builder().setDynamics(Lorenz96.builder().optSize(K).build()).setDt(DT).build();
    }

    /** The CODA twin with T observation times (= model steps). */
    public static TwinExperiment experiment(int times, long seed) {
        return TwinExperiment.builder().setRollout(rollout()).optParameters(F)
                .setObservationModel(ObservationModel.exactMissing(SIGMA, MISSING)).setTimes(times).optSeed(seed).build();
    }

    /** Climatology: 2000 samples 0.2 time units apart. */
    public static Climatology climatology(long seed) {
        return Climatology.builder().setRollout(rollout()).setParameters(F).optSpinUp(1000)
                .setSteps(40_000).optEvery(20).optSeed(seed).build();
    }

    /** Optimal interpolation with the climatological B. */
    public static OptimalInterpolation optimalInterpolation(Climatology climatology) {
        return new OptimalInterpolation(climatology);
    }

    /** The LETKF with the settings above. */
    public static Enkf enkf(Climatology climatology, long seed) {
        return Enkf.builder().setUpdate(new EnkfUpdate.Sqrt()).setEnsembleSize(ENSEMBLE_SIZE).optInflation(INFLATION)
                .optLocalization(new Localization.GaspariCohn(HALF_WIDTH)).setClimatology(climatology).optSeed(seed)
                .build();
    }

    /** For comparison: the same square-root filter without localisation (diverges at N = 20). */
    public static Enkf enkfWithoutLocalization(Climatology climatology, long seed) {
        return Enkf.builder().setUpdate(new EnkfUpdate.Sqrt()).setEnsembleSize(ENSEMBLE_SIZE).optInflation(INFLATION)
                .setClimatology(climatology).optSeed(seed).build();
    }

    /** The EnKS with the LETKF's analysis and lag {@value #LAG}. */
    public static Enks enks(Climatology climatology, long seed) {
        return Enks.builder().setUpdate(new EnkfUpdate.Sqrt()).setEnsembleSize(ENSEMBLE_SIZE).optInflation(INFLATION)
                .optLocalization(new Localization.GaspariCohn(HALF_WIDTH)).setClimatology(climatology).optSeed(seed)
                .setLag(LAG).build();
    }

    /**
     * Runs the three baselines on one twin.
     *
     * @param times observation times T
     * @param seed seed of the twin, the climatology and the ensembles
     */
    public static Results run(int times, long seed) {
        Twin twin = experiment(times, seed).generate();
        Climatology clim = climatology(seed + 1);
        return new Results(twin, optimalInterpolation(clim).assimilate(twin), enkf(clim, seed + 2).assimilate(twin),
                enks(clim, seed + 2).assimilate(twin));
    }

    /**
     * Prints the mean RMSEs of a run, and of the filter without localisation: arguments T (default
     * 3000), burn-in (default 600), seed (default 2024).
     */
    public static void main(String[] args) {
        int times = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int burnIn = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2024;
        Results r = run(times, seed);
        System.out.printf(java.util.Locale.ROOT, "CODA setting, T = %d, burn-in = %d%n", times, burnIn);
        System.out.printf(java.util.Locale.ROOT, "%-50s %8.3f%n", r.optimalInterpolation().method(),
                r.optimalInterpolation().meanRmse(burnIn));
        System.out.printf(java.util.Locale.ROOT, "%-50s %8.3f%n", r.enkf().method(), r.enkf().meanRmse(burnIn));
        System.out.printf(java.util.Locale.ROOT, "%-50s %8.3f (filter %.3f)%n", r.enks().method() + " smoother",
                r.enks().meanSmootherRmse(burnIn).orElseThrow(), r.enks().meanRmse(burnIn));
        Enkf global = enkfWithoutLocalization(climatology(seed + 1), seed + 2);
        System.out.printf(java.util.Locale.ROOT, "%-50s %8.3f%n", global, global.assimilate(r.twin()).meanRmse(burnIn));
    }
}
