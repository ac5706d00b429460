package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The multistage figure's chart copes with what the paper profile reaches: an RMS error of exactly 0. */
class Lai2024SpectralTest {
    @Test
    void theSettingsAreTheProfilesOwn() {
        Lai2024Spectral.Settings s = Lai2024Spectral.Settings.of(org.climagrad.core.Profile.FAST);
        assertEquals(Lai2024Spectral.spectralSettings(org.climagrad.core.Profile.FAST), s.spectral());
        assertEquals(Lai2024Spectral.multistageSettings(org.climagrad.core.Profile.FAST, 3), s.multistage());
        assertEquals(Lai2024Spectral.fieldSettings(org.climagrad.core.Profile.FAST, 3), s.field());
    }

    @Test
    void stageChartDrawsAnExactFitOnItsLogAxis() {
        // Paper profile, 1-D (Adam 5,000 + L-BFGS 5,000 per stage): stage 2 reproduced all 201 training points
        // to the last bit, and the log axis refused the 0.
        Table t = Table.create("stages", IntColumn.create("stage", 0, 1, 2, -1),
                DoubleColumn.create("RMS error", 3.1e-6, 1.1e-9, 0.0, 2.2e-6));
        XYChart c = Lai2024Spectral.stageChart(t);
        BufferedImage image = BitmapEncoder.getBufferedImage(c);
        assertTrue(image.getWidth() > 0);
        double[] y = c.getSeriesMap().get("multistage, training points").getYData();
        assertEquals(Lai2024Spectral.ZERO_DRAWN_AT, y[2]);
        assertEquals(1.1e-9, y[1]);
        assertEquals(2, c.getSeriesMap().size(), "no held-out column, no held-out series");
        t.addColumns(DoubleColumn.create(Lai2024Spectral.HELD_OUT, 2.9e-6, 2.5e-9, 2.6e-8, 2.1e-6));
        XYChart held = Lai2024Spectral.stageChart(t);
        assertEquals(4, held.getSeriesMap().size());
        assertEquals(2.6e-8, held.getSeriesMap().get("multistage, held out").getYData()[2]);
    }
}
