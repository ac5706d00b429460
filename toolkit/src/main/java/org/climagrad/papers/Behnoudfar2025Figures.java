package org.climagrad.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.climagrad.da.Ensembles;
import org.climagrad.enso.EnsoStatistics;
import org.climagrad.enso.EquatorialGrid;
import org.climagrad.enso.LatentCorrection;
import org.climagrad.enso.ObservationNetwork;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Behnoudfar et al. (2025), Figures 3 and 4 and the paper's claims, from a {@link
 * Behnoudfar2025Latent.Correction}: the corrected model against the truth and the operational
 * model, and the explanation of the correction.
 */
public final class Behnoudfar2025Figures {
    /** Relative tolerance of the statistics claims (15 %). */
    public static final double TOLERANCE = 0.15;
    private static final int YEARS_SHOWN = 30;

    private Behnoudfar2025Figures() {}

    /** Niño3 and Niño4 of fields {@code [months][nx]}: {@code [2][months]}. */
    public static double[][] nino(EquatorialGrid grid, double[][] fields) {
        double[][] y = ObservationNetwork.ninoIndices(grid).observe(fields);
        double[][] out = new double[2][y.length];
        for (int t = 0; t < y.length; t++) {
            out[0][t] = y[t][0];
            out[1][t] = y[t][1];
        }
        return out;
    }

    /** The three sources' fields: truth, operational, corrected (the analysis mean). */
    public static Map<String, double[][]> fields(Behnoudfar2025Latent.Correction c) {
        Map<String, double[][]> f = new LinkedHashMap<>();
        f.put("truth", c.data().truthField());
        f.put("operational", c.data().operationalField());
        f.put("corrected", c.result().corrected());
        return f;
    }

    /** The El Niño statistics ({@link Behnoudfar2025#statistics}) of truth, operational and corrected. */
    public static Table statistics(Behnoudfar2025Latent.Correction c) {
        Map<String, double[][]> idx = new LinkedHashMap<>();
        idx.put("truth", c.data().truth());
        idx.put("operational", c.data().operational());
        idx.put("corrected", nino(c.data().grid(), c.result().corrected()));
        return Behnoudfar2025.statistics(idx);
    }

    /**
     * RMSE against the truth of the local standard deviation and skewness, over the grid points
     * that the network does not observe: {@code {std RMSE, skewness RMSE}}.
     */
    public static double[] unobservedRmse(Behnoudfar2025Latent.Correction c, double[][] field) {
        EquatorialGrid g = c.data().grid();
        boolean[] observed = new boolean[g.size()];
        for (double lon : c.network().longitudes()) {
            observed[g.index(lon)] = true;
        }
        double[][] truth = c.data().truthField();
        double es = 0;
        double ek = 0;
        int n = 0;
        for (int i = 0; i < observed.length; i++) {
            if (observed[i]) {
                continue;
            }
            double[] a = column(truth, i);
            double[] b = column(field, i);
            es += sq(Math.sqrt(EnsoStatistics.variance(a)) - Math.sqrt(EnsoStatistics.variance(b)));
            ek += sq(EnsoStatistics.skewness(a) - EnsoStatistics.skewness(b));
            n++;
        }
        return new double[] {Math.sqrt(es / n), Math.sqrt(ek / n)};
    }

    /**
     * The paper's claims, one row each: truth, operational and corrected values, the target and
     * whether the corrected model meets it. Statistics within {@link #TOLERANCE} of the truth (the
     * idealized model's), the EP/CP ratio closer to the truth than the operational model's, and the
     * RMSE of local std and skewness at unobserved points at most half the operational model's.
     */
    public static Table claims(Behnoudfar2025Latent.Correction c) {
        Table stats = statistics(c);
        Table t = Table.create("Claims: corrected model vs truth", StringColumn.create("quantity"),
                DoubleColumn.create("truth"), DoubleColumn.create("operational"), DoubleColumn.create("corrected"),
                StringColumn.create("target"), BooleanColumn.create("met"));
        for (String col : List.of("Niño3 variance", "Niño3 skewness", "Niño4 variance", "Niño4 skewness", "period [yr]")) {
            double tr = stats.doubleColumn(col).get(0);
            double cor = stats.doubleColumn(col).get(2);
            add(t, col, tr, stats.doubleColumn(col).get(1), cor, "within 15 % of truth",
                    Math.abs(cor - tr) <= TOLERANCE * Math.abs(tr));
        }
        double tr = stats.doubleColumn("EP/CP").get(0);
        double op = stats.doubleColumn("EP/CP").get(1);
        double cor = stats.doubleColumn("EP/CP").get(2);
        add(t, "EP/CP ratio", tr, op, cor, "closer to truth than operational", Math.abs(cor - tr) < Math.abs(op - tr));
        double[] rOp = unobservedRmse(c, c.data().operationalField());
        double[] rCor = unobservedRmse(c, c.result().corrected());
        add(t, "local std RMSE, unobserved points [K]", 0, rOp[0], rCor[0], "at most half the operational's",
                rCor[0] <= 0.5 * rOp[0]);
        add(t, "local skewness RMSE, unobserved points", 0, rOp[1], rCor[1], "at most half the operational's",
                rCor[1] <= 0.5 * rOp[1]);
        return t;
    }

    /**
     * Figure 3: Hovmöller diagrams of truth, operational and corrected SST (first 30 years), the
     * Niño3 PDFs and spectra, and local standard deviation and skewness along the equator. The data
     * table is {@link #statistics}.
     */
    public static Figure figure3(Behnoudfar2025Latent.Correction c) {
        Map<String, double[][]> f = fields(c);
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : f.entrySet()) {
            var h = Charts.hovmoller(e.getKey() + " SST anomaly (K), first " + YEARS_SHOWN + " years",
                    head(e.getValue(), YEARS_SHOWN * 12), null, 1.0 / 12, -3, 3, true);
            h.setXAxisTitle("years");
            h.setYAxisTitle("longitude index (120°E → 80°W, 2°)");
            panels.add(h);
        }
        double[] bins = new double[41];
        for (int i = 0; i < bins.length; i++) {
            bins[i] = -3 + 0.15 * i;
        }
        Map<String, double[]> pdf = new LinkedHashMap<>();
        Map<String, double[]> spec = new LinkedHashMap<>();
        double[] periods = null;
        for (Map.Entry<String, double[][]> e : f.entrySet()) {
            double[] n3 = nino(c.data().grid(), e.getValue())[0];
            pdf.put(e.getKey(), Behnoudfar2025.histogram(n3, bins));
            double[][] s = EnsoStatistics.spectrum(n3, 256);
            periods = s[0];
            spec.put(e.getKey(), s[1]);
        }
        panels.add(Charts.lines("Niño3 PDF", "K", "density", bins, pdf));
        panels.add(Charts.lines("Niño3 power spectrum", "period (years)", "power", periods, spec));
        Table local = Behnoudfar2025.localStatistics(c.data().grid(), f);
        Map<String, double[]> sd = new LinkedHashMap<>();
        Map<String, double[]> sk = new LinkedHashMap<>();
        for (String src : f.keySet()) {
            Table part = local.where(local.stringColumn("source").isEqualTo(src));
            sd.put(src, part.doubleColumn("std").asDoubleArray());
            sk.put(src, part.doubleColumn("skewness").asDoubleArray());
        }
        double[] lon = c.data().grid().longitudes();
        panels.add(Charts.lines("Local SST standard deviation", "longitude (°E)", "K", lon, sd));
        panels.add(Charts.lines("Local SST skewness", "longitude (°E)", "skewness", lon, sk));
        return new Figure("Behnoudfar et al. Fig. 3: the correction", statistics(c), panels, 2);
    }

    /**
     * Figure 4, the explanation: latent increments (analysis − forecast, first 10 years); the
     * decoder's sensitivity maps (Jacobian columns at the mean latent state: K per latent unit);
     * the mean physical increment in warm (truth Niño3 &gt; 1 K) and cold (&lt; −1 K) months; and
     * the corrected SST at an unobserved point with its ±2 ensemble-spread band against the truth.
     * The data table has one row per latent direction: its localisation position, the mean and RMS
     * of its increments, and the mean increment in warm and cold months.
     *
     * @param longitude the unobserved point of the uncertainty panel, °E
     */
    public static Figure figure4(Behnoudfar2025Latent.Correction c, double longitude) {
        LatentCorrection r = c.result();
        double[][] inc = r.latentIncrements();
        double[] n3 = c.data().truth(0);
        int d = inc[0].length;
        Table t = Table.create("Latent increments", StringColumn.create("direction"), DoubleColumn.create("position [°E]"),
                DoubleColumn.create("mean"), DoubleColumn.create("RMS"), DoubleColumn.create("mean, warm months"),
                DoubleColumn.create("mean, cold months"));
        for (int k = 0; k < d; k++) {
            double[] v = column(inc, k);
            t.stringColumn(0).append("z" + (k + 1));
            t.doubleColumn(1).append(r.latentPositions(k));
            t.doubleColumn(2).append(EnsoStatistics.mean(v));
            t.doubleColumn(3).append(Math.sqrt(EnsoStatistics.variance(v) + sq(EnsoStatistics.mean(v))));
            t.doubleColumn(4).append(conditionalMean(v, n3, 1));
            t.doubleColumn(5).append(conditionalMean(v, n3, -1));
        }
        List<Chart<?, ?>> panels = new ArrayList<>();
        int shown = Math.min(YEARS_SHOWN * 12, inc.length);
        double[] years = new double[shown];
        for (int i = 0; i < shown; i++) {
            years[i] = i / 12.0;
        }
        int incShown = Math.min(120, shown);
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int k = 0; k < d; k++) {
            series.put("z" + (k + 1), java.util.Arrays.copyOf(column(inc, k), incShown));
        }
        panels.add(Charts.lines("Latent increments (analysis − forecast), first 10 years", "years", "latent units",
                java.util.Arrays.copyOf(years, incShown), series));
        double[][] jac = c.autoencoder().jacobian(Ensembles.mean(r.analysisLatent()));
        Map<String, double[]> maps = new LinkedHashMap<>();
        for (int k = 0; k < d; k++) {
            maps.put("∂SST/∂z" + (k + 1), column(jac, k));
        }
        double[] lon = c.data().grid().longitudes();
        panels.add(Charts.lines("Sensitivity maps (decoder Jacobian)", "longitude (°E)", "K per latent unit", lon, maps));
        double[][] finc = r.fieldIncrements();
        Map<String, double[]> comp = new LinkedHashMap<>();
        double[] warm = new double[lon.length];
        double[] cold = new double[lon.length];
        double[] rms = new double[lon.length];
        for (int i = 0; i < lon.length; i++) {
            double[] v = column(finc, i);
            warm[i] = conditionalMean(v, n3, 1);
            cold[i] = conditionalMean(v, n3, -1);
            rms[i] = Math.sqrt(EnsoStatistics.variance(v) + sq(EnsoStatistics.mean(v)));
        }
        comp.put("warm months (Niño3 > 1 K)", warm);
        comp.put("cold months (Niño3 < −1 K)", cold);
        comp.put("RMS, all months", rms);
        panels.add(Charts.lines("Physical increments (corrected − forecast)", "longitude (°E)", "K", lon, comp));
        int i = c.data().grid().index(longitude);
        Map<String, double[]> band = new LinkedHashMap<>();
        double[] cor = java.util.Arrays.copyOf(column(r.corrected(), i), shown);
        double[] sp = java.util.Arrays.copyOf(column(r.spread(), i), shown);
        double[] hi = new double[shown];
        double[] lo = new double[shown];
        for (int k = 0; k < shown; k++) {
            hi[k] = cor[k] + 2 * sp[k];
            lo[k] = cor[k] - 2 * sp[k];
        }
        band.put("truth", java.util.Arrays.copyOf(column(c.data().truthField(), i), shown));
        band.put("corrected", cor);
        band.put("corrected + 2 spread", hi);
        band.put("corrected − 2 spread", lo);
        panels.add(Charts.lines(String.format("SST at %.0f°E (not observed) with its ensemble band", lon[i]), "years", "K",
                years, band));
        return new Figure("Behnoudfar et al. Fig. 4: explaining the correction", t, panels, 2);
    }

    /** Fraction of months in which the truth lies within corrected ± 2 spread at a longitude (°E). */
    public static double coverage(Behnoudfar2025Latent.Correction c, double longitude) {
        int i = c.data().grid().index(longitude);
        double[][] truth = c.data().truthField();
        LatentCorrection r = c.result();
        int in = 0;
        for (int t = 0; t < truth.length; t++) {
            if (Math.abs(truth[t][i] - r.corrected(t, i)) <= 2 * r.spread(t, i)) {
                in++;
            }
        }
        return (double) in / truth.length;
    }

    private static void add(Table t, String q, double truth, double op, double cor, String target, boolean met) {
        t.stringColumn(0).append(q);
        t.doubleColumn(1).append(truth);
        t.doubleColumn(2).append(op);
        t.doubleColumn(3).append(cor);
        t.stringColumn(4).append(target);
        t.booleanColumn(5).append(met);
    }

    private static double conditionalMean(double[] v, double[] index, double threshold) {
        double s = 0;
        int n = 0;
        for (int t = 0; t < v.length; t++) {
            if (threshold > 0 ? index[t] > threshold : index[t] < threshold) {
                s += v[t];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private static double[] column(double[][] m, int i) {
        double[] c = new double[m.length];
        for (int t = 0; t < m.length; t++) {
            c[t] = m[t][i];
        }
        return c;
    }

    private static double[][] head(double[][] f, int n) {
        return java.util.Arrays.copyOf(f, Math.min(n, f.length));
    }

    private static double sq(double x) {
        return x * x;
    }
}
