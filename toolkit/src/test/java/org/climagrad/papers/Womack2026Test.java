package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.climagrad.core.Profile;
import org.climagrad.design.ScenarioDesign;
import org.climagrad.scenario.Scenario;
import org.climagrad.scm.ScmParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Womack et al. (2026) experiments (1)-(5) in the fast profile, and the shipped paper-profile design: the numbers notebook 09 shows. */
class Womack2026Test {
    static final Womack2026.Settings FAST = Womack2026.Settings.of(Profile.FAST);
    static ScenarioDesign.Result design;

    @BeforeAll
    static void run() {
        design = Womack2026.design(FAST, null);
    }

    @Test
    void designConvergesOnTargetsAndHeldOut() {
        Table c = Womack2026.convergence(design).data();
        assertEquals(FAST.outerSteps(), c.rowCount());
        double first = c.doubleColumn("target NRMSE").get(0);
        double last = c.doubleColumn("target NRMSE").get(c.rowCount() - 1);
        assertTrue(last < 0.6 * first, first + " -> " + last);
        assertTrue(c.doubleColumn("held-out NRMSE").get(c.rowCount() - 1) < c.doubleColumn("held-out NRMSE").get(0));
        assertEquals(4, Womack2026.convergence(design).panels().size());
    }

    /** Fast-profile claim: one optimised scenario beats the six pathways on the held-out mean (measured 0.137 vs 0.156). */
    @Test
    void oneOptimisedScenarioBeatsTheSixPathwaysOnHeldOutScenarios() {
        Table t = Womack2026.heldOutSkill(design.best(), FAST).data();
        int mean = t.rowCount() - 1;
        assertEquals("mean", t.stringColumn("test").get(mean));
        double opt = t.doubleColumn("optimised (MLP)").get(mean);
        double six = t.doubleColumn("six pathways (MLP)").get(mean);
        assertTrue(opt < six, "optimised " + opt + " vs six " + six);
        // ... and on the single-agent SO2 test by a wide margin (the pathways move SO2 with CO2).
        assertTrue(t.doubleColumn("optimised (MLP)").get(1) < 0.6 * t.doubleColumn("six pathways (MLP)").get(1),
                t.print());
    }

    @Test
    void optimisedEmulatorSeparatesCo2AndSo2Responses() {
        Table t = Womack2026.agentSeparation(design.best(), FAST).data();
        int y = 60;
        double scmCo2 = t.doubleColumn("CO2 only SCM").get(y);
        double scmSo2 = t.doubleColumn("SO2 only SCM").get(y);
        assertTrue(scmCo2 > 0 && scmSo2 < 0, "SCM: CO2 warms, SO2 cools");
        double optCo2 = t.doubleColumn("CO2 only optimised").get(y);
        double optSo2 = t.doubleColumn("SO2 only optimised").get(y);
        assertTrue(optCo2 > 0.3 * scmCo2 && optSo2 < 0.3 * scmSo2, "optimised: " + optCo2 + ", " + optSo2);
        double sixSo2 = t.doubleColumn("SO2 only six pathways").get(y);
        assertTrue(Math.abs(sixSo2 - scmSo2) > Math.abs(optSo2 - scmSo2), "six pathways miss the SO2 response");
    }

    /**
     * The shipped paper-profile design (751 years, 1,000 outer steps; datasets/scenarios/README.md):
     * the paper's claims at full size. Measured: held-out MLP NRMSE 0.061 vs 0.44 with the six
     * pathways, ridge 0.15 vs 0.63; 60 years after an SO2-only step the emulator trained on it gives
     * −0.37 K (SCM −0.38 K, six pathways −0.73 K).
     */
    @Test
    void paperDesignWinsAtFullSize() {
        Womack2026.Settings paper = Womack2026.Settings.of(Profile.PAPER);
        Scenario d = Womack2026.paperDesign();
        assertEquals(751, d.length());
        assertEquals(Womack2026.FIRST_YEAR, d.firstYear());
        Table t = Womack2026.heldOutSkill(d, paper).data();
        int mean = t.rowCount() - 1;
        assertTrue(t.doubleColumn("optimised (MLP)").get(mean) < 0.25 * t.doubleColumn("six pathways (MLP)").get(mean),
                t.print());
        assertTrue(t.doubleColumn("optimised (ridge)").get(mean) < 0.5 * t.doubleColumn("six pathways (ridge)").get(mean),
                t.print());
        Table sep = Womack2026.agentSeparation(d, paper).data();
        double scm = sep.doubleColumn("SO2 only SCM").get(60);
        assertEquals(scm, sep.doubleColumn("SO2 only optimised").get(60), 0.1 * Math.abs(scm));
        assertTrue(Math.abs(sep.doubleColumn("SO2 only six pathways").get(60) - scm) > 0.5 * Math.abs(scm), sep.print());
    }

    /**
     * Experiment 5: the scenario designed with the SCM also trains a better ridge emulator of the
     * zonal model (area-weighted NRMSE, measured: ridge 0.25 vs 0.51). The 46-output MLP does not
     * gain in the fast profile (measured 0.31 vs 0.22; README): asserted only to learn the zonal
     * model at all (well under the NRMSE of predicting no warming, 1 for most tests).
     */
    @Test
    void designedScenarioAlsoTrainsBetterRidgeEmulatorOfTheZonalModel() {
        Table t = Womack2026.zonalSkill(design.best(), FAST).data();
        int mean = t.rowCount() - 1;
        assertTrue(t.doubleColumn("optimised (ridge)").get(mean) < 0.7 * t.doubleColumn("six pathways (ridge)").get(mean),
                t.print());
        assertTrue(t.doubleColumn("optimised (MLP)").get(mean) < 0.5, t.print());
    }

    @Test
    void diagnosticsTableAndSettings() {
        Table d = Womack2026.scmDiagnostics(ScmParameters.ar6());
        assertEquals(10, d.rowCount());
        assertEquals(3.0, d.doubleColumn("model").get(0), 0.01);
        assertEquals(7, Womack2026.pathways(Womack2026.cmip7()).data().stringColumn("scenario").unique().size());
        assertEquals(751, Womack2026.Settings.of(Profile.PAPER).years());
        assertThrows(IllegalArgumentException.class, () -> Womack2026.Settings.builder().setYears(800)
                .setOuterSteps(1).optLearningRate(1).optSmoothness(1).optEmulator(null).build());
    }
}
