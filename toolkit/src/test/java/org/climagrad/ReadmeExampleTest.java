package org.climagrad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.climagrad.da.DaResult;
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
import org.junit.jupiter.api.Test;

/** The README's Java example, compiled and run, and checked to be the text the README shows. */
class ReadmeExampleTest {
    @Test
    void readmeExampleRunsAndMatchesTheReadme() throws Exception {
        // --- README example start
        Rollout rollout = Rollout.builder()
                .setDynamics(Lorenz96.builder().optSize(40).build())      // K = 40
                .setDt(0.01)                                               // RK4 unless optScheme(...)
                .build();
        Twin twin = TwinExperiment.builder()
                .setRollout(rollout).optParameters(8.0)                    // θ = [F]
                .setObservationModel(ObservationModel.randomMissing(1.0, 0.75))    // σ = 1, 75 % missing per step
                .setTimes(1000).optSeed(1)
                .build().generate();
        Climatology clim = Climatology.builder().setRollout(rollout).setParameters(8.0).optSpinUp(1000)
                .setSteps(40_000).optEvery(20).optSeed(2).build();
        DaResult oi = new OptimalInterpolation(clim).assimilate(twin);
        DaResult enks = Enks.builder()
                .setUpdate(new EnkfUpdate.Sqrt()).setEnsembleSize(20).optInflation(1.002)
                .optLocalization(new Localization.GaspariCohn(8)).setLag(25)
                .setClimatology(clim).optSeed(3)
                .build().assimilate(twin);
        System.out.printf("OI %.2f, EnKS %.2f%n", oi.meanRmse(200), enks.meanSmootherRmse(200).getAsDouble());
        // --- README example end
        assertTrue(oi.meanRmse(200) > 2, "OI");
        assertTrue(enks.meanSmootherRmse(200).getAsDouble() < 0.3, "EnKS");

        String source = Files.readString(Path.of("src/test/java/org/climagrad/ReadmeExampleTest.java"));
        String example = source.substring(source.indexOf("// --- README example start\n") + 28,
                source.indexOf("        // --- README example end")).lines()
                .map(l -> l.startsWith("        ") ? l.substring(8) : l.strip())
                .collect(java.util.stream.Collectors.joining("\n"));
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains(example), "README.md must show the example exactly as this test runs it:\n" + example);
    }
}
