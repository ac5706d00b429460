package org.climagrad.enso;

/**
 * Monthly output of {@link ConceptualEnso}: {@code [member][month]}, month 0 = January of year 0.
 *
 * @param nino3 T_E, eastern-Pacific (Niño3) SST anomaly, K
 * @param nino4 T_C, central-Pacific (Niño4) SST anomaly, K
 * @param thermocline h_W, western-Pacific thermocline depth anomaly, m
 * @param current u, central-Pacific zonal current anomaly, m/s
 * @param windBurst τ, wind-burst amplitude anomaly, m/s
 * @param walker I, decadal Walker circulation index in [0, 4] (not an anomaly)
 */
public record EnsoRun(double[][] nino3, double[][] nino4, double[][] thermocline, double[][] current,
        double[][] windBurst, double[][] walker) {
    /** Number of members. */
    public int members() {
        return nino3.length;
    }

    /** Number of months. */
    public int months() {
        return nino3[0].length;
    }
}
