package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.climagrad.plot.Figure;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The calibrated FaIR ensemble's figure and table (notebook 08): all members, all pathways. */
class Smith2024Test {
    @Test
    void plumesAreOrderedByPathwayAndTheConstraintsAreMet() {
        Smith2024.Calibration c = Smith2024.calibration();
        Figure f = Smith2024.plumes(c, 2300, null);
        assertEquals(7, f.panels().size());
        Table t = f.data();
        double[] m = new double[4];
        String[] order = {"verylow", "low", "medium-extension", "high-extension"};
        for (int i = 0; i < order.length; i++) {
            String s = order[i];
            m[i] = t.where(t.stringColumn("scenario").isEqualTo(s).and(t.stringColumn("variable").isEqualTo("WARMING"))
                    .and(t.intColumn("year").isEqualTo(2100))).doubleColumn("p50").getDouble(0);
        }
        for (int i = 1; i < m.length; i++) {
            assertTrue(m[i] > m[i - 1] + 0.2, "median warming in 2100 rises from verylow to high-extension: "
                    + java.util.Arrays.toString(m));
        }
        Table k = Smith2024.constraints(c);
        for (int r = 0; r < k.rowCount(); r++) {
            double assessed = k.doubleColumn("assessed").getDouble(r);
            assertTrue(k.doubleColumn("p5").getDouble(r) < assessed && assessed < k.doubleColumn("p95").getDouble(r),
                    k.stringColumn("constraint").get(r));
        }
        f.image();
    }
}
