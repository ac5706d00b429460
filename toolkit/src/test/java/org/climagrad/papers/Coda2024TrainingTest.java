package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.climagrad.coda.CodaModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resumable runs behind the shipped CODA artefacts ({@link Coda2024Training},
 * {@link Coda2024Sweeps}): a run stopped and started again continues from its checkpoint with its
 * learning curve, and the campaign plans are the ones the README documents.
 */
class Coda2024TrainingTest {
    @TempDir
    Path dir;

    static Coda2024Training.Run tiny(int maxSteps) {
        return new Coda2024Training.Run(new int[] {16, 16}, 2, 2, 1, 400, maxSteps, 10, 3, 1e-3);
    }

    /** A second start continues at the last checkpoint: the curve goes on, the session is logged. */
    @Test
    void aStoppedRunResumesFromItsCheckpoint() throws Exception {
        try (CodaModel m = Coda2024Training.train(tiny(20), dir)) {
            assertEquals(2, m.halfWidth());
        }
        double last;
        try (CodaModel saved = CodaModel.load(dir.resolve("model"), tiny(20).network())) {
            last = Coda2024Training.rmse(saved, Coda2024Training.twin(Coda2024Training.EVALUATION_TIMES,
                    Coda2024Training.EVALUATION_SEED));
        }
        List<String> curve = Files.readAllLines(dir.resolve("curve.csv"));
        assertEquals(List.of("step", "0", "10", "20"), curve.stream().map(l -> l.split(",")[0]).toList());
        assertTrue(Files.isRegularFile(dir.resolve("model/coda-da-0000.params")));
        assertFalse(Files.exists(dir.resolve("model.tmp")), "no half-written checkpoint left");
        // the saved checkpoint is the network at step 20: its curve point is its RMSE on the evaluation twin
        assertEquals(Double.parseDouble(curve.get(3).split(",")[2]), last, 1e-4);
        try (CodaModel again = Coda2024Training.train(tiny(20), dir)) {
            assertEquals(2, again.halfWidth()); // nothing left to do: the checkpoint comes back
        }
        try (CodaModel m = Coda2024Training.train(tiny(30), dir)) {
            assertEquals(2, m.halfWidth());
        }
        curve = Files.readAllLines(dir.resolve("curve.csv"));
        assertEquals("30", curve.get(curve.size() - 1).split(",")[0]);
        List<String> sessions = Files.readAllLines(dir.resolve("sessions.csv"));
        assertEquals(List.of("start_step", "0", "20"), sessions.stream().map(l -> l.split(",")[0]).toList());
        double wall20 = Double.parseDouble(curve.get(3).split(",")[1]);
        double wall30 = Double.parseDouble(curve.get(4).split(",")[1]);
        assertTrue(wall30 > wall20, "wall time continues across sessions");
    }

    /** Bad settings are refused before any work, naming the parameter. */
    @Test
    void badSettingsNameTheParameter() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Coda2024Training.Run(new int[] {16}, 25, 25, 1, 100, 10, 10, 1, 1e-3));
        assertTrue(e.getMessage().contains("trainTimes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Coda2024Training.Run(new int[] {16}, 2, 2, 1, 400,
                10, 10, Coda2024Training.EVALUATION_SEED, 1e-3));
        assertTrue(e.getMessage().contains("evaluation"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Coda2024Sweeps.Fig5Plan.builder().setTrainTimes(20_000)
                .setSteps(100).optParameterLearningRate(0).build());
        assertTrue(e.getMessage().contains("parameterLearningRate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Coda2024Sweeps.SubGridPlan.builder().optChannels(32)
                .optTrainTimes(50).setTruncatedSteps(10).setCorrectedSteps(10).optEvalEvery(5).build());
        assertTrue(e.getMessage().contains("trainTimes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Coda2024Tuning.initialForcing(1.0, 8, 1));
        assertTrue(e.getMessage().contains("spread"), e.getMessage());
    }

    /** The campaigns: nine Fig. 4a networks, thirteen Fig. 5 runs (F = 4..12, five seeds at F = 8). */
    @Test
    void campaignPlans() {
        var runs = Coda2024Sweeps.fig4aRuns();
        assertEquals(9, runs.size());
        assertEquals(9, new HashSet<>(runs.stream().map(Coda2024Sweeps.Fig4aRun::folder).toList()).size());
        assertEquals("w10-R10-a0.5", new Coda2024Sweeps.Fig4aRun(10, 10, 0.5).folder());
        var tuning = Coda2024Sweeps.fig5Runs();
        assertEquals(13, tuning.size());
        assertEquals(5, tuning.stream().filter(r -> r.trueF() == 8).count());
        assertEquals("F8-s53", new Coda2024Sweeps.Fig5Run(8, 53).name());
        for (var r : tuning) {
            double f0 = Coda2024Tuning.initialForcing(Coda2024Sweeps.INITIAL_SPREAD, r.trueF(), r.seed());
            assertTrue(Math.abs(f0 - r.trueF()) <= Coda2024Sweeps.INITIAL_SPREAD * r.trueF(), r + ": " + f0);
        }
    }

    /** B_ψ survives a save and a load; a stream that holds something else is refused. */
    @Test
    void correctionRoundTrip() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Block psi = Coda2024SubGrid.correctionNetwork();
            psi.initialize(m, DataType.FLOAT32, new Shape(1, 1));
            Path file = dir.resolve("psi.params");
            Coda2024SubGrid.saveCorrection(psi, file);
            assertFalse(Files.exists(dir.resolve("psi.params.tmp")));
            double[] x = {-5, 0, 3.5, 10};
            Block back;
            try (var in = Files.newInputStream(file)) {
                back = Coda2024SubGrid.loadCorrection(in, m);
            }
            double[] a = Coda2024SubGrid.evaluate(psi, x);
            double[] b = Coda2024SubGrid.evaluate(back, x);
            for (int i = 0; i < x.length; i++) {
                assertEquals(a[i], b[i], 0.0);
            }
            var e = assertThrows(IllegalArgumentException.class,
                    () -> Coda2024SubGrid.loadCorrection(new ByteArrayInputStream(new byte[] {1, 2, 3}), m));
            assertTrue(e.getMessage().contains("B_psi"), e.getMessage());
        }
    }
}
