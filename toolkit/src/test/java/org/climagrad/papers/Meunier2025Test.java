package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.climagrad.core.Profile;
import org.climagrad.ocean.ColumnBlackBox;
import org.climagrad.ocean.ColumnParameter;
import org.junit.jupiter.api.Test;

/** The calibration-of-hybrid-models figures: their data and a rendering smoke test. */
class Meunier2025Test {
    @Test
    void theSettingsFollowTheProfile() {
        Meunier2025.Settings fast = Meunier2025.Settings.of(Profile.FAST);
        assertEquals(600, fast.online().iterations());
        assertEquals(3, fast.starts());
        assertEquals(8, Meunier2025.Settings.of(Profile.PAPER).starts());
        fast.gradientLengths()[0] = -1;
        assertEquals(1, fast.gradientLengths()[0], "a copy");
    }

    @Test
    void theGradientFigureHasOneRowPerLengthAndParameterAndRenders() {
        ColumnBlackBox box = ColumnBlackBox.standard();
        var f = Meunier2025.gradients(box, box.model().stratifiedStart(), ColumnParameter.references(), new int[] {1, 10});
        assertEquals(2 * ColumnParameter.values().length, f.data().rowCount());
        for (int r = 0; r < f.data().rowCount(); r++) {
            assertTrue(f.data().doubleColumn("relative error").get(r) < 1e-6, f.data().printAll());
        }
        assertTrue(f.image().getWidth() > 0);
    }
}
