package org.climagrad.da;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.climagrad.dynamics.Lorenz96;
import org.climagrad.dynamics.Rollout;
import org.climagrad.obs.Climatology;
import org.climagrad.obs.ObservationModel;
import org.climagrad.obs.Twin;
import org.climagrad.obs.TwinExperiment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Whole assimilation runs on short Lorenz-96 twins (K = 40, dt = 0.05, R = I). */
class DaMethodsTest {
    static Rollout rollout;
    static Climatology clim;
    static Twin full;
    static Twin sparse;

    @BeforeAll
    static void setUp() {
        rollout = Rollout.builder().setDynamics(Lorenz96.standard()).setDt(0.05).build();
        clim = Climatology.builder().setRollout(rollout).setParameters(8).optSpinUp(500)
                .setSteps(3000).optEvery(5).optSeed(11).build();
        TwinExperiment xp = TwinExperiment.builder().setRollout(rollout).optParameters(8)
                .setObservationModel(ObservationModel.builder().setSigma(1).build()).setTimes(150).optSpinUp(500)
                .optSeed(12).build();
        full = xp.generate();
        sparse = xp.toBuilder().setObservationModel(ObservationModel.randomMissing(1, 0.95)).setTimes(60).build().generate();
    }

    static Enkf.Builder sqrt() {
        return Enkf.builder().setUpdate(new EnkfUpdate.Sqrt()).setEnsembleSize(30).optInflation(1.02)
                .setClimatology(clim).optSeed(5);
    }

    @Test
    void filtersTrackTheTruthAndBeatOptimalInterpolation() {
        double oi = new OptimalInterpolation(clim).assimilate(full).meanRmse(50);
        double var = new Var3D(clim, 0.02).assimilate(full).meanRmse(50);
        double enkf = sqrt().build().assimilate(full).meanRmse(50);
        assertTrue(oi > 0.8 && oi < 1.1, "OI rmse " + oi);
        assertTrue(var < 0.6 * oi, "3D-Var rmse " + var);
        assertTrue(enkf < 0.6 * var, "EnKF rmse " + enkf);
    }

    @Test
    void enksWithLagZeroIsTheFilter() {
        for (EnkfUpdate u : new EnkfUpdate[] {new EnkfUpdate.PertObs(), new EnkfUpdate.Sqrt(), new EnkfUpdate.DEnKF()}) {
            DaResult f = Enkf.builder().setUpdate(u).setEnsembleSize(20).optInflation(1.02).setClimatology(clim)
                    .optSeed(5).build().assimilate(full);
            DaResult s = Enks.builder().setUpdate(u).setEnsembleSize(20).optInflation(1.02).setClimatology(clim)
                    .optSeed(5).setLag(0).build().assimilate(full);
            assertFalse(f.smootherMean().isPresent());
            assertArrayEquals(f.rmse(), s.rmse(), 0);
            assertArrayEquals(f.rmse(), s.smootherRmse().orElseThrow(), 0);
            assertArrayEquals(f.analysisMean()[99], s.smootherMean().orElseThrow()[99], 0);
        }
    }

    @Test
    void smootherImprovesOnTheFilterAndKeepsItsFilterEstimates() {
        DaResult f = sqrt().build().assimilate(full);
        DaResult s = Enks.builder().setUpdate(new EnkfUpdate.Sqrt()).setEnsembleSize(30).optInflation(1.02)
                .setClimatology(clim).optSeed(5).setLag(3).build().assimilate(full);
        assertArrayEquals(f.rmse(), s.rmse(), 0);
        double smoothed = s.meanSmootherRmse(50).orElseThrow();
        assertTrue(smoothed < 0.9 * f.meanRmse(50), "smoother " + smoothed + " vs filter " + f.meanRmse(50));
        assertTrue(s.meanSmootherRmse(50).orElseThrow() > 0);
    }

    @Test
    void squareRootFilterDoesNotDependOnMemberOrder() {
        double[][] prior = Ensembles.draw(clim.samples(), 30, new Random(3));
        double[][] permuted = new double[30][];
        for (int n = 0; n < 30; n++) {
            permuted[n] = prior[(7 * n + 3) % 30];
        }
        Twin shortTwin = full.experiment().toBuilder().setTimes(30).build().generate();
        DaResult a = sqrt().optInitialEnsemble(prior).build().assimilate(shortTwin);
        DaResult b = sqrt().optInitialEnsemble(permuted).build().assimilate(shortTwin);
        double[][] ma = a.analysisMean();
        double[][] mb = b.analysisMean();
        for (int t = 0; t < 30; t++) {
            assertArrayEquals(ma[t], mb[t], 1e-9, "time " + t);
        }
    }

    @Test
    void sparseObservationsIncludingEmptyTimesAreHandled() {
        int empty = 0;
        for (int t = 0; t < sparse.times(); t++) {
            empty += sparse.observations().observedAt(t).length == 0 ? 1 : 0;
        }
        assertTrue(empty > 0, "the twin should have times without observations");
        for (DaMethod m : new DaMethod[] {new OptimalInterpolation(clim), new Var3D(clim, 0.1),
                sqrt().optLocalization(new Localization.GaspariCohn(4)).build(),
                Enks.builder().setUpdate(new EnkfUpdate.PertObs()).setEnsembleSize(10).setClimatology(clim).setLag(4)
                        .optLocalization(new Localization.GaspariCohn(4)).build()}) {
            DaResult r = m.assimilate(sparse);
            for (double e : r.rmse()) {
                assertTrue(Double.isFinite(e), m.toString());
            }
        }
    }

    @Test
    void runsAreReproducibleAndTheTableHasOneRowPerTime() {
        Enks m = Enks.builder().setUpdate(new EnkfUpdate.PertObs()).setEnsembleSize(10).optInflation(1.05)
                .setClimatology(clim).optSeed(9).setLag(2).build();
        DaResult a = m.assimilate(full);
        DaResult b = m.assimilate(full);
        assertArrayEquals(a.smootherRmse().orElseThrow(), b.smootherRmse().orElseThrow(), 0);
        Table t = a.table();
        assertEquals(full.times(), t.rowCount());
        assertEquals(java.util.List.of("time index", "model time", "rmse filter", "spread filter", "rmse smoother",
                "spread smoother"), t.columnNames());
        assertEquals(0.05 * 7, t.doubleColumn("model time").get(7), 1e-12);
        assertEquals(4, new OptimalInterpolation(clim).assimilate(full).table().columnCount());
        a.rmse()[0] = -1;
        assertTrue(a.rmse()[0] >= 0, "results are immutable");
    }

    @Test
    void ensembleSizeBelowTwoIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sqrt().setEnsembleSize(1).build());
        assertTrue(e.getMessage().contains("ensembleSize") && e.getMessage().contains(">= 2"), e.getMessage());
    }

    @Test
    void negativeLagIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Enks.builder()
                .setUpdate(new EnkfUpdate.Sqrt()).setEnsembleSize(10).setClimatology(clim).setLag(-1).build());
        assertTrue(e.getMessage().contains("lag") && e.getMessage().contains(">= 0"), e.getMessage());
    }

    @Test
    void inflationBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sqrt().optInflation(0.99).build());
        assertTrue(e.getMessage().contains("inflation") && e.getMessage().contains(">= 1"), e.getMessage());
    }

    @Test
    void nonPositiveLocalizationRadiusIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Localization.GaspariCohn(0));
        assertTrue(e.getMessage().contains("halfWidth") && e.getMessage().contains("> 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Localization.GaspariCohn.fromDapperRadius(-1));
    }

    @Test
    void nonPositiveXbIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Var3D(clim, 0));
        assertTrue(e.getMessage().contains("xB") && e.getMessage().contains("> 0"), e.getMessage());
    }

    @Test
    void twinOfAnotherSizeIsRejectedBeforeWork() {
        Rollout small = Rollout.builder().setDynamics(Lorenz96.builder().optSize(20).build()).setDt(0.05).build();
        Twin other = TwinExperiment.builder().setRollout(small).setObservationModel(ObservationModel.randomMissing(1, 0.5))
                .setTimes(5).optSpinUp(10).build().generate();
        for (DaMethod m : new DaMethod[] {new OptimalInterpolation(clim), new Var3D(clim, 1), sqrt().build()}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.assimilate(other));
            assertTrue(e.getMessage().contains("nx = 20") && e.getMessage().contains("nx = 40"), e.getMessage());
        }
    }

    @Test
    void missingSettingsAndTooFewClimatologySamplesAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> Enkf.builder().setEnsembleSize(10).setClimatology(clim).build());
        assertThrows(IllegalArgumentException.class, () -> Enkf.builder().setUpdate(new EnkfUpdate.Sqrt())
                .setEnsembleSize(10).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sqrt().setEnsembleSize(clim.sampleCount() + 1).build());
        assertTrue(e.getMessage().contains("ensembleSize"), e.getMessage());
    }
}
