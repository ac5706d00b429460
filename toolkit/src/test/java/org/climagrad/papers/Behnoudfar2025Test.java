package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.climagrad.core.Profile;
import org.climagrad.enso.EquatorialGrid;
import org.climagrad.enso.OperationalEnso;
import org.climagrad.plot.Figure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Figure 1 of Behnoudfar et al. (2025) in the fast profile: the operational model's biases show. */
class Behnoudfar2025Test {
    static Behnoudfar2025.Data data;

    @BeforeAll
    static void generate() {
        data = Behnoudfar2025.generate(Behnoudfar2025.Settings.of(Profile.FAST), OperationalEnso.biased());
    }

    @Test
    void fieldsCarryTheIndicesExactly() {
        EquatorialGrid g = data.grid();
        for (int n : new int[] {0, 100, 1000}) {
            assertEquals(data.truth(0, n), g.boxMean(data.truthField(n), EquatorialGrid.NINO3), 1e-9);
            assertEquals(data.truth(1, n), g.boxMean(data.truthField(n), EquatorialGrid.NINO4), 1e-9);
            assertEquals(data.operational(0, n), g.boxMean(data.operationalField(n), EquatorialGrid.NINO3), 1e-9);
        }
        assertThrows(IllegalArgumentException.class, () -> g.index(100));
    }

    @Test
    void operationalStatisticsAreBiased() {
        Figure f = Behnoudfar2025.figure1(data);
        Table t = f.data();
        assertEquals(2, t.rowCount());
        double skewTruth = t.doubleColumn("Niño3 skewness").get(0);
        double skewOp = t.doubleColumn("Niño3 skewness").get(1);
        assertTrue(skewTruth > 0.4 && Math.abs(skewOp) < 0.25, skewTruth + " vs " + skewOp);
        assertTrue(t.doubleColumn("EP/CP").get(1) > 3 * t.doubleColumn("EP/CP").get(0), t.print());
        assertTrue(t.doubleColumn("Niño3 variance").get(1) < 0.8 * t.doubleColumn("Niño3 variance").get(0));
        assertEquals(6, f.panels().size());
        // The operational EP variability peaks west of the truth's.
        Table local = Behnoudfar2025.localStatistics(data.grid(), Map.of("truth", data.truthField(), "operational",
                data.operationalField()));
        assertTrue(argmaxLongitude(local, "operational") < argmaxLongitude(local, "truth") - 10, local.print());
    }

    static double argmaxLongitude(Table local, String source) {
        Table part = local.where(local.stringColumn("source").isEqualTo(source));
        double best = -1;
        double lon = Double.NaN;
        for (int i = 0; i < part.rowCount(); i++) {
            if (part.doubleColumn("std").get(i) > best) {
                best = part.doubleColumn("std").get(i);
                lon = part.doubleColumn("longitude").get(i);
            }
        }
        return lon;
    }
}
