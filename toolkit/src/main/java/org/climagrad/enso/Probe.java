package org.climagrad.enso;

import org.climagrad.core.Check;

/**
 * One observed quantity of an equatorial SST field: a box mean (such as the Niño3 index) or the
 * value at one longitude. A typed option of {@link ObservationNetwork}.
 */
public sealed interface Probe {
    /** The observed value of a field on {@code grid}, K. */
    double observe(EquatorialGrid grid, double[] field);

    /** Where the probe sits (the box centre), °E: its position for localisation. */
    double longitude();

    /** Checks that the probe lies on the grid; throws an error naming it otherwise. */
    void requireOn(EquatorialGrid grid);

    /**
     * The mean over a longitude box.
     *
     * @param name label, e.g. "Niño3"
     * @param west western edge, °E
     * @param east eastern edge, °E (&gt; west)
     */
    record Box(String name, double west, double east) implements Probe {
        /** Validates the edges. */
        public Box {
            Check.finite("west", west);
            if (!(east > west)) {
                throw new IllegalArgumentException("box " + name + ": east = " + east + " must be > west = " + west);
            }
        }

        /** The Niño3 box, 150°W-90°W. */
        public static Box nino3() {
            return new Box("Niño3", EquatorialGrid.NINO3[0], EquatorialGrid.NINO3[1]);
        }

        /** The Niño4 box, 160°E-150°W. */
        public static Box nino4() {
            return new Box("Niño4", EquatorialGrid.NINO4[0], EquatorialGrid.NINO4[1]);
        }

        @Override
        public double observe(EquatorialGrid grid, double[] field) {
            return grid.boxMean(field, new double[] {west, east});
        }

        @Override
        public double longitude() {
            return (west + east) / 2;
        }

        @Override
        public void requireOn(EquatorialGrid grid) {
            if (west < grid.west() || east > grid.east()) {
                throw new IllegalArgumentException("box " + name + " (" + west + "-" + east + "°E): off the grid "
                        + grid.west() + "-" + grid.east() + "°E");
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The value at the grid point nearest to a longitude.
     *
     * @param longitude °E
     */
    record Point(double longitude) implements Probe {
        /** Validates the longitude. */
        public Point {
            Check.finite("longitude", longitude);
        }

        @Override
        public double observe(EquatorialGrid grid, double[] field) {
            Check.length("field", field, grid.size());
            return field[grid.index(longitude)];
        }

        @Override
        public void requireOn(EquatorialGrid grid) {
            grid.index(longitude);
        }

        @Override
        public String toString() {
            return String.format("%.0f°E", longitude);
        }
    }
}
