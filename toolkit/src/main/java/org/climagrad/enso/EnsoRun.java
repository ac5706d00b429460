package org.climagrad.enso;

/**
 * Monthly output of {@link ConceptualEnso}: {@code [member][month]}, month 0 = January of year 0.
 * Immutable: the constructor copies its arrays, the array accessors return a copy, and loops use
 * the indexed getters (e.g. {@link #nino3(int, int)}) with {@link #members()} and {@link #months()}.
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
    /** Copies every array. */
    public EnsoRun {
        nino3 = copy(nino3);
        nino4 = copy(nino4);
        thermocline = copy(thermocline);
        current = copy(current);
        windBurst = copy(windBurst);
        walker = copy(walker);
    }

    /** T_E, eastern-Pacific (Niño3) SST anomaly, K {@code [member][month]} (a copy). */
    @Override
    public double[][] nino3() {
        return copy(nino3);
    }

    /** T_E, eastern-Pacific (Niño3) SST anomaly, K, of one member {@code [month]} (a copy). */
    public double[] nino3(int member) {
        return nino3[member].clone();
    }

    /** T_E, eastern-Pacific (Niño3) SST anomaly, K, of one member in one month (no copy). */
    public double nino3(int member, int month) {
        return nino3[member][month];
    }

    /** T_C, central-Pacific (Niño4) SST anomaly, K {@code [member][month]} (a copy). */
    @Override
    public double[][] nino4() {
        return copy(nino4);
    }

    /** T_C, central-Pacific (Niño4) SST anomaly, K, of one member {@code [month]} (a copy). */
    public double[] nino4(int member) {
        return nino4[member].clone();
    }

    /** T_C, central-Pacific (Niño4) SST anomaly, K, of one member in one month (no copy). */
    public double nino4(int member, int month) {
        return nino4[member][month];
    }

    /** h_W, western-Pacific thermocline depth anomaly, m {@code [member][month]} (a copy). */
    @Override
    public double[][] thermocline() {
        return copy(thermocline);
    }

    /** h_W, western-Pacific thermocline depth anomaly, m, of one member {@code [month]} (a copy). */
    public double[] thermocline(int member) {
        return thermocline[member].clone();
    }

    /** h_W, western-Pacific thermocline depth anomaly, m, of one member in one month (no copy). */
    public double thermocline(int member, int month) {
        return thermocline[member][month];
    }

    /** u, central-Pacific zonal current anomaly, m/s {@code [member][month]} (a copy). */
    @Override
    public double[][] current() {
        return copy(current);
    }

    /** u, central-Pacific zonal current anomaly, m/s, of one member {@code [month]} (a copy). */
    public double[] current(int member) {
        return current[member].clone();
    }

    /** u, central-Pacific zonal current anomaly, m/s, of one member in one month (no copy). */
    public double current(int member, int month) {
        return current[member][month];
    }

    /** τ, wind-burst amplitude anomaly, m/s {@code [member][month]} (a copy). */
    @Override
    public double[][] windBurst() {
        return copy(windBurst);
    }

    /** τ, wind-burst amplitude anomaly, m/s, of one member {@code [month]} (a copy). */
    public double[] windBurst(int member) {
        return windBurst[member].clone();
    }

    /** τ, wind-burst amplitude anomaly, m/s, of one member in one month (no copy). */
    public double windBurst(int member, int month) {
        return windBurst[member][month];
    }

    /** I, decadal Walker circulation index in [0, 4] {@code [member][month]} (a copy). */
    @Override
    public double[][] walker() {
        return copy(walker);
    }

    /** I, decadal Walker circulation index in [0, 4], of one member {@code [month]} (a copy). */
    public double[] walker(int member) {
        return walker[member].clone();
    }

    /** I, decadal Walker circulation index in [0, 4], of one member in one month (no copy). */
    public double walker(int member, int month) {
        return walker[member][month];
    }

    /** Number of members. */
    public int members() {
        return nino3.length;
    }

    /** Number of months. */
    public int months() {
        return nino3[0].length;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
