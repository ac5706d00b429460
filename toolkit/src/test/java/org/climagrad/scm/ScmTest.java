package org.climagrad.scm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import org.climagrad.core.Devices;
import org.climagrad.scenario.Agent;
import org.climagrad.scenario.Cmip7;
import org.climagrad.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The differentiable SCM against the AR6 numbers it is calibrated to, and its gradients. */
class ScmTest {
    static final ScmParameters AR6 = ScmParameters.ar6();
    static ScmResult history;

    @BeforeAll
    static void run() {
        history = ScmRunner.run(List.of(Cmip7.scenario(Cmip7.Pathway.MEDIUM_EXTENSION).slice(1750, 2100)), AR6);
    }

    @Test
    void ecsAndTcrFromParametersMatchSimulatedAbrupt4xAnd1pctRuns() {
        assertEquals(3.0, AR6.ecs(), 0.01, "AR6 ECS");
        // AR6 WG1 assessed TCR: best estimate 1.8 K, likely range 1.4-2.2 K (Forster et al. 2021,
        // Sec. 7.5.5). The tolerance 0.1 K is the rounding of the published best estimate.
        assertEquals(1.8, AR6.tcr(), 0.1, "AR6 TCR");
        // abrupt-4xCO2 run to equilibrium: half the 4x warming is the ECS.
        double simulatedEcs = ScmRunner.abrupt4xCo2(3000, AR6).temperature()[0][2999] / 2;
        assertEquals(AR6.ecs(), simulatedEcs, 0.005 * AR6.ecs());
        // 1pctCO2: warming at doubling (year 70) is the TCR; annual steps lag the ramp by < 2 %.
        double simulatedTcr = ScmRunner.onePercentCo2(70, AR6).temperature()[0][69];
        assertEquals(AR6.tcr(), simulatedTcr, 0.02 * AR6.tcr());
        // Another parameter set: the agreement is structural, not a calibration accident.
        ScmParameters other = AR6.with(ScmParameter.KAPPA1, 0.9).with(ScmParameter.EPSILON, 1.0);
        assertEquals(other.ecs(), ScmRunner.abrupt4xCo2(4000, other).temperature()[0][3999] / 2, 0.01 * other.ecs());
        assertEquals(other.tcr(), ScmRunner.onePercentCo2(70, other).temperature()[0][69], 0.02 * other.tcr());
    }

    @Test
    void doublingCo2GivesAbout3point9WattsPerSquareMetre() {
        ScmResult r = ScmRunner.co2Experiment("2x", new double[] {2 * Forcing.CO2_0}, AR6);
        assertEquals(3.9, r.forcing(0, ForcingTerm.CO2, 0), 0.05);
        assertEquals(0, r.forcing(0, ForcingTerm.CH4, 0), 1e-12, "other agents stay at 1750");
        assertEquals(0, r.forcing(0, ForcingTerm.AEROSOL_CLOUD, 0), 1e-12);
    }

    /**
     * AR6 numbers (WG1 Ch. 2, 7): observed warming 1850-1900 → 2011-2020 1.09 K (0.95-1.20);
     * aerosol ERF 2019 −1.3 (−2.0 to −0.6); 2019 CO2 410 ppm, CH4 1866 ppb, N2O 332 ppb. This
     * model gives 1.03 K, −0.67 W m⁻², 415 ppm, 1867 ppb, 332 ppb.
     */
    @Test
    void historicalRunMatchesAr6Assessments() {
        double warming = history.warming(0, new ScmResult.Years(2011, 2020), ScmResult.Years.preIndustrial());
        assertTrue(warming > 0.95 && warming < 1.20, "warming " + warming);
        double aerosol = history.forcing(0, ForcingTerm.AEROSOL_RADIATION, 2019)
                + history.forcing(0, ForcingTerm.AEROSOL_CLOUD, 2019);
        assertTrue(aerosol > -2.0 && aerosol < -0.6, "aerosol ERF " + aerosol);
        assertEquals(410, history.co2()[0][2019 - 1750], 10);
        assertEquals(1866, history.ch4()[0][2019 - 1750], 40);
        assertEquals(332, history.n2o()[0][2019 - 1750], 5);
        assertEquals(0, history.temperature()[0][0], 0.01, "1750 is the steady state");
    }

    @Test
    void constantForcingEquilibratesAtFOverLambda() {
        SplittableRandom rng = new SplittableRandom(4);
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            double[] flat = new double[5 * ScmParameter.count()];
            double[] forcing = new double[5];
            for (int b = 0; b < 5; b++) {
                ScmParameters p = AR6.with(ScmParameter.KAPPA1, 0.6 + rng.nextDouble())
                        .with(ScmParameter.C3, 50 + 100 * rng.nextDouble()).with(ScmParameter.EPSILON, 0.8 + rng.nextDouble());
                System.arraycopy(p.toArray(), 0, flat, b * ScmParameter.count(), ScmParameter.count());
                forcing[b] = 1 + 4 * rng.nextDouble();
            }
            NDArray theta = m.create(flat, new Shape(5, ScmParameter.count()));
            NDList pg = ThreeLayerEbm.discretise(theta);
            NDArray f = m.create(forcing);
            NDArray t = m.zeros(new Shape(5, 3), ai.djl.ndarray.types.DataType.FLOAT64);
            for (int y = 0; y < 3000; y++) {
                t = ThreeLayerEbm.step(t, f, pg.get(0), pg.get(1));
            }
            double[] tt = t.toDoubleArray();
            double[] eq = new double[15];
            for (int b = 0; b < 5; b++) {
                for (int layer = 0; layer < 3; layer++) {
                    eq[b * 3 + layer] = forcing[b] / flat[b * ScmParameter.count() + ScmParameter.KAPPA1.ordinal()];
                    assertEquals(eq[b * 3 + layer], tt[b * 3 + layer], 0.01 * eq[b * 3 + layer], "member " + b);
                }
            }
            // F/κ1 in every layer is the exact fixed point of the discrete map.
            double[] next = ThreeLayerEbm.step(m.create(eq, new Shape(5, 3)), f, pg.get(0), pg.get(1)).toDoubleArray();
            for (int i = 0; i < 15; i++) {
                assertEquals(eq[i], next[i], 1e-12 * eq[i]);
            }
            // The tensor discretisation equals the double-precision matrix exponential.
            double[][] a = ThreeLayerEbm.expm(ThreeLayerEbm.matrix(AR6), 1.0);
            NDArray phi = ThreeLayerEbm.discretise(ScmParameters.tensor(m, List.of(AR6))).get(0);
            double[] p = phi.toDoubleArray();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(a[i][j], p[i * 3 + j], 1e-12);
                }
            }
        }
    }

    @Test
    void batchMembersEqualSeparateRuns() {
        Scenario a = Cmip7.scenario(Cmip7.Pathway.LOW).slice(1850, 2050);
        Scenario b = Cmip7.scenario(Cmip7.Pathway.HIGH_EXTENSION).slice(1850, 2050);
        ScmResult both = ScmRunner.run(List.of(a, b), AR6);
        ScmResult alone = ScmRunner.run(List.of(b), AR6);
        for (int y = 0; y < 201; y++) {
            assertEquals(alone.temperature(0, 1850 + y), both.temperature(1, 1850 + y), 1e-12);
        }
        ScmResult ens = ScmRunner.ensemble(a, List.of(AR6, AR6.with(ScmParameter.KAPPA1, 1.0)));
        assertEquals(both.temperature()[0][200], ens.temperature()[0][200], 1e-12);
        assertTrue(ens.temperature()[1][200] > ens.temperature()[0][200], "lower feedback, more warming");
    }

    /** d(mean warming of the last 20 years)/d(emissions, θ) by autograd vs central differences. */
    @Test
    void gradientsMatchFiniteDifferencesEvenWhenGcRunsBeforeBackward() {
        Scenario s = Cmip7.scenario(Cmip7.Pathway.MEDIUM_OVERSHOOT).slice(1900, 2100);
        ScmParameter[] checked = {ScmParameter.KAPPA1, ScmParameter.C1, ScmParameter.EPSILON, ScmParameter.F4X,
            ScmParameter.CO2_RU, ScmParameter.CO2_RT, ScmParameter.CH4_RA, ScmParameter.ACI_BETA, ScmParameter.SO2_ARI,
            ScmParameter.BC_ARI};
        int[][] emissionEntries = {{Agent.CO2_FFI.ordinal(), 50}, {Agent.CH4.ordinal(), 120}, {Agent.SO2.ordinal(), 150},
            {Agent.N2O.ordinal(), 30}, {Agent.BC.ordinal(), 180}, {Agent.CO2_AFOLU.ordinal(), 10}};
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDArray e = ScmRunner.emissions(m, List.of(s));
            NDArray theta = ScmParameters.tensor(m, List.of(AR6));
            e.setRequiresGradient(true);
            theta.setRequiresGradient(true);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray loss = loss(Scm.forward(e, theta, null));
                System.gc();
                System.runFinalization();
                gc.backward(loss);
            }
            double[] gTheta = theta.getGradient().toDoubleArray();
            double[] gE = e.getGradient().toDoubleArray();
            double[] th = AR6.toArray();
            for (ScmParameter p : checked) {
                double h = 1e-5 * Math.max(Math.abs(th[p.ordinal()]), 1e-3);
                double fd = (lossAt(m, e, th, p.ordinal(), h) - lossAt(m, e, th, p.ordinal(), -h)) / (2 * h);
                assertEquals(fd, gTheta[p.ordinal()], 1e-5 * Math.abs(fd) + 1e-9, p.name());
            }
            int years = s.length();
            for (int[] ae : emissionEntries) {
                int idx = ae[0] * years + ae[1];
                double h = 0.05; // smaller steps drown in the rounding of 200 years of sums (~1e-13 K)
                double fd = (lossAtEmission(m, e, idx, h) - lossAtEmission(m, e, idx, -h)) / (2 * h);
                assertEquals(fd, gE[idx], 1e-5 * Math.abs(fd) + 1e-10, Agent.values()[ae[0]] + " year " + ae[1]);
                assertTrue(Math.abs(fd) > 0, "emission " + Agent.values()[ae[0]] + " matters");
            }
        }
    }

    static NDArray loss(ScmOutput out) {
        NDArray t = out.temperature();
        long n = t.getShape().get(1);
        return t.get(":, " + (n - 20) + ":").mean();
    }

    static double lossAt(NDManager m, NDArray e, double[] theta, int i, double h) {
        double[] th = theta.clone();
        th[i] += h;
        try (NDManager s = m.newSubManager()) {
            NDArray t = s.create(th, new Shape(1, th.length));
            return loss(Scm.forward(e.duplicate(), t, null)).getDouble();
        }
    }

    static double lossAtEmission(NDManager m, NDArray e, int idx, double h) {
        double[] v = e.toDoubleArray();
        v[idx] += h;
        try (NDManager s = m.newSubManager()) {
            return loss(Scm.forward(s.create(v, e.getShape()), ScmParameters.tensor(s, List.of(AR6)), null)).getDouble();
        }
    }

    @Test
    void badInputsAreRejectedWithTheParameterName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AR6.with(ScmParameter.C1, -1));
        assertTrue(e.getMessage().contains("C1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScmRunner.co2Experiment("x", new double[] {300, 0}, AR6));
        assertTrue(e.getMessage().contains("co2[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScmRunner.run(List.of(Cmip7.history(),
                Cmip7.scenario(Cmip7.Pathway.LOW)), AR6));
        assertTrue(e.getMessage().contains("same years"), e.getMessage());
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            e = assertThrows(IllegalArgumentException.class, () -> Scm.forward(m.zeros(new Shape(1, 5, 3)),
                    ScmParameters.tensor(m, List.of(AR6)), null));
            assertTrue(e.getMessage().contains("emissions"), e.getMessage());
        }
    }
}
