package org.climagrad.coda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.climagrad.dynamics.Lorenz96;
import org.climagrad.dynamics.Rollout;
import org.climagrad.obs.ObservationModel;
import org.climagrad.obs.Twin;
import org.climagrad.obs.TwinExperiment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CODA training loop with a small stand-in network (an MLP over the flattened window). */
class CodaTrainerTest {
    static final int K = 40;
    static final int W = 4;
    static final int R = 4;
    static final Rollout ROLLOUT =
            Rollout.builder().setDynamics(Lorenz96.builder().optSize(K).build()).setDt(0.01).build();
    static Twin twin;

    @BeforeAll
    static void data() {
        twin = TwinExperiment.builder().setRollout(ROLLOUT).optParameters(8.0)
                .setObservationModel(ObservationModel.randomMissing(1.0, 0.75)).setTimes(500).optSeed(3).build().generate();
    }

    static Block mlp() {
        return new SequentialBlock().add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(128).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(K).build());
    }

    static CodaTrainer.Builder trainer(double alpha) {
        return CodaTrainer.builder().setNetwork(CodaTrainerTest::mlp).optInputs(CodaInputs.VALUES_MASK)
                .setLoss(CodaLoss.builder().setRollout(ROLLOUT).setRolloutSteps(R).optAlpha(alpha).build())
                .setHalfWidth(W).setParameters(8.0).optEpochs(4).optBatchSize(16).optLearningRate(3e-3).optSeed(11);
    }

    static double rmse(double[][] analysis, int offset) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < analysis.length; i++) {
            for (int k = 0; k < K; k++) {
                double e = analysis[i][k] - twin.truth(offset + i, k);
                s += e * e;
                n++;
            }
        }
        return Math.sqrt(s / n);
    }

    @Test
    void trainingOnObservationsOnlyLowersLossAndAnalysisError() {
        CodaTrainer.Fit fit = trainer(1).build().fit(twin.observations());
        List<EpochStats> h = fit.history();
        assertEquals(4, h.size());
        assertTrue(h.get(3).trainTotal() < 0.7 * h.get(0).trainTotal(), h.toString());
        assertTrue(Double.isFinite(h.get(3).validationTotal()));
        double[][] a = fit.model().analyse(twin.observations());
        assertEquals(twin.times() - 2 * W, a.length);
        double err = rmse(a, W);
        // Measured over seeds (network 11-13, twin 3-5): 2.00, 2.38, 2.00; climatology 3.6, σ = 1.
        assertTrue(err < 2.8, "analysis RMSE " + err + " (seeds 11-13 reached 2.0-2.4; climatological std 3.6)");
        assertArrayEquals(new double[] {8.0}, fit.theta(), 0.0, "theta untouched without tuning");
        fit.model().close();
    }

    /**
     * A few training steps of the fast-profile U-Net (channels 8/16/32). On an AMD EPYC (family 26,
     * AVX-512) with oneDNN's convolution data gradient wrong, the output turned to NaN within the
     * first epoch; with the kernel self-check the losses are finite, fall, and repeat exactly.
     */
    @Test
    void fastCodaNetTrainsWithFiniteSeedReproducibleLosses() {
        java.util.function.Supplier<CodaTrainer.Fit> fit = () -> CodaTrainer.builder()
                .setNetwork(CodaNet.builder().optChannels(8, 16, 32).build())
                .setLoss(CodaLoss.builder().setRollout(ROLLOUT).setRolloutSteps(10).build()).setHalfWidth(10)
                .setParameters(8.0).optEpochs(2).optBatchSize(16).optLearningRate(3e-3).optSeed(4).build()
                .fit(twin.observations());
        CodaTrainer.Fit a = fit.get();
        CodaTrainer.Fit b = fit.get();
        for (int e = 0; e < 2; e++) {
            EpochStats s = a.history().get(e);
            assertTrue(Double.isFinite(s.trainTotal()) && Double.isFinite(s.validationTotal()), s.toString());
            assertEquals(s.trainTotal(), b.history().get(e).trainTotal(), 0.0, "same seed, epoch " + e);
            assertEquals(s.validationTotal(), b.history().get(e).validationTotal(), 0.0, "same seed, epoch " + e);
        }
        assertTrue(a.history().get(1).trainTotal() < a.history().get(0).trainTotal(), a.history().toString());
        a.model().close();
        b.model().close();
    }

    @Test
    void sameSeedSameHistory() {
        CodaTrainer.Fit a = trainer(0.5).optEpochs(2).build().fit(twin.observations());
        CodaTrainer.Fit b = trainer(0.5).optEpochs(2).build().fit(twin.observations());
        for (int e = 0; e < 2; e++) {
            assertEquals(a.history().get(e).trainTotal(), b.history().get(e).trainTotal(), 0.0);
            assertEquals(a.history().get(e).validationTotal(), b.history().get(e).validationTotal(), 0.0);
        }
        a.model().close();
        b.model().close();
    }

    /** Every parameter array of a fitted model, flattened in order. */
    static float[][] weights(CodaModel model) {
        var params = model.djlModel().getBlock().getParameters();
        float[][] w = new float[params.size()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = params.get(i).getValue().getArray().toFloatArray();
        }
        return w;
    }

    /**
     * Issue 19: one built trainer fits twice, and a second trainer from the same builder fits once
     * more, all with identical weights, θ traces and losses (the seed is per run, nothing carries over).
     */
    @Test
    void oneBuilderFitsTwiceWithIdenticalWeightsAndLosses() {
        CodaTrainer.Builder builder = trainer(1).setParameters(7.0).optTuneParameters(0.05).optEpochs(2);
        CodaTrainer trainer = builder.build();
        CodaTrainer.Fit a = trainer.fit(twin.observations());
        CodaTrainer.Fit b = trainer.fit(twin.observations());
        CodaTrainer.Fit c = builder.build().fit(twin.observations());
        for (CodaTrainer.Fit other : List.of(b, c)) {
            assertEquals(a.history().size(), other.history().size());
            for (int e = 0; e < a.history().size(); e++) {
                EpochStats x = a.history().get(e);
                EpochStats y = other.history().get(e);
                assertEquals(x.trainTotal(), y.trainTotal(), 0.0);
                assertEquals(x.trainData(), y.trainData(), 0.0);
                assertEquals(x.validationTotal(), y.validationTotal(), 0.0);
            }
            assertArrayEquals(a.theta(), other.theta(), 0.0);
            assertEquals(a.thetaTrace().length, other.thetaTrace().length);
            for (int i = 0; i < a.thetaTrace().length; i++) {
                assertArrayEquals(a.thetaTrace()[i], other.thetaTrace()[i], 0.0);
            }
            float[][] wa = weights(a.model());
            float[][] wo = weights(other.model());
            assertEquals(wa.length, wo.length);
            for (int i = 0; i < wa.length; i++) {
                assertArrayEquals(wa[i], wo[i], 0f, "parameter array " + i);
            }
        }
        assertTrue(a.theta()[0] != 7.0, "θ was tuned");
        a.model().close();
        b.model().close();
        c.model().close();
    }

    @Test
    void tuningMovesForcingTowardsTheTruth() {
        CodaTrainer.Fit fit = trainer(1).setParameters(6.0).optTuneParameters(0.1).optEpochs(10).build()
                .fit(twin.observations());
        double f = fit.theta()[0];
        assertTrue(f > 7 && f < 9, "F after tuning from 6 (truth 8): " + f);
        fit.model().close();
    }

    @Test
    void warmupHoldsThetaThenTunesAndMonitorRunsEveryEpoch() {
        int[] calls = {0};
        CodaTrainer.Fit fit = trainer(1).setParameters(6.0).optTuneParameters(0.1).optParameterWarmup(1).optEpochs(3)
                .optMonitor(model -> {
                    calls[0]++;
                    return rmse(model.analyse(twin.observations()), W);
                }).build().fit(twin.observations());
        double[][] trace = fit.thetaTrace();
        int perEpoch = trace.length / 3;
        assertEquals(3 * perEpoch, trace.length, "one θ per gradient step");
        for (int i = 0; i < perEpoch; i++) {
            assertEquals(6.0, trace[i][0], 0.0, "θ fixed during the warm-up epoch, step " + i);
        }
        assertTrue(trace[perEpoch][0] != 6.0 && trace[trace.length - 1][0] != trace[perEpoch][0],
                "θ tuned after the warm-up: " + trace[perEpoch][0] + " … " + trace[trace.length - 1][0]);
        assertEquals(3, calls[0]);
        assertEquals(3, fit.monitor().length);
        assertTrue(fit.monitor()[2] < fit.monitor()[0], java.util.Arrays.toString(fit.monitor()));
        fit.model().close();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer(1).optParameterWarmup(-1).build());
        assertTrue(e.getMessage().contains("parameterWarmup"), e.getMessage());
    }

    @Test
    void correctionLearnsTheMissingForcing() {
        // Truth F = 8; the model has F = 6 and a per-location correction B_psi(x_k): it should learn ≈ +2.
        Block psi = new SequentialBlock().add(Linear.builder().setUnits(32).build()).add(Activation::tanh)
                .add(Linear.builder().setUnits(1).build());
        Rollout corrected = Rollout.builder().setDt(0.01).setDynamics(Lorenz96.builder().optSize(K)
                .optCorrection(org.climagrad.dynamics.Correction.local(psi, true)).build()).build();
        CodaTrainer.Fit fit = CodaTrainer.builder().setNetwork(CodaTrainerTest::mlp).optInputs(CodaInputs.VALUES_MASK)
                .setLoss(CodaLoss.builder().setRollout(corrected).setRolloutSteps(R).build()).setHalfWidth(W)
                .setParameters(6.0).optCorrection(psi).optEpochs(30).optLearningRate(3e-3).optSeed(5).build()
                .fit(twin.observations());
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            float[] xs = {-4, -2, 0, 2, 4, 6, 8, 10};
            float[] b = psi.forward(new ai.djl.training.ParameterStore(m, false),
                    new ai.djl.ndarray.NDList(m.create(xs, new ai.djl.ndarray.types.Shape(xs.length, 1))), false)
                    .singletonOrThrow().toFloatArray();
            double mean = 0;
            for (float v : b) {
                mean += v / b.length;
            }
            assertEquals(2.0, mean, 0.6, "mean learned correction");
        }
        fit.model().close();
    }

    @Test
    void startFromContinuesAnEarlierFitAndRejectsAnotherArchitecture() {
        CodaTrainer.Fit first = trainer(1).optEpochs(2).build().fit(twin.observations());
        double before = rmse(first.model().analyse(twin.observations()), W);
        // A tiny learning rate: the second fit barely moves, so it analyses like the first, not like a random net.
        CodaTrainer.Fit warm = trainer(1).optEpochs(1).optLearningRate(1e-9).optStartFrom(first.model()).build()
                .fit(twin.observations());
        CodaTrainer.Fit cold = trainer(1).optEpochs(1).optLearningRate(1e-9).build().fit(twin.observations());
        assertEquals(before, rmse(warm.model().analyse(twin.observations()), W), 1e-3);
        assertTrue(rmse(cold.model().analyse(twin.observations()), W) > before + 0.5);
        // ... and with a normal learning rate it keeps learning from there (the copied weights stay trainable).
        float[][] startWeights = weights(first.model());
        CodaTrainer.Fit more = trainer(1).optEpochs(2).optStartFrom(first.model()).build().fit(twin.observations());
        // The start model is copied, never trained in place: its weights and analysis are unchanged.
        float[][] after = weights(first.model());
        for (int i = 0; i < startWeights.length; i++) {
            assertArrayEquals(startWeights[i], after[i], 0f, "startFrom parameter array " + i);
        }
        assertEquals(before, rmse(first.model().analyse(twin.observations()), W), 0.0);
        assertTrue(more.history().get(0).trainTotal() < 0.8 * first.history().get(0).trainTotal());
        assertTrue(rmse(more.model().analyse(twin.observations()), W) < before, "continued training improves");
        more.model().close();
        Block other = new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(K).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer(1).setNetwork(() -> other).optInputs(CodaInputs.VALUES_MASK)
                .optStartFrom(first.model()).build().fit(twin.observations()));
        assertTrue(e.getMessage().contains("startFrom"), e.getMessage());
        first.model().close();
        warm.model().close();
        cold.model().close();
    }

    @Test
    void divergenceNamesStepAndTermAndHandsBackTheLastGoodCheckpoint() {
        CodaDivergenceException e = assertThrows(CodaDivergenceException.class,
                () -> trainer(1).optLearningRate(1e4).build().fit(twin.observations()));
        assertTrue(e.step() >= 1);
        assertTrue(List.of("data", "model", "total").contains(e.term()), e.term());
        assertTrue(e.getMessage().contains("step " + e.step()), e.getMessage());
        assertTrue(e.lastGood() == e.lastGood(), "one model, owned by the caller");
        assertArrayEquals(new double[] {8.0}, e.lastGood().theta(), 0.0);
        // The checkpoint is usable (a new model, not the closed training one) and holds finite weights:
        // here the initial ones, which the same seed reproduces with a learning rate too small to move them.
        try (CodaModel good = e.lastGood();
                CodaModel still = trainer(1).optLearningRate(1e-12).optEpochs(1).build().fit(twin.observations())
                        .model()) {
            double[][] a = good.analyse(twin.observations());
            double[][] b = still.analyse(twin.observations());
            for (int i = 0; i < a.length; i += 37) {
                for (int k = 0; k < K; k++) {
                    assertTrue(Double.isFinite(a[i][k]));
                }
                assertArrayEquals(b[i], a[i], 1e-3, "the restored checkpoint is the seed's initial network");
            }
        }
    }

    /**
     * The network given to the builder is a template: it is never initialised or trained, two fits
     * from one builder give identical results, and the engine's global random seed plays no part.
     */
    @Test
    void templateIsNeverTrainedAndTheGlobalSeedPlaysNoPart() {
        CodaNet template = CodaNet.builder().optChannels(8, 16, 32).build();
        CodaTrainer trainer = CodaTrainer.builder().setNetwork(template)
                .setLoss(CodaLoss.builder().setRollout(ROLLOUT).setRolloutSteps(5).build()).setHalfWidth(5)
                .setParameters(8.0).optEpochs(1).optMaxSteps(6).optBatchSize(8).optLearningRate(3e-3).optSeed(9)
                .build();
        ai.djl.engine.Engine.getInstance().setRandomSeed(123);
        CodaTrainer.Fit a = trainer.fit(twin.observations());
        ai.djl.engine.Engine.getInstance().setRandomSeed(456);
        CodaTrainer.Fit b = trainer.fit(twin.observations());
        assertTrue(!template.isInitialized(), "the template stays untouched");
        assertEquals(a.history().get(0).trainTotal(), b.history().get(0).trainTotal(), 0.0);
        double[][] xa = a.model().analyse(twin.observations());
        double[][] xb = b.model().analyse(twin.observations());
        assertArrayEquals(xa[100], xb[100], 0.0);
        CodaTrainer.Fit other = CodaTrainer.builder().setNetwork(template)
                .setLoss(CodaLoss.builder().setRollout(ROLLOUT).setRolloutSteps(5).build()).setHalfWidth(5)
                .setParameters(8.0).optEpochs(1).optMaxSteps(6).optBatchSize(8).optLearningRate(3e-3).optSeed(10)
                .build().fit(twin.observations());
        assertTrue(Math.abs(other.model().analyse(twin.observations())[100][0] - xa[100][0]) > 1e-6,
                "another seed, another network");
        a.model().close();
        b.model().close();
        other.model().close();
    }

    @Test
    void savedModelLoadsAndAnalysesIdentically(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CodaTrainer.Fit fit = trainer(1).optEpochs(1).setParameters(7.5).optTuneParameters(0.01).build()
                .fit(twin.observations());
        double[][] before = fit.model().analyse(twin.observations());
        fit.model().save(dir);
        try (CodaModel loaded = CodaModel.load(dir, mlp())) {
            assertEquals(W, loaded.halfWidth());
            assertArrayEquals(fit.theta(), loaded.theta(), 0.0);
            double[][] after = loaded.analyse(twin.observations());
            for (int i = 0; i < before.length; i += 50) {
                assertArrayEquals(before[i], after[i], 0.0);
            }
        }
        fit.model().close();
        Block wrong = new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(K + 1).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CodaModel.load(dir, wrong));
        assertTrue(e.getMessage().contains("does not match") || e.getMessage().contains("expected"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CodaModel.load(dir.resolve("nothing"), mlp()));
        assertTrue(e.getMessage().contains("no saved CODA model"), e.getMessage());
    }

    @Test
    void rejectsBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer(1).optBatchSize(0).build());
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> trainer(1).optValidationFraction(1).build());
        assertTrue(e.getMessage().contains("validationFraction"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> trainer(1).setParameters(8, 1).build());
        assertTrue(e.getMessage().contains("parameters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> trainer(1).optLearningRate(-1).build());
        assertTrue(e.getMessage().contains("learningRate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> trainer(1).setHalfWidth(300).build()
                .fit(twin.observations()));
        assertTrue(e.getMessage().contains("halfWidth"), e.getMessage());
    }
}
