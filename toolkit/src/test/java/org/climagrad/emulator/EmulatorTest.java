package org.climagrad.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.climagrad.core.Devices;
import org.climagrad.scenario.Agent;
import org.climagrad.scenario.Cmip7;
import org.climagrad.scenario.Idealised;
import org.climagrad.scenario.Scenario;
import org.climagrad.scm.Scm;
import org.climagrad.scm.ScmParameters;
import org.climagrad.scm.ScmRunner;
import org.junit.jupiter.api.Test;

/** Emission features, the MLP with hand-written backprop, ridge, differentiable training, NRMSE. */
class EmulatorTest {
    static NDManager manager() {
        return NDManager.newBaseManager(Devices.preferred());
    }

    @Test
    void featuresAreCausalMeansAndSumsOfAnomalies() {
        Scenario s = Cmip7.scenario(Cmip7.Pathway.LOW).slice(1900, 2100);
        try (NDManager m = manager()) {
            double[] f = EmissionFeatures.of(ScmRunner.emissions(m, List.of(s))).toDoubleArray();
            double[] scale = EmissionFeatures.scales();
            double[] pre = Scm.preindustrialEmissions();
            int a = Agent.SO2.ordinal();
            double[] d = s.emissions(Agent.SO2);
            for (int t : new int[] {0, 1, 4, 29, 30, 150, 200}) {
                double prev = t > 0 ? d[t - 1] - pre[a] : 0;
                double ma30 = 0;
                double cum = 0;
                for (int k = Math.max(0, t - 30); k < t; k++) {
                    ma30 += (d[k] - pre[a]) / 30;
                }
                for (int k = 0; k < t; k++) {
                    cum += d[k] - pre[a];
                }
                int base = t * EmissionFeatures.COUNT + a * EmissionFeatures.PER_AGENT;
                assertEquals(prev / scale[a], f[base], 1e-9, "previous year at " + t);
                assertEquals(ma30 / scale[a], f[base + 2], 1e-9, "30-year mean at " + t);
                assertEquals(cum / scale[a] / 100, f[base + 4], 1e-9, "cumulative at " + t);
            }
        }
    }

    @Test
    void handWrittenBackpropEqualsAutograd() {
        SplittableRandom rng = new SplittableRandom(3);
        try (NDManager m = manager()) {
            NDArray x = random(m, rng, 50, 7);
            NDArray y = random(m, rng, 50);
            NDList w = MlpEmulator.builder().optHidden(5).optSteps(1).optLearningRate(0.1).optWeightDecay(0).optClip(1)
                    .optSeed(9).build().initialWeights(m, 7, ai.djl.ndarray.types.DataType.FLOAT64);
            for (NDArray p : w) {
                p.setRequiresGradient(true);
            }
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray loss = MlpEmulator.loss(w, x, y);
                System.gc();
                gc.backward(loss);
            }
            NDList hand = MlpEmulator.gradient(w, x, y);
            for (int i = 0; i < 4; i++) {
                double[] a = w.get(i).getGradient().toDoubleArray();
                double[] b = hand.get(i).toDoubleArray();
                for (int j = 0; j < a.length; j++) {
                    assertEquals(a[j], b[j], 1e-12, "parameter " + i + " entry " + j);
                }
            }
        }
    }

    /** d(test error)/d(a training target) through 30 unrolled MLP steps and through ridge, vs central differences. */
    @Test
    void trainingIsDifferentiableInTheTrainingData() {
        SplittableRandom rng = new SplittableRandom(5);
        MlpEmulator mlp = MlpEmulator.builder().optHidden(6).optSteps(30).optLearningRate(0.1).optWeightDecay(1e-2)
                .optClip(1.0).optSeed(2).build();
        RidgeEmulator ridge = new RidgeEmulator(1e-3);
        try (NDManager m = manager()) {
            NDArray x = random(m, rng, 40, 4);
            NDArray y = random(m, rng, 40);
            NDArray xt = random(m, rng, 10, 4);
            NDArray yt = random(m, rng, 10);
            for (TrainableEmulator emu : List.of(mlp, ridge)) {
                NDArray yy = y.duplicate();
                yy.setRequiresGradient(true);
                try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                    gc.backward(emu.fitPredict(x, yy, xt).sub(yt).square().mean());
                }
                double[] g = yy.getGradient().toDoubleArray();
                double[] base = y.toDoubleArray();
                for (int j : new int[] {0, 17, 39}) {
                    double h = 1e-5;
                    double[] up = base.clone();
                    double[] dn = base.clone();
                    up[j] += h;
                    dn[j] -= h;
                    double fd = (testError(m, emu, x, up, xt, yt) - testError(m, emu, x, dn, xt, yt)) / (2 * h);
                    assertEquals(fd, g[j], 1e-6 * Math.abs(fd) + 1e-10, emu + " target " + j);
                }
            }
        }
    }

    static double testError(NDManager m, TrainableEmulator emu, NDArray x, double[] y, NDArray xt, NDArray yt) {
        return emu.fitPredict(x, m.create(y), xt).sub(yt).square().mean().getDouble();
    }

    @Test
    void ridgeSolvesItsNormalEquationsAndMlpTrainingLowersTheLoss() {
        SplittableRandom rng = new SplittableRandom(8);
        try (NDManager m = manager()) {
            NDArray x = random(m, rng, 60, 5);
            NDArray y = x.get(":, 0").mul(m.create(2.0)).add(x.get(":, 1").tanh());
            double lambda = 1e-2;
            NDArray w = new RidgeEmulator(lambda).train(x, y);
            // Stationarity: Xᵀ(Xw − y) + λ N w (bias not penalised) = 0.
            NDArray xb = x.concat(m.ones(new Shape(60, 1), x.getDataType()), 1);
            double[] r = xb.transpose().matMul(xb.matMul(w.expandDims(1)).squeeze(1).sub(y).expandDims(1)).squeeze(1)
                    .toDoubleArray();
            double[] wd = w.toDoubleArray();
            for (int i = 0; i < wd.length; i++) {
                double pen = i < wd.length - 1 ? lambda * 60 * wd[i] : 0;
                assertEquals(0, r[i] + pen, 1e-9, "normal equation " + i);
            }
            MlpEmulator mlp = MlpEmulator.builder().optHidden(8).optSteps(300).optLearningRate(5e-2)
                    .optWeightDecay(1e-3)
                    .optClip(1.0).optSeed(1).build();
            double before = MlpEmulator.loss(mlp.initialWeights(m, 5, x.getDataType()), x, y).getDouble();
            double after = MlpEmulator.loss(mlp.train(x, y), x, y).getDouble();
            assertTrue(after < 0.2 * before, before + " -> " + after);
            // Clipping bounds each step: with clip 1e-3 and no decay, weights move at most lr·clip.
            MlpEmulator tiny = MlpEmulator.builder().optHidden(8).optSteps(1).optLearningRate(5e-2).optWeightDecay(0)
                    .optClip(1e-3).optSeed(1).build();
            NDList w0 = tiny.initialWeights(m, 5, x.getDataType());
            NDList w1 = tiny.step(w0, x, y);
            double sq = 0;
            for (int i = 0; i < 4; i++) {
                sq += w1.get(i).sub(w0.get(i)).square().sum().getDouble();
            }
            assertTrue(Math.sqrt(sq) <= 5e-2 * 1e-3 * (1 + 1e-9), "step " + Math.sqrt(sq));
        }
    }

    /**
     * Training runs in standardised units, so the trained MLP's predictions do not change when each
     * feature is rescaled and shifted (x → a x + b per column) or the target is (y → c y + d gives
     * c ŷ + d): the folding of the scalings into the weights is exact.
     */
    @Test
    void mlpPredictionsAreInvariantToAffineRescalingOfFeaturesAndTarget() {
        SplittableRandom rng = new SplittableRandom(4);
        try (NDManager m = manager()) {
            NDArray x = random(m, rng, 50, 4);
            NDArray y = x.get(":, 0").sin().add(x.get(":, 2").mul(m.create(0.5)));
            NDArray xt = random(m, rng, 20, 4);
            MlpEmulator mlp = MlpEmulator.builder().optHidden(6).optSteps(50).optLearningRate(5e-2).optWeightDecay(1e-2)
                    .optClip(1.0).optSeed(3).build();
            // Large spreads, so the variance floor (1e-2) is negligible and invariance holds to ~1e-6.
            NDArray k = m.create(1e3);
            double[] ref = mlp.fitPredict(x.mul(k), y.mul(k), xt.mul(k)).toDoubleArray();
            NDArray a = m.create(new double[] {1e3, 3e4, 5e2, 2e5});
            NDArray b = m.create(new double[] {-5, 2, 1e4, 0});
            NDArray yScaled = y.mul(m.create(7e3)).add(m.create(-2.0));
            double[] moved = mlp.fitPredict(x.mul(a).add(b), yScaled, xt.mul(a).add(b)).toDoubleArray();
            for (int i = 0; i < ref.length; i++) {
                assertEquals(7 * ref[i] - 2, moved[i], 1e-5 * (1 + Math.abs(moved[i])), "prediction " + i);
            }
            // Without the folding the raw weights would not fit: the trained loss is below the spread.
            NDArray ys = y.mul(k);
            NDArray spread = ys.sub(ys.mean()).square().mean();
            double fit = MlpEmulator.loss(mlp.train(x.mul(k), ys), x.mul(k), ys).getDouble();
            assertTrue(fit < 0.5 * spread.getDouble(), fit + " vs spread " + spread.getDouble());
        }
    }

    @Test
    void linearResponseRecoversKnownKernelsAndScalesLinearly() {
        LinearResponse lr = new LinearResponse(new double[] {3, 30, 300}, 0);
        List<Scenario> train = List.of(Idealised.step(Agent.CO2_FFI, 20, 10, 1750, 300),
                Idealised.step(Agent.SO2, 50, 40, 1750, 300), Idealised.sinusoid(Agent.CH4, 200, 100, 80, 1750, 300),
                Idealised.step(Agent.N2O, 5, 20, 1750, 300), Idealised.step(Agent.BC, 3, 70, 1750, 300),
                Idealised.step(Agent.CO2_AFOLU, 3, 90, 1750, 300));
        double[] truth = new double[6 * 3 + 1];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < truth.length; i++) {
            truth[i] = rng.nextGaussian();
        }
        List<double[]> y = new ArrayList<>();
        for (Scenario s : train) {
            y.add(lr.predict(truth, s));
        }
        double[] fit = lr.fit(train, y);
        for (int i = 0; i < truth.length; i++) {
            assertEquals(truth[i], fit[i], 1e-6, "coefficient " + i);
        }
        // Linear in the emission anomaly: twice the step, twice the response.
        Scenario one = Idealised.step(Agent.CO2_FFI, 10, 10, 1750, 100);
        Scenario two = Idealised.step(Agent.CO2_FFI, 20, 10, 1750, 100);
        double[] a = lr.predict(fit, one);
        double[] b = lr.predict(fit, two);
        assertEquals(2 * (a[99] - fit[fit.length - 1]), b[99] - fit[fit.length - 1], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new LinearResponse(new double[] {0}, 0));
    }

    @Test
    void nrmseUsesTheRangeOrOneKelvin() {
        assertEquals(0.25, EmulatorSkill.nrmse(new double[] {1, 3}, new double[] {0, 4}), 1e-12);
        assertEquals(0.1, EmulatorSkill.nrmse(new double[] {0.1, 0.3}, new double[] {0, 0.2}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> EmulatorSkill.nrmse(new double[1], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> MlpEmulator.builder().optHidden(0).optSteps(1)
                .optLearningRate(1)
                .optWeightDecay(0).optClip(1).optSeed(0).build());
        assertThrows(IllegalArgumentException.class, () -> new RidgeEmulator(-1));
    }

    /**
     * Trained on the six standard pathways, both emulators predict the held-out high-overshoot
     * pathway well (NRMSE 0.06 / 0.07 measured) but not a constant-SO2 experiment (0.48 / 1.40):
     * the pathways move all agents together, so the emulator cannot separate SO2 (the paper's
     * motivation).
     */
    @Test
    void sixPathwayEmulatorsGeneraliseToPathwaysButNotToSingleAgentExperiments() {
        List<Scenario> six = new ArrayList<>();
        for (Cmip7.Pathway p : Cmip7.standardSix()) {
            six.add(Cmip7.scenario(p).slice(1750, 2100));
        }
        List<Scenario> targets = List.of(Cmip7.scenario(Cmip7.Pathway.HIGH_OVERSHOOT).slice(1750, 2100),
                Idealised.constant(Agent.SO2, 100, 1750, 351));
        EmulatorSkill.Result r = EmulatorSkill.evaluate(six, targets, ScmParameters.ar6(), MlpEmulator.paper(),
                new RidgeEmulator(1e-4));
        assertEquals(3, r.table().rowCount());
        assertTrue(r.table().doubleColumn("MLP NRMSE").get(0) < 0.15, r.table().print());
        assertTrue(r.table().doubleColumn("ridge NRMSE").get(0) < 0.15, r.table().print());
        assertTrue(r.table().doubleColumn("ridge NRMSE").get(1) > 0.3, r.table().print());
        assertEquals(351, r.predictions().get("high-overshoot")[0].length);
        assertTrue(org.climagrad.plot.ScenarioCharts.chart(Agent.SO2, targets).getSeriesMap().size() == 2);
    }

    static NDArray random(NDManager m, SplittableRandom rng, long... shape) {
        Shape s = new Shape(shape);
        double[] v = new double[(int) s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        return m.create(v, s);
    }

    /** Training never mutates its inputs: two trainings of one builder's settings give identical weights. */
    @Test
    void twoTrainingsWithTheSameSeedAreIdenticalAndTheSeedMatters() {
        SplittableRandom rng = new SplittableRandom(11);
        try (NDManager m = manager()) {
            NDArray x = random(m, rng, 40, 5);
            NDArray y = random(m, rng, 40);
            double[] x0 = x.toDoubleArray();
            MlpEmulator.Builder b = MlpEmulator.builder().optHidden(6).optSteps(20).optSeed(4);
            NDList first = b.build().train(x, y);
            NDList second = b.build().train(x, y);
            NDList other = b.optSeed(5).build().train(x, y);
            double differs = 0;
            for (int i = 0; i < 4; i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(first.get(i).toDoubleArray(),
                        second.get(i).toDoubleArray(), 0.0, "weight " + i);
                differs = Math.max(differs, first.get(i).sub(other.get(i)).abs().max().getDouble());
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(x0, x.toDoubleArray(), 0.0, "train changed x");
            assertTrue(differs > 1e-6, "another seed gives other weights: " + differs);
        }
    }
}
