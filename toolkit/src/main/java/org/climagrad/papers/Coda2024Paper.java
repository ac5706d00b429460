package org.climagrad.papers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.climagrad.coda.CodaModel;
import org.climagrad.core.Check;
import org.climagrad.da.DaResult;
import org.climagrad.obs.Climatology;
import org.climagrad.obs.Observations;
import org.climagrad.obs.Twin;
import org.climagrad.plot.Figure;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper-scale CODA results (Zinchenko &amp; Greenberg 2024, Figs. 3 and 4b) computed with a
 * trained network, e.g. a shipped one ({@link Coda2024#paperNetwork()}), on twins of new seeds
 * the training never saw. The claims these support, with the numbers the shipped networks reach,
 * are in {@code datasets/coda/README.md} and asserted by {@code Coda2024PaperTest}.
 */
public final class Coda2024Paper {
    private Coda2024Paper() {}

    /**
     * Fig. 3: mean analysis RMSE of OI, the EnKF (filter), the EnKS (smoother) and CODA on one
     * fresh twin of the Fig. 3 setting (exactly 30 of 40 missing, σ = 1), over the same times
     * t ∈ [max(burnIn, w), T − 1 − w] (every CODA window complete). The climatology of OI and of
     * the ensembles' first draw is estimated from an independent run (seed + 1); the EnKF row is
     * the filter analysis of the same EnKS run (the LETKF of {@link CodaBaselines}).
     *
     * @param coda the trained network
     * @param times observation times T of the twin, ≥ 2w + 2 + burnIn
     * @param burnIn times left out at the start (the filters' spin-up), ≥ 0
     * @param seed seed of the twin (not a training seed)
     * @return columns method, RMSE, "RMSE − EnKS"; rows OI, EnKF, EnKS, CODA
     */
    public static Table figure3Comparison(CodaModel coda, int times, int burnIn, long seed) {
        return figure3Comparison(Map.of("CODA", coda), times, burnIn, seed);
    }

    /**
     * {@link #figure3Comparison(CodaModel, int, int, long)} for several networks on the same twin
     * and baselines: one row per network, labelled by its key (times common to all: the widest
     * window decides).
     */
    public static Table figure3Comparison(Map<String, CodaModel> codas, int times, int burnIn, long seed) {
        if (codas.isEmpty()) {
            throw new IllegalArgumentException("codas: at least one network required");
        }
        int w = codas.values().stream().mapToInt(CodaModel::halfWidth).max().orElseThrow();
        Check.atLeast("burnIn", burnIn, 0);
        Check.atLeast("times", times, Math.max(burnIn, w) + w + 2);
        Twin twin = Coda2024Training.twin(times, seed);
        Climatology clim = CodaBaselines.climatology(seed + 1);
        Map<String, double[][]> estimates = new LinkedHashMap<>();
        estimates.put("OI", CodaBaselines.optimalInterpolation(clim).assimilate(twin).analysisMean());
        DaResult enks = CodaBaselines.enks(clim, seed + 2).assimilate(twin);
        estimates.put("EnKF", enks.analysisMean());
        estimates.put("EnKS", enks.smootherMean().orElseThrow());
        for (Map.Entry<String, CodaModel> e : new java.util.TreeMap<>(codas).entrySet()) {
            estimates.put(e.getKey(), e.getValue().analyseAll(twin.observations()));
        }
        int from = Math.max(burnIn, w);
        int to = times - 1 - w;
        double[][] truth = twin.truth();
        Table t = Table.create("CODA Fig. 3 on a fresh twin (seed " + seed + ", T = " + times + ", times " + from + ".."
                + to + ")", StringColumn.create("method"), DoubleColumn.create("RMSE"),
                DoubleColumn.create("RMSE - EnKS"));
        Map<String, Double> rmse = new LinkedHashMap<>();
        for (Map.Entry<String, double[][]> e : estimates.entrySet()) {
            double sum = 0;
            for (int i = from; i <= to; i++) {
                sum += DaResult.rmse(e.getValue()[i], truth[i]);
            }
            rmse.put(e.getKey(), sum / (to - from + 1));
        }
        for (Map.Entry<String, Double> e : rmse.entrySet()) {
            t.stringColumn(0).append(e.getKey());
            t.doubleColumn(1).append(e.getValue());
            t.doubleColumn(2).append(e.getValue() - rmse.get("EnKS"));
        }
        return t;
    }

    /**
     * Fig. 4b on the paper's grid or any other: the network (trained at 75 % missing, σ = 1)
     * evaluated without retraining on a fresh twin per (missing, σ), every variable scored,
     * unobserved ones included ({@link Coda2024Sensitivity#figure4b}).
     *
     * @param testTimes observation times of each test twin
     * @param seed seed of the test twins (twin i uses seed + 1000 + i)
     */
    public static Figure figure4b(CodaModel coda, double[] missing, double[] sigmas, int testTimes, long seed) {
        Coda2024Sensitivity.Settings s = Coda2024Sensitivity.Settings.of(org.climagrad.core.Profile.FAST);
        Coda2024Sensitivity.Settings grid = new Coda2024Sensitivity.Settings(s.trainTimes(), testTimes, s.pairs(),
                s.alphas(), s.coda(), missing, sigmas, seed);
        return Coda2024Sensitivity.figure4b(coda, grid);
    }

    /** The paper's Fig. 4b grid: missing fractions 0.1 … 0.95. */
    public static double[] paperMissing() {
        return new double[] {0.1, 0.25, 0.5, 0.75, 0.85, 0.9, 0.95};
    }

    /** The paper's Fig. 4b grid: σ 0.1 … 3. */
    public static double[] paperSigmas() {
        return new double[] {0.1, 0.25, 0.5, 1, 2, 3};
    }

    /**
     * Fig. 3 (forecast panel) over independent observation sets, as {@link
     * Coda2024#figure3ForecastOverSets}, with CODA analysing only the one window the forecasts
     * start from and one EnKS run per set giving both the EnKF (its filter analysis) and the EnKS
     * (its smoother): the same numbers, a fraction of the work for 1,000 sets.
     *
     * @param sets observation sets (the paper: 1,000)
     * @param seed the settings' seed (sets use seed + 10 000 + i)
     */
    public static Figure forecastOverSets(CodaModel coda, int sets, long seed) {
        return forecastOverSets(Map.of("CODA", coda), sets, seed);
    }

    /**
     * {@link #forecastOverSets(CodaModel, int, long)} for several networks on the same sets and
     * baselines (columns "&lt;key&gt; mean" and "&lt;key&gt; std"; the widest window sets the start).
     */
    public static Figure forecastOverSets(Map<String, CodaModel> codas, int sets, long seed) {
        Check.atLeast("sets", sets, 1);
        if (codas.isEmpty()) {
            throw new IllegalArgumentException("codas: at least one network required");
        }
        Coda2024.Settings settings = new Coda2024.Settings(Coda2024.SET_TIMES, 0, 1, seed);
        int start = Coda2024.SET_TIMES - 1 - codas.values().stream().mapToInt(CodaModel::halfWidth).max().orElseThrow();
        List<Twin> twins = new java.util.ArrayList<>();
        for (int i = 0; i < sets; i++) {
            twins.add(CodaBaselines.experiment(Coda2024.SET_TIMES, settings.seed() + 10_000 + i).generate());
        }
        Climatology clim = CodaBaselines.climatology(settings.seed() + 1);
        Map<String, Function<Twin, double[][]>> methods = new LinkedHashMap<>();
        // One EnKS run per set gives the EnKF (its filter analysis, the LETKF) and the EnKS (its smoother).
        Map<Twin, double[][]> smoothed = new java.util.concurrent.ConcurrentHashMap<>(); // Twin: identity of its arrays
        methods.put("OI", t -> CodaBaselines.optimalInterpolation(clim).assimilate(t).analysisMean());
        methods.put("EnKF", t -> {
            DaResult r = CodaBaselines.enks(clim, settings.seed() + 2).assimilate(t);
            smoothed.put(t, r.smootherMean().orElseThrow());
            return r.analysisMean();
        });
        methods.put("EnKS", t -> smoothed.remove(t));
        for (Map.Entry<String, CodaModel> e : new java.util.TreeMap<>(codas).entrySet()) {
            CodaModel coda = e.getValue();
            int w = coda.halfWidth();
            methods.put(e.getKey(), t -> {
                Observations o = t.observations();
                Observations window = new Observations(java.util.Arrays.copyOfRange(o.values(), start - w, start + w + 1),
                        java.util.Arrays.copyOfRange(o.mask(), start - w, start + w + 1), o.sigma());
                double[][] out = new double[t.times()][];
                out[start] = coda.analyse(window)[0];
                return out;
            });
        }
        return Coda2024Figures.forecastSkillOverSets(twins, methods, start, 500, 5);
    }

    /**
     * Whether CODA's mean forecast RMSE lies within the EnKS's spread (mean ± one standard
     * deviation over the sets) at every lead of a {@link #forecastOverSets} table; returns the
     * first lead time where it does not, or NaN if it does everywhere.
     */
    public static double firstLeadOutsideEnksSpread(Table forecast) {
        return firstLeadOutsideEnksSpread(forecast, "CODA");
    }

    /** The same for the network labelled {@code name} in a several-network table. */
    public static double firstLeadOutsideEnksSpread(Table forecast, String name) {
        DoubleColumn lead = forecast.doubleColumn("lead time");
        DoubleColumn coda = forecast.doubleColumn(name + " mean");
        DoubleColumn enks = forecast.doubleColumn("EnKS mean");
        DoubleColumn sd = forecast.doubleColumn("EnKS std");
        for (int i = 0; i < lead.size(); i++) {
            if (Math.abs(coda.getDouble(i) - enks.getDouble(i)) > sd.getDouble(i)) {
                return lead.getDouble(i);
            }
        }
        return Double.NaN;
    }

    /**
     * A table shipped with a paper network ({@code datasets/coda/<folder>/<file>}): {@code curve.csv}
     * (the learning curve), {@code fig3-comparison.csv}, {@code fig4b-grid.csv},
     * {@code fig3-forecast-sets.csv}.
     */
    public static Table shippedTable(Coda2024.PaperNetwork network, String file) {
        return shippedTable(network.folder() + "/" + file);
    }

    /**
     * A table shipped in {@code datasets/coda/} by its path there: the shared
     * {@code fig3-comparison.csv} and {@code fig3-forecast-sets.csv} (every shipped network next to
     * the same baselines), or {@code <folder>/<file>}.
     */
    public static Table shippedTable(String path) {
        try (java.io.InputStream in = Coda2024.shippedResource(path)) {
            return Table.read().usingOptions(tech.tablesaw.io.csv.CsvReadOptions.builder(in).tableName(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not read resource coda/" + path, e);
        }
    }

    /** The learning curves of the shipped networks: analysis RMSE on the evaluation twin against gradient step. */
    public static Figure learningCurves(Coda2024.PaperNetwork... networks) {
        Table all = Table.create("CODA paper-scale learning curves", StringColumn.create("network"),
                DoubleColumn.create("step"), DoubleColumn.create("wall_s"), DoubleColumn.create("eval_rmse"));
        org.knowm.xchart.XYChart chart = org.climagrad.plot.Charts.lines("CODA training on a 2-core CPU: analysis RMSE "
                + "on an independent twin", "gradient step", "analysis RMSE", new double[0], Map.of());
        for (Coda2024.PaperNetwork n : networks) {
            Table c = shippedTable(n, "curve.csv");
            List<Double> steps = new java.util.ArrayList<>();
            List<Double> rmse = new java.util.ArrayList<>();
            for (int r = 0; r < c.rowCount(); r++) {
                double step = c.numberColumn("step").getDouble(r);
                double e = c.numberColumn("eval_rmse").getDouble(r);
                if (Double.isFinite(e)) {
                    steps.add(step);
                    rmse.add(e);
                    all.stringColumn(0).append(n.name());
                    all.doubleColumn(1).append(step);
                    all.doubleColumn(2).append(c.numberColumn("wall_s").getDouble(r));
                    all.doubleColumn(3).append(e);
                }
            }
            chart.addSeries(n.name() + " " + java.util.Arrays.toString(n.architecture().channels()), steps, rmse);
        }
        return Figure.of("CODA paper-scale learning curves", all, chart);
    }

    /** Fig. 4b of a shipped network, from its {@code fig4b-grid.csv} (heat map of RMSE / σ). */
    public static Figure shippedFigure4b(Coda2024.PaperNetwork network) {
        Table t = shippedTable(network, "fig4b-grid.csv");
        double[] missing = java.util.Arrays.stream(t.numberColumn("missing").asDoubleArray()).distinct().toArray();
        double[] sigmas = java.util.Arrays.stream(t.numberColumn("sigma").asDoubleArray()).distinct().toArray();
        java.util.Arrays.sort(missing);
        java.util.Arrays.sort(sigmas);
        double[][] ratio = new double[missing.length][sigmas.length];
        for (int r = 0; r < t.rowCount(); r++) {
            int i = java.util.Arrays.binarySearch(missing, t.numberColumn("missing").getDouble(r));
            int j = java.util.Arrays.binarySearch(sigmas, t.numberColumn("sigma").getDouble(r));
            ratio[i][j] = t.numberColumn("RMSE/sigma").getDouble(r);
        }
        return Figure.of("CODA Fig. 4b (shipped " + network + " network)", t, org.climagrad.plot.Charts.grid(
                "Analysis RMSE / sigma, " + network + " network trained at 75% missing, sigma = 1", "missing fraction",
                missing, "observation noise sigma", sigmas, ratio));
    }

    /**
     * The CODA loss (eq. 6, α = 1) as a function of F with the network's analyses held fixed: for
     * every {@code stride}-th centre t with a complete window at t + R, the data term (observed
     * y_{t..t+R} against M_F^j(x̂_t), mean over observed entries) and the model term
     * (x̂_{t+R} against M_F^R(x̂_t), mean over entries). Its minimum is the F that joint tuning
     * (Fig. 5) moves towards once the network has converged; a network whose analyses are
     * faithful puts it at the true F.
     *
     * @param coda a trained network
     * @param twin observations (the truth is not used)
     * @param rolloutSteps R ≥ 1
     * @param forcings the F values, each in [1, 30]
     * @param stride centres between samples, ≥ 1
     * @return columns F, data, model, total
     */
    public static Table forcingProfile(CodaModel coda, Twin twin, int rolloutSteps, double[] forcings, int stride) {
        Check.atLeast("rolloutSteps", rolloutSteps, 1);
        Check.atLeast("stride", stride, 1);
        for (double f : forcings) {
            Check.inClosed("forcings", f, 1, 30);
        }
        Observations obs = twin.observations();
        double[][] a = coda.analyse(obs);
        int w = coda.halfWidth();
        int count = (a.length - rolloutSteps + stride - 1) / stride;
        Check.atLeast("twin times", count, 1);
        double[][] x0 = new double[count][];
        for (int i = 0; i < count; i++) {
            x0[i] = a[i * stride];
        }
        Table t = Table.create("CODA loss against F (analyses fixed)", DoubleColumn.create("F"),
                DoubleColumn.create("data"), DoubleColumn.create("model"), DoubleColumn.create("total"));
        for (double f : forcings) {
            double[][][] traj = CodaBaselines.rollout().simulate(x0, new double[] {f}, rolloutSteps, 1);
            double data = 0;
            long observed = 0;
            double model = 0;
            for (int i = 0; i < count; i++) {
                int centre = w + i * stride;
                for (int j = 0; j <= rolloutSteps; j++) {
                    double[] y = obs.valuesAt(centre + j);
                    boolean[] m = obs.maskAt(centre + j);
                    for (int k = 0; k < y.length; k++) {
                        if (m[k]) {
                            double e = y[k] - traj[i][j][k];
                            data += e * e;
                            observed++;
                        }
                    }
                }
                double[] shifted = a[i * stride + rolloutSteps];
                for (int k = 0; k < shifted.length; k++) {
                    double e = shifted[k] - traj[i][rolloutSteps][k];
                    model += e * e;
                }
            }
            data /= Math.max(observed, 1);
            model /= (double) count * a[0].length;
            t.doubleColumn(0).append(f);
            t.doubleColumn(1).append(data);
            t.doubleColumn(2).append(model);
            t.doubleColumn(3).append(data + model);
        }
        return t;
    }

    /**
     * A Fig. 4a network shipped in {@code datasets/coda/fig4a/<run>/} (channels
     * {@link Coda2024Sweeps#CHANNELS}; the caller closes it).
     */
    public static CodaModel fig4aNetwork(Coda2024Sweeps.Fig4aRun run) {
        return Coda2024.loadShipped("fig4a/" + run.folder(),
                org.climagrad.coda.CodaNet.builder().optChannels(Coda2024Sweeps.CHANNELS).build());
    }

    /**
     * Fig. 4a from the shipped campaign ({@code fig4a/fig4a.csv}): the analysis RMSE on the
     * held-out twins against α, one line per (w, R), every network trained for the same number
     * of gradient steps.
     */
    public static Figure shippedFigure4a() {
        Table t = shippedTable("fig4a/fig4a.csv");
        org.knowm.xchart.XYChart chart = org.climagrad.plot.Charts.lines("CODA Fig. 4a: analysis RMSE (held-out twins) "
                + "vs alpha, " + (long) t.numberColumn("steps").getDouble(0) + " steps per network", "alpha",
                "analysis RMSE", new double[0], Map.of());
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String pair = "w=" + (long) t.numberColumn("w").getDouble(r) + ", R=" + (long) t.numberColumn("R").getDouble(r);
            lines.computeIfAbsent(pair, k -> new java.util.ArrayList<>()).add(new double[] {
                t.numberColumn("alpha").getDouble(r), t.numberColumn("heldout_rmse_mean").getDouble(r)});
        }
        lines.forEach((pair, points) -> chart.addSeries(pair, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray()));
        return Figure.of("CODA Fig. 4a (shipped campaign)", t, chart);
    }

    /**
     * Fig. 5 from the shipped campaign: the runs ({@code fig5/fig5-runs.csv}: true F, seed, initial
     * and tuned F, relative error, test RMSE), F against gradient step and the test twin's analysis
     * RMSE against gradient step for every run ({@code fig5/<run>.csv}).
     */
    public static Figure shippedFigure5() {
        Table runs = shippedTable("fig5/fig5-runs.csv");
        org.knowm.xchart.XYChart f = org.climagrad.plot.Charts.lines("CODA Fig. 5: F during joint tuning",
                "gradient step", "F", new double[0], Map.of());
        org.knowm.xchart.XYChart e = org.climagrad.plot.Charts.lines("CODA Fig. 5: analysis RMSE of the test twin",
                "gradient step", "analysis RMSE", new double[0], Map.of());
        for (int r = 0; r < runs.rowCount(); r++) {
            double trueF = runs.numberColumn("trueF").getDouble(r);
            long seed = (long) runs.numberColumn("seed").getDouble(r);
            String name = new Coda2024Sweeps.Fig5Run(trueF, seed).name();
            Table trace = shippedTable("fig5/" + name + ".csv");
            f.addSeries(name, trace.numberColumn("step").asDoubleArray(), trace.numberColumn("F").asDoubleArray())
                    .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            Table diag = trace.where(trace.numberColumn("test_rmse").isNotMissing());
            e.addSeries(name, diag.numberColumn("step").asDoubleArray(), diag.numberColumn("test_rmse").asDoubleArray());
        }
        return new Figure("CODA Fig. 5 (shipped campaign)", runs, List.of(f, e), 2);
    }

    /**
     * The B_ψ of Figs. 6-7 shipped in {@code datasets/coda/subgrid/psi.params}, trained jointly with
     * CODA on the two-level twin; its arrays live in {@code manager}.
     */
    public static ai.djl.nn.Block shippedCorrection(ai.djl.ndarray.NDManager manager) {
        try (java.io.InputStream in = Coda2024.shippedResource("subgrid/psi.params")) {
            return Coda2024SubGrid.loadCorrection(in, manager);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not read resource coda/subgrid/psi.params", e);
        }
    }

    /**
     * Figs. 6-7 from the shipped campaign: the analysis RMSE of OI, the EnKS and both CODA
     * networks on a held-out two-level twin ({@code subgrid/subgrid-analysis.csv}), B_ψ against the
     * binned true coupling −hc·z̄ ({@code fig7a-bins.csv}) and the free-run RMSE over 1,000 initial
     * conditions ({@code fig7b-free-runs.csv}).
     */
    public static Figure shippedFigure7() {
        Table analysis = shippedTable("subgrid/subgrid-analysis.csv");
        Table bins = shippedTable("subgrid/fig7a-bins.csv");
        Table free = shippedTable("subgrid/fig7b-free-runs.csv");
        Map<String, double[]> a = new LinkedHashMap<>();
        a.put("true -hc*mean(z) given x", bins.numberColumn("true mean").asDoubleArray());
        a.put("B_psi(x)", bins.numberColumn("B_psi(x)").asDoubleArray());
        Map<String, double[]> b = new LinkedHashMap<>();
        b.put("truncated model", free.numberColumn("truncated").asDoubleArray());
        b.put("with learned B_psi", free.numberColumn("corrected").asDoubleArray());
        return new Figure("CODA Figs. 6-7 (shipped campaign)", analysis, List.of(
                org.climagrad.plot.Charts.lines("Fig. 7a: sub-grid term vs x", "x_k", "dx_k/dt contribution",
                        bins.numberColumn("x").asDoubleArray(), a),
                org.climagrad.plot.Charts.lines("Fig. 7b: free-run RMSE (" + 1_000 + " initial conditions)",
                        "lead time (MTU)", "RMSE", free.numberColumn("lead").asDoubleArray(), b)), 2);
    }

    /**
     * Writes the shipped result tables of trained networks: into OUT, {@code fig3-comparison.csv}
     * (three fresh twins, every network next to the same baselines) and
     * {@code fig3-forecast-sets.csv} (the forecast panel over SETS sets); into OUT/&lt;folder&gt;,
     * each network's {@code fig4b-grid.csv} (the paper's grid, test twins of GRID_TIMES times).
     * Arguments: OUT SETS GRID_TIMES then, per network, NAME=MODEL_FOLDER (NAME a
     * {@link Coda2024.PaperNetwork}).
     */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path out = java.nio.file.Path.of(args[0]);
        int sets = Integer.parseInt(args[1]);
        int gridTimes = Integer.parseInt(args[2]);
        Map<String, CodaModel> models = new LinkedHashMap<>();
        Map<String, Coda2024.PaperNetwork> networks = new LinkedHashMap<>();
        for (int a = 3; a < args.length; a++) {
            String[] kv = args[a].split("=", 2);
            Coda2024.PaperNetwork n = Coda2024.PaperNetwork.valueOf(kv[0]);
            models.put("CODA " + n.name(), CodaModel.load(java.nio.file.Path.of(kv[1]), n.architecture()));
            networks.put("CODA " + n.name(), n);
        }
        long t0 = System.nanoTime();
        Table cmp = null;
        for (long seed : COMPARISON_SEEDS) {
            Table t = figure3Comparison(models, COMPARISON_TIMES, COMPARISON_BURN_IN, seed);
            long[] seeds = new long[t.rowCount()];
            java.util.Arrays.fill(seeds, seed);
            t.insertColumn(0, tech.tablesaw.api.LongColumn.create("seed", seeds));
            cmp = cmp == null ? t : cmp.append(t);
            System.out.println(t.printAll());
        }
        java.nio.file.Files.createDirectories(out);
        writeCsv(cmp, out.resolve("fig3-comparison.csv"));
        for (Map.Entry<String, CodaModel> e : models.entrySet()) {
            Figure grid = figure4b(e.getValue(), paperMissing(), paperSigmas(), gridTimes, GRID_SEED);
            java.nio.file.Path dir = out.resolve(networks.get(e.getKey()).folder());
            java.nio.file.Files.createDirectories(dir);
            writeCsv(grid.data(), dir.resolve("fig4b-grid.csv"));
            System.out.println(e.getKey() + "\n" + grid.data().printAll());
        }
        Figure forecast = forecastOverSets(models, sets, FORECAST_SEED);
        writeCsv(forecast.data(), out.resolve("fig3-forecast-sets.csv"));
        for (String name : models.keySet()) {
            System.out.printf(java.util.Locale.ROOT, "%s: first lead outside the EnKS spread: %s%n", name,
                    firstLeadOutsideEnksSpread(forecast.data(), name));
        }
        System.out.printf(java.util.Locale.ROOT, "%.0f s%n", (System.nanoTime() - t0) / 1e9);
        models.values().forEach(CodaModel::close);
    }

    /** Seeds of the fresh twins of the shipped Fig. 3 comparison (never training or evaluation seeds). */
    public static final long[] COMPARISON_SEEDS = {70_001, 70_002, 70_003};
    /** Observation times of each comparison twin. */
    public static final int COMPARISON_TIMES = 2_000;
    /** Burn-in of the comparison (the filters' spin-up). */
    public static final int COMPARISON_BURN_IN = 200;
    /** Seed of the shipped Fig. 4b test twins. */
    public static final long GRID_SEED = 71_000;
    /** Seed of the shipped forecast panel's observation sets (sets use seed + 10 000 + i). */
    public static final long FORECAST_SEED = 72_000;

    private static void writeCsv(Table t, java.nio.file.Path file) {
        org.climagrad.core.AtomicFiles.write(file, tmp -> t.write().csv(tmp.toFile()));
    }
}
