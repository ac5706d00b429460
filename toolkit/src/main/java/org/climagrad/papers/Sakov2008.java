package org.climagrad.papers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.climagrad.core.Check;
import org.climagrad.core.Profile;
import org.climagrad.da.DaMethod;
import org.climagrad.da.DaResult;
import org.climagrad.da.Enkf;
import org.climagrad.da.EnkfUpdate;
import org.climagrad.da.OptimalInterpolation;
import org.climagrad.da.Var3D;
import org.climagrad.dynamics.Lorenz96;
import org.climagrad.dynamics.Rollout;
import org.climagrad.obs.Climatology;
import org.climagrad.obs.ObservationModel;
import org.climagrad.obs.Twin;
import org.climagrad.obs.TwinExperiment;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Lorenz-96 benchmark of Sakov &amp; Oke (2008), "A deterministic formulation of the ensemble
 * Kalman filter: an alternative to ensemble square root filters", Tellus A 60, 361–371, Table 1, as
 * set up in DAPPER's {@code dapper/mods/Lorenz96/sakov2008.py}: K = 40, F = 8, RK4 with
 * dt = 0.05, every variable observed at every step (obsEvery = 1) with R = I. DAPPER runs
 * KObs = 1000 observation times with a burn-in of 2·Tplot; Sakov used 300 000 steps.
 *
 * <p>Prior: as DAPPER's {@code X0 = GaussRV(mu=x0, C=0.001)}, the EnKF ensembles start at the
 * truth's initial state plus N(0, 0.001 I) noise ({@link #prior}); OI and 3D-Var start from the
 * climatology. (From a climatological ensemble the perturbed-observation EnKF with N = 40 and
 * λ = 1.06 occasionally fails to converge for hundreds of cycles; Sakov and DAPPER never face that
 * spin-up.)
 *
 * <p>The expected time-mean analysis RMSEs are the values DAPPER lists in that file. For the
 * square-root filter with N = 40, DAPPER lists N = 24, λ = 1.013 with random rotations (0.18); we
 * use λ = 1.013 without rotation.
 */
public final class Sakov2008 {
    /** State size K. */
    public static final int K = 40;
    /** Forcing F. */
    public static final double F = 8;
    /** Model time step. */
    public static final double DT = 0.05;
    /** Model steps between observations. */
    public static final int OBS_EVERY = 1;
    /** Observation-error standard deviation (R = I). */
    public static final double SIGMA = 1;
    /** Ensemble size of the EnKF runs. */
    public static final int ENSEMBLE_SIZE = 40;
    /** 3D-Var background scaling xB. */
    public static final double XB = 0.02;
    /** Inflation of EnKF('PertObs', N=40). */
    public static final double INFLATION_PERT_OBS = 1.06;
    /** Inflation of EnKF('DEnKF', N=40). */
    public static final double INFLATION_DENKF = 1.01;
    /** Inflation of EnKF('Sqrt'). */
    public static final double INFLATION_SQRT = 1.013;

    /** DAPPER's expected analysis RMSE of OptInterp. */
    public static final double RMSE_OPT_INTERP = 0.95;
    /** DAPPER's expected analysis RMSE of Var3D(xB = 0.02). */
    public static final double RMSE_VAR3D = 0.41;
    /** DAPPER's expected analysis RMSE of EnKF('PertObs', N = 40, infl = 1.06). */
    public static final double RMSE_PERT_OBS = 0.22;
    /** DAPPER's expected analysis RMSE of EnKF('DEnKF', N = 40, infl = 1.01). */
    public static final double RMSE_DENKF = 0.18;
    /** DAPPER's expected analysis RMSE of EnKF('Sqrt'). */
    public static final double RMSE_SQRT = 0.18;

    private Sakov2008() {}

    /** One method of Table 1 with DAPPER's expected RMSE. */
    public record Entry(String name, DaMethod method, double expectedRmse) {}

    /** One benchmark row: the method, its measured time-mean analysis RMSE and DAPPER's. */
    public record Row(String name, double measuredRmse, double expectedRmse, DaResult result) {
        /** Measured / expected. */
        public double ratio() {
            return measuredRmse / expectedRmse;
        }
    }

    /** RK4, dt = 0.05, K = 40. */
    public static Rollout rollout() {
        return Rollout.builder().setDynamics(Lorenz96.builder().optSize(K).build()).setDt(DT).build();
    }

    /** The twin experiment with T observation times. */
    public static TwinExperiment experiment(int times, long seed) {
        return TwinExperiment.builder().setRollout(rollout()).optParameters(F)
                .setObservationModel(ObservationModel.builder().setSigma(SIGMA).build()).optObsEvery(OBS_EVERY)
                .setTimes(times).optSpinUp(1000).optSeed(seed).build();
    }

    /** The climatology of OI, 3D-Var and the initial ensembles: 4000 samples 0.5 time units apart. */
    public static Climatology climatology(long seed) {
        return Climatology.builder().setRollout(rollout()).setParameters(F).optSpinUp(1000)
                .setSteps(40_000).optEvery(10).optSeed(seed).build();
    }

    /** Variance of the prior ensemble around the truth's initial state (DAPPER's C = 0.001). */
    public static final double PRIOR_VARIANCE = 0.001;

    /**
     * DAPPER's prior ensemble: the twin's true initial state plus N(0, {@value #PRIOR_VARIANCE} I).
     *
     * @return {@code [ENSEMBLE_SIZE][K]}
     */
    public static double[][] prior(Twin twin, long seed) {
        Random rng = new Random(seed);
        double[] x0 = twin.truthAt(0);
        double[][] e = new double[ENSEMBLE_SIZE][x0.length];
        for (int n = 0; n < ENSEMBLE_SIZE; n++) {
            for (int i = 0; i < x0.length; i++) {
                e[n][i] = x0[i] + Math.sqrt(PRIOR_VARIANCE) * rng.nextGaussian();
            }
        }
        return e;
    }

    /**
     * The methods of the benchmark, in table order.
     *
     * @param climatology B of OI and 3D-Var
     * @param prior the EnKF's initial ensemble {@code [ENSEMBLE_SIZE][K]} (see {@link #prior})
     * @param seed seed of the EnKF perturbations
     */
    public static List<Entry> methods(Climatology climatology, double[][] prior, long seed) {
        List<Entry> list = new ArrayList<>();
        list.add(new Entry("OptInterp", new OptimalInterpolation(climatology), RMSE_OPT_INTERP));
        list.add(new Entry("Var3D xB=0.02", new Var3D(climatology, XB), RMSE_VAR3D));
        list.add(new Entry("EnKF PertObs N=40 infl=1.06",
                enkf(new EnkfUpdate.PertObs(), INFLATION_PERT_OBS, prior, seed), RMSE_PERT_OBS));
        list.add(new Entry("EnKF DEnKF N=40 infl=1.01",
                enkf(new EnkfUpdate.DEnKF(), INFLATION_DENKF, prior, seed), RMSE_DENKF));
        list.add(new Entry("EnKF Sqrt N=40 infl=1.013",
                enkf(new EnkfUpdate.Sqrt(), INFLATION_SQRT, prior, seed), RMSE_SQRT));
        return list;
    }

    /**
     * Runs every method on one twin.
     *
     * @param times observation times T
     * @param burnIn observation times excluded from the mean RMSE
     * @param seed seed of the twin, climatology and methods
     */
    public static List<Row> run(int times, int burnIn, long seed) {
        Twin twin = experiment(times, seed).generate();
        List<Row> rows = new ArrayList<>();
        for (Entry e : methods(climatology(seed + 1), prior(twin, seed + 3), seed + 2)) {
            DaResult r = e.method().assimilate(twin);
            rows.add(new Row(e.name(), r.meanRmse(burnIn), e.expectedRmse(), r));
        }
        return rows;
    }

    /**
     * Size of the benchmark run.
     *
     * @param times observation times T, ≥ 2
     * @param burnIn observation times excluded from the mean RMSE, in [0, T − 1]
     * @param seed seed of the twin, climatology and methods
     */
    public record Settings(int times, int burnIn, long seed) {
        /** Validates. */
        public Settings {
            Check.atLeast("times", times, 2);
            Check.inRange("burnIn", burnIn, 0, times - 1);
        }

        /**
         * FAST: T = 2000 observation times with burn-in 300 (about 10 s); PAPER: T = 20 000 with
         * burn-in 1000 (about 90 s on two cores). Seed 2008.
         */
        public static Settings of(Profile profile) {
            return new Settings(profile.pick(2000, 20_000), profile.pick(300, 1000), 2008);
        }
    }

    /** The settings of the current profile ({@link Profile#current()}). */
    public static Settings settings() {
        return Settings.of(Profile.current());
    }

    /** Runs every method on one twin of the given size ({@link #run(int, int, long)}). */
    public static List<Row> run(Settings settings) {
        return run(settings.times(), settings.burnIn(), settings.seed());
    }

    /**
     * The benchmark table at the given size.
     *
     * @return columns method, measured RMSE, DAPPER RMSE, ratio
     */
    public static Table table(Settings settings) {
        return table(run(settings));
    }

    /** The benchmark table at the size of a profile ({@link Settings#of(Profile)}). */
    public static Table table(Profile profile) {
        return table(Settings.of(profile));
    }

    /** The benchmark table at the current profile ({@link #settings()}). */
    public static Table table() {
        return table(settings());
    }

    /** The rows of {@link #run} as a table: method, measured RMSE, DAPPER RMSE, ratio. */
    public static Table table(List<Row> rows) {
        Table t = Table.create("Sakov & Oke 2008 (DAPPER sakov2008.py): time-mean analysis RMSE",
                StringColumn.create("method"), DoubleColumn.create("measured RMSE"),
                DoubleColumn.create("DAPPER RMSE"), DoubleColumn.create("ratio"));
        for (Row r : rows) {
            t.stringColumn(0).append(r.name());
            t.doubleColumn(1).append(r.measuredRmse());
            t.doubleColumn(2).append(r.expectedRmse());
            t.doubleColumn(3).append(r.ratio());
        }
        return t;
    }

    private static Enkf enkf(EnkfUpdate update, double inflation, double[][] prior, long seed) {
        return Enkf.builder().setUpdate(update).setEnsembleSize(ENSEMBLE_SIZE).optInflation(inflation)
                .optInitialEnsemble(prior).optSeed(seed).build();
    }
}
