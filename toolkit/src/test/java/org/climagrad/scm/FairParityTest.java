package org.climagrad.scm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The toolkit's FaIR against FaIR v2.2.3 itself: {@code datasets/fair/fair-v2.2.3-parity.csv},
 * written by FaIR (its script beside the file) for five calibrated members on the seven CMIP7
 * draft pathways, 1850-2500, deterministic. Every value agrees to the table's eight significant
 * digits (relative 1e-6, or 1e-6 in absolute terms for values near zero).
 */
class FairParityTest {
    static final Path TABLE = Path.of("..", "datasets", "fair", "fair-v2.2.3-parity.csv");

    @Test
    void reproducesFairToEightDigits() throws IOException {
        List<String> lines = Files.readAllLines(TABLE);
        FairSpeciesTable species = FairTest.species != null ? FairTest.species
                : FairSpeciesTable.read(FairTest.DATA.resolve("fair/species_configs_properties_calibration1.4.1.csv"));
        List<FairMember> members = FairMember.readEnsemble(
                FairTest.DATA.resolve("fair/calibrated_constrained_parameters_calibration1.4.1.csv"));
        Map<String, FairScenario> scenarios = FairScenario.readAll(species,
                FairTest.DATA.resolve("scenarios/extensions_1750-2500.csv"), FairTest.DATA.resolve("fair/volcanic_solar.csv"));
        Map<String, FairRun> runs = new HashMap<>();
        int co2 = species.index("CO2");
        int ch4 = species.index("CH4");
        int n2o = species.index("N2O");
        int eesc = species.indexOf(FairSpeciesType.EESC);
        int ari = species.indexOf(FairSpeciesType.ARI);
        int aci = species.indexOf(FairSpeciesType.ACI);
        int ozone = species.indexOf(FairSpeciesType.OZONE);
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            FairRun run = runs.computeIfAbsent(c[0] + "/" + c[1], k -> Fair.builder().setSpecies(species)
                    .setMember(members.stream().filter(m -> m.id().equals(c[1])).findFirst().orElseThrow())
                    .build().run(scenarios.get(c[0])));
            int b = Integer.parseInt(c[2]) - run.firstYear();
            double[] ours = {run.surfaceTemperature(b), run.concentration(b, co2), run.concentration(b, ch4),
                run.concentration(b, n2o), run.concentration(b, eesc), run.forcingSum(b),
                run.forcing(b, ari) + run.forcing(b, aci), run.forcing(b, ozone)};
            for (int k = 0; k < ours.length; k++) {
                double theirs = Double.parseDouble(c[3 + k]);
                assertEquals(theirs, ours[k], Math.max(1e-6, 1e-6 * Math.abs(theirs)), line + ": column " + (3 + k));
                checked++;
            }
        }
        assertEquals(420 * 8, checked);
    }
}
