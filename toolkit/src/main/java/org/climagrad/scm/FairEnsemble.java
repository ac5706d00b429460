package org.climagrad.scm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A calibrated FaIR ensemble over several pathways: every member of a parameter ensemble (e.g.
 * fair-calibrate v1.4.1's 841) on every scenario, run in parallel on the CPU, summarised per
 * pathway and year by percentiles of surface warming (relative to a baseline period of each
 * member), CO2 concentration and total effective radiative forcing. Memory: one scenario's
 * members × years × 3 values at a time (15 MB for 841 members over 751 years), whatever the number
 * of scenarios. Immutable; build with {@link #builder()}.
 */
public final class FairEnsemble {
    /** The summarised variables. */
    public enum Variable {
        /** Surface warming above the baseline period, K. */
        WARMING,
        /** Atmospheric CO2, ppm. */
        CO2,
        /** Total effective radiative forcing, W m⁻². */
        ERF
    }

    /** The percentiles of the summary table. */
    public static final double[] PERCENTILES = {5, 16, 50, 84, 95};

    private final FairSpeciesTable species;
    private final List<FairMember> members;
    private final List<FairScenario> scenarios;
    private final FairRun.Years baseline;
    private final int threads;
    private final Consumer<String> progress;

    private FairEnsemble(Builder b) {
        species = b.species;
        members = List.copyOf(b.members);
        scenarios = List.copyOf(b.scenarios);
        baseline = b.baseline;
        threads = b.threads;
        progress = b.progress;
    }

    /**
     * Runs every member on every scenario.
     *
     * @return per scenario, year (time bound) and variable the {@link #PERCENTILES} over members
     */
    public Result run() {
        StringColumn scenarioCol = StringColumn.create("scenario");
        IntColumn yearCol = IntColumn.create("year");
        StringColumn variableCol = StringColumn.create("variable");
        DoubleColumn[] pc = new DoubleColumn[PERCENTILES.length];
        for (int q = 0; q < pc.length; q++) {
            pc[q] = DoubleColumn.create(String.format(Locale.ROOT, "p%.0f", PERCENTILES[q]));
        }
        int co2 = species.index("CO2");
        int total = members.size() * scenarios.size();
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (FairScenario scenario : scenarios) {
                int bounds = scenario.years() + 1;
                double[][][] v = new double[Variable.values().length][members.size()][];
                pool.submit(() -> IntStream.range(0, members.size()).parallel().forEach(i -> {
                    FairRun r = Fair.builder().setSpecies(species).setMember(members.get(i)).build().run(scenario);
                    double base = r.meanSurfaceTemperature(baseline);
                    double[] w = new double[bounds];
                    double[] c = new double[bounds];
                    double[] f = new double[bounds];
                    for (int b = 0; b < bounds; b++) {
                        w[b] = r.surfaceTemperature(b) - base;
                        c[b] = r.concentration(b, co2);
                        f[b] = r.forcingSum(b);
                    }
                    v[Variable.WARMING.ordinal()][i] = w;
                    v[Variable.CO2.ordinal()][i] = c;
                    v[Variable.ERF.ordinal()][i] = f;
                    int k = done.incrementAndGet();
                    if (progress != null && (k % 500 == 0 || k == total)) {
                        progress.accept(String.format(Locale.ROOT, "FaIR ensemble: %d / %d runs, %.1f s", k, total,
                                (System.nanoTime() - t0) / 1e9));
                    }
                })).join();
                double[] column = new double[members.size()];
                for (Variable var : Variable.values()) {
                    for (int b = 0; b < bounds; b++) {
                        for (int i = 0; i < column.length; i++) {
                            column[i] = v[var.ordinal()][i][b];
                        }
                        Arrays.sort(column);
                        scenarioCol.append(scenario.name());
                        yearCol.append(scenario.firstYear() + b);
                        variableCol.append(var.name());
                        for (int q = 0; q < pc.length; q++) {
                            pc[q].append(percentile(column, PERCENTILES[q]));
                        }
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
        Table t = Table.create("FaIR ensemble", scenarioCol, yearCol, variableCol);
        t.addColumns(pc);
        return new Result(t, members.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** The percentile {@code p} (0-100) of sorted values, linear between order statistics (numpy's default). */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p / 100;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The ensemble's summary.
     *
     * @param table columns scenario, year, variable ({@link Variable} name), p5, p16, p50, p84, p95
     * @param members the number of members
     * @param seconds the wall time of the runs
     */
    public record Result(Table table, int members, double seconds) {
        /** Rows of one scenario and variable, in year order (a new table). */
        public Table of(String scenario, Variable variable) {
            return table.where(table.stringColumn("scenario").isEqualTo(scenario)
                    .and(table.stringColumn("variable").isEqualTo(variable.name())));
        }

        /** The percentile {@code column} (e.g. "p50") of a scenario and variable in {@code year}. */
        public double value(String scenario, Variable variable, int year, String column) {
            Table t = of(scenario, variable);
            IntColumn years = t.intColumn("year");
            for (int r = 0; r < t.rowCount(); r++) {
                if (years.getInt(r) == year) {
                    return t.doubleColumn(column).getDouble(r);
                }
            }
            throw new IllegalArgumentException("year: " + year + " is not in the runs of '" + scenario + "'");
        }
    }

    /** A builder: {@code setSpecies}, {@code setMembers} and {@code setScenarios} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link FairEnsemble}. */
    public static final class Builder {
        private FairSpeciesTable species;
        private List<FairMember> members;
        private List<FairScenario> scenarios;
        private FairRun.Years baseline = FairRun.Years.preIndustrial();
        private int threads = Runtime.getRuntime().availableProcessors();
        private Consumer<String> progress;

        private Builder() {}

        /** The species configuration (required). */
        public Builder setSpecies(FairSpeciesTable species) {
            this.species = species;
            return this;
        }

        /** The parameter ensemble (required, at least one member). */
        public Builder setMembers(List<FairMember> members) {
            this.members = new ArrayList<>(members);
            return this;
        }

        /** The pathways (required, at least one; all read for the same species configuration). */
        public Builder setScenarios(java.util.Collection<FairScenario> scenarios) {
            this.scenarios = new ArrayList<>(scenarios);
            return this;
        }

        /** The baseline period of warming (default 1850-1900). */
        public Builder optBaseline(FairRun.Years baseline) {
            this.baseline = baseline;
            return this;
        }

        /** Worker threads (default: the available processors). */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Receives a progress line every 500 runs and at the end (default: none). */
        public Builder optProgress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        /** Validates and builds; the error names the field. */
        public FairEnsemble build() {
            if (species == null) {
                throw new IllegalArgumentException("species: required");
            }
            if (members == null || members.isEmpty()) {
                throw new IllegalArgumentException("members: need at least one member");
            }
            if (scenarios == null || scenarios.isEmpty()) {
                throw new IllegalArgumentException("scenarios: need at least one scenario");
            }
            if (baseline == null) {
                throw new IllegalArgumentException("baseline: required");
            }
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads: need 1..256, got " + threads);
            }
            for (FairScenario s : scenarios) {
                int last = s.firstYear() + s.years() - 1;
                if (baseline.first() < s.firstYear() || baseline.last() > last) {
                    throw new IllegalArgumentException("baseline: " + baseline + " is outside scenario '" + s.name()
                            + "' (" + s.firstYear() + ".." + last + ")");
                }
            }
            return new FairEnsemble(this);
        }
    }
}
