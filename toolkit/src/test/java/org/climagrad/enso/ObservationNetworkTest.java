package org.climagrad.enso;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Probes and observation networks on the equatorial grid. */
class ObservationNetworkTest {
    private final EquatorialGrid grid = EquatorialGrid.standard();

    @Test
    void boxesAreBoxMeansAndPointsAreGridValues() {
        double[] field = new double[grid.size()];
        for (int i = 0; i < field.length; i++) {
            field[i] = Math.sin(0.1 * i) + 0.01 * i;
        }
        ObservationNetwork nino = ObservationNetwork.ninoIndices(grid);
        assertArrayEquals(new double[] {grid.boxMean(field, EquatorialGrid.NINO3), grid.boxMean(field, EquatorialGrid.NINO4)},
                nino.observe(field), 1e-15);
        ObservationNetwork pts = ObservationNetwork.points(grid, 120, 201, 280);
        assertArrayEquals(new double[] {field[0], field[grid.index(201)], field[80]}, pts.observe(field), 0);
        assertArrayEquals(new double[] {240, 185}, nino.longitudes(), 0);
        assertEquals(List.of("Niño3", "Niño4"), nino.labels());
        assertEquals(2, nino.observe(new double[][] {field, field}).length);
    }

    @Test
    void probesOffTheGridAreRejectedWithTheirName() {
        var e = assertThrows(IllegalArgumentException.class, () -> ObservationNetwork.points(grid, 150, 300));
        assertTrue(e.getMessage().contains("300") && e.getMessage().contains("grid"), e.getMessage());
        var box = assertThrows(IllegalArgumentException.class,
                () -> new ObservationNetwork(grid, List.of(new Probe.Box("far east", 270, 290))));
        assertTrue(box.getMessage().contains("far east"), box.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ObservationNetwork(grid, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Probe.Box("empty", 200, 200));
        assertThrows(IllegalArgumentException.class, () -> ObservationNetwork.ninoIndices(grid).observe(new double[5]));
    }
}
