package org.climagrad.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.climagrad.core.Check;
import org.climagrad.core.Profile;
import org.climagrad.enso.ConceptualEnso;
import org.climagrad.enso.EnsoRun;
import org.climagrad.enso.EnsoStatistics;
import org.climagrad.enso.EquatorialGrid;
import org.climagrad.enso.OperationalEnso;
import org.climagrad.enso.SstFields;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Behnoudfar, Moser, Bocquet, Cheng &amp; Chen (2025, arXiv 2510.13030), "Bridging idealized and
 * operational models": the truth (fields from the statistically accurate conceptual model {@link
 * ConceptualEnso}) and a biased operational model ({@link OperationalEnso}) on the same equatorial
 * grid, and their El Niño statistics (Figure 1). The autoencoder and the latent assimilation are
 * still to come.
 */
public final class Behnoudfar2025 {
    private Behnoudfar2025() {}

    /** The settings of the current profile: {@code Settings.of(Profile.current())}. */
    public static Settings settings() {
        return Settings.of(Profile.current());
    }

    /**
     * Run sizes.
     *
     * @param years simulated years of each model (≥ 50)
     * @param seed seed of both models and of the small-scale variability
     */
    public record Settings(int years, long seed) {
        /** Validates. */
        public Settings {
            Check.atLeast("years", years, 50);
        }

        /** FAST: 300 years; PAPER: 2,000 years. Seed 2025. */
        public static Settings of(Profile profile) {
            return new Settings(profile.pick(300, 2000), 2025);
        }
    }

    /**
     * Indices and fields of the truth and of the operational model. Immutable: the constructor
     * copies, the array accessors return a copy; loops use the indexed getters and {@link #months()}.
     *
     * @param grid the longitudes
     * @param truth Niño3 and Niño4 of the truth {@code [2][months]}, K
     * @param truthField SST anomalies {@code [months][nx]}, K
     * @param operational Niño3 and Niño4 of the operational model {@code [2][months]}, K
     * @param operationalField its SST anomalies {@code [months][nx]}, K
     */
    public record Data(EquatorialGrid grid, double[][] truth, double[][] truthField, double[][] operational,
            double[][] operationalField) {
        /** Copies every array. */
        public Data {
            truth = copy(truth);
            truthField = copy(truthField);
            operational = copy(operational);
            operationalField = copy(operationalField);
        }

        /** Niño3 and Niño4 of the truth {@code [2][months]}, K (a copy). */
        @Override
        public double[][] truth() {
            return copy(truth);
        }

        /** Row {@code index} of {@link #truth()} (a copy). */
        public double[] truth(int index) {
            return truth[index].clone();
        }

        /** Entry {@code [index][month]} of {@link #truth()} (no copy). */
        public double truth(int index, int month) {
            return truth[index][month];
        }

        /** SST anomalies of the truth {@code [months][nx]}, K (a copy). */
        @Override
        public double[][] truthField() {
            return copy(truthField);
        }

        /** Row {@code month} of {@link #truthField()} (a copy). */
        public double[] truthField(int month) {
            return truthField[month].clone();
        }

        /** Entry {@code [month][i]} of {@link #truthField()} (no copy). */
        public double truthField(int month, int i) {
            return truthField[month][i];
        }

        /** Niño3 and Niño4 of the operational model {@code [2][months]}, K (a copy). */
        @Override
        public double[][] operational() {
            return copy(operational);
        }

        /** Row {@code index} of {@link #operational()} (a copy). */
        public double[] operational(int index) {
            return operational[index].clone();
        }

        /** Entry {@code [index][month]} of {@link #operational()} (no copy). */
        public double operational(int index, int month) {
            return operational[index][month];
        }

        /** SST anomalies of the operational model {@code [months][nx]}, K (a copy). */
        @Override
        public double[][] operationalField() {
            return copy(operationalField);
        }

        /** Row {@code month} of {@link #operationalField()} (a copy). */
        public double[] operationalField(int month) {
            return operationalField[month].clone();
        }

        /** Entry {@code [month][i]} of {@link #operationalField()} (no copy). */
        public double operationalField(int month, int i) {
            return operationalField[month][i];
        }

        /** Number of months. */
        public int months() {
            return truthField.length;
        }

        private static double[][] copy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }
    }

    /** Runs both models (one member each) and builds their fields on {@link EquatorialGrid#standard()}. */
    public static Data generate(Settings s, OperationalEnso operational) {
        EquatorialGrid grid = EquatorialGrid.standard();
        EnsoRun run = ConceptualEnso.standard().simulate(s.years(), 1, 10, s.seed());
        double[][] truth = {run.nino3(0), run.nino4(0)};
        double[][] op = operational.indices(s.years() * 12, s.seed() + 1);
        return new Data(grid, truth, SstFields.truth(grid).fields(truth[0], truth[1], s.seed() + 2), op,
                operational.fieldModel(grid).fields(op[0], op[1], s.seed() + 3));
    }

    /**
     * El Niño statistics of index pairs, one row per source: variance and skewness of Niño3 and
     * Niño4, characteristic period of Niño3, lag-6 and lag-12 autocorrelation, event counts per
     * 100 years and the EP/CP ratio.
     */
    public static Table statistics(Map<String, double[][]> sources) {
        Table t = Table.create("El Niño statistics", StringColumn.create("source"));
        String[] cols = {"Niño3 variance", "Niño3 skewness", "Niño4 variance", "Niño4 skewness", "period [yr]",
            "ACF(6)", "ACF(12)", "EP per 100 yr", "CP per 100 yr", "La Niña per 100 yr", "EP/CP"};
        for (String c : cols) {
            t.addColumns(DoubleColumn.create(c));
        }
        for (Map.Entry<String, double[][]> e : sources.entrySet()) {
            double[] n3 = e.getValue()[0];
            double[] n4 = e.getValue()[1];
            EnsoStatistics.Events ev = EnsoStatistics.events(n3, n4);
            double per100 = 100.0 / ev.winters();
            double[] v = {EnsoStatistics.variance(n3), EnsoStatistics.skewness(n3), EnsoStatistics.variance(n4),
                EnsoStatistics.skewness(n4), EnsoStatistics.characteristicPeriod(n3, 256),
                EnsoStatistics.autocorrelation(n3, 6), EnsoStatistics.autocorrelation(n3, 12), ev.ep() * per100,
                ev.cp() * per100, ev.laNina() * per100, ev.epCpRatio()};
            t.stringColumn(0).append(e.getKey());
            for (int i = 0; i < v.length; i++) {
                t.doubleColumn(i + 1).append(v[i]);
            }
        }
        return t;
    }

    /**
     * Local standard deviation and skewness of SST along the equator, one row per longitude and
     * source.
     */
    public static Table localStatistics(EquatorialGrid grid, Map<String, double[][]> fields) {
        Table t = Table.create("Local SST statistics along the equator", StringColumn.create("source"),
                DoubleColumn.create("longitude"), DoubleColumn.create("std"), DoubleColumn.create("skewness"));
        double[] lon = grid.longitudes();
        for (Map.Entry<String, double[][]> e : fields.entrySet()) {
            double[][] f = e.getValue();
            for (int i = 0; i < lon.length; i++) {
                double[] col = new double[f.length];
                for (int n = 0; n < f.length; n++) {
                    col[n] = f[n][i];
                }
                t.stringColumn(0).append(e.getKey());
                t.doubleColumn(1).append(lon[i]);
                t.doubleColumn(2).append(Math.sqrt(EnsoStatistics.variance(col)));
                t.doubleColumn(3).append(EnsoStatistics.skewness(col));
            }
        }
        return t;
    }

    /**
     * Figure 1: Hovmöller diagrams of the first 30 years of truth and operational SST, the Niño3
     * histograms, the Niño3 spectra, and local standard deviation and skewness along the equator.
     * The data table is {@link #statistics}.
     */
    public static Figure figure1(Data d) {
        Map<String, double[][]> sources = new LinkedHashMap<>();
        sources.put("truth", d.truth());
        sources.put("operational", d.operational());
        Table stats = statistics(sources);
        List<Chart<?, ?>> panels = new ArrayList<>();
        int months = Math.min(360, d.truthField().length);
        for (String src : List.of("Truth", "Operational")) {
            var h = Charts.hovmoller(src + " SST anomaly (K), first 30 years",
                    head(src.equals("Truth") ? d.truthField() : d.operationalField(), months), null, 1.0 / 12, -3, 3,
                    true);
            h.setXAxisTitle("years");
            h.setYAxisTitle("longitude index (120°E → 80°W, 2°)");
            panels.add(h);
        }
        Map<String, double[]> pdf = new LinkedHashMap<>();
        double[] bins = new double[41];
        for (int i = 0; i < bins.length; i++) {
            bins[i] = -3 + 0.15 * i;
        }
        pdf.put("truth Niño3", histogram(d.truth(0), bins));
        pdf.put("operational Niño3", histogram(d.operational(0), bins));
        panels.add(Charts.lines("Niño3 PDF", "K", "density", bins, pdf));
        double[][] st = EnsoStatistics.spectrum(d.truth(0), 256);
        double[][] so = EnsoStatistics.spectrum(d.operational(0), 256);
        Map<String, double[]> spec = new LinkedHashMap<>();
        spec.put("truth", st[1]);
        spec.put("operational", so[1]);
        panels.add(Charts.lines("Niño3 power spectrum", "period (years)", "power", st[0], spec));
        Table local = localStatistics(d.grid(), Map.of("truth", d.truthField(), "operational", d.operationalField()));
        Map<String, double[]> sd = new LinkedHashMap<>();
        Map<String, double[]> sk = new LinkedHashMap<>();
        for (String src : List.of("truth", "operational")) {
            Table part = local.where(local.stringColumn("source").isEqualTo(src));
            sd.put(src, part.doubleColumn("std").asDoubleArray());
            sk.put(src, part.doubleColumn("skewness").asDoubleArray());
        }
        panels.add(Charts.lines("Local SST standard deviation", "longitude (°E)", "K", d.grid().longitudes(), sd));
        panels.add(Charts.lines("Local SST skewness", "longitude (°E)", "skewness", d.grid().longitudes(), sk));
        return new Figure("Behnoudfar et al. Fig. 1: truth vs operational model", stats, panels, 2);
    }

    /** Probability density of x on bin centres (bins equally spaced). */
    static double[] histogram(double[] x, double[] centres) {
        double w = centres[1] - centres[0];
        double[] h = new double[centres.length];
        for (double v : x) {
            int i = (int) Math.round((v - centres[0]) / w);
            if (i >= 0 && i < h.length) {
                h[i] += 1.0 / (x.length * w);
            }
        }
        return h;
    }

    private static double[][] head(double[][] f, int n) {
        double[][] h = new double[n][];
        for (int i = 0; i < n; i++) {
            h[i] = f[i];
        }
        return h;
    }
}
