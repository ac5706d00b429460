package org.climagrad.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.climagrad.core.Check;
import org.climagrad.core.Profile;
import org.climagrad.design.ScenarioDesign;
import org.climagrad.emulator.EmulatorSkill;
import org.climagrad.emulator.MlpEmulator;
import org.climagrad.emulator.RidgeEmulator;
import org.climagrad.plot.Charts;
import org.climagrad.scenario.Idealised;
import org.climagrad.zonal.ZonalEbm;
import org.climagrad.zonal.ZonalSkill;
import org.climagrad.plot.Figure;
import org.climagrad.scenario.Agent;
import org.climagrad.scenario.Cmip7;
import org.climagrad.scenario.Scenario;
import org.climagrad.scenario.ScenarioTables;
import org.climagrad.plot.ScenarioCharts;
import org.climagrad.scm.ForcingTerm;
import org.climagrad.scm.ScmParameters;
import org.climagrad.scm.ScmResult;
import org.climagrad.scm.ScmRunner;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Womack et al. (2026), "Optimal scenario design for climate emulation" (arXiv 2606.19302): the
 * scenarios and the differentiable simple climate model behind the paper's experiments. Entry
 * points return {@link Figure}s (data + charts) and tables for the notebooks.
 */
public final class Womack2026 {
    private Womack2026() {}

    /**
     * Experiment (1), first half: the CMIP7 draft pathways by agent (one panel per agent), long
     * table scenario / year / agent / emission.
     */
    public static Figure pathways(List<Scenario> scenarios) {
        Table data = Table.create("Emission pathways by agent", StringColumn.create("scenario"),
                IntColumn.create("year"), StringColumn.create("agent"), DoubleColumn.create("emission"),
                StringColumn.create("unit"));
        for (Scenario s : scenarios) {
            for (Agent a : Agent.values()) {
                double[] v = s.emissions(a);
                for (int i = 0; i < v.length; i++) {
                    data.stringColumn(0).append(s.name());
                    data.intColumn(1).append(s.firstYear() + i);
                    data.stringColumn(2).append(a.variable());
                    data.doubleColumn(3).append(v[i]);
                    data.stringColumn(4).append(a.unit());
                }
            }
        }
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (Agent a : Agent.values()) {
            panels.add(ScenarioCharts.chart(a, scenarios));
        }
        return new Figure("Emission pathways by agent", data, panels, 2);
    }

    /** The seven CMIP7 draft pathways, 1750-2500 ({@link Cmip7#all()}). */
    public static List<Scenario> cmip7() {
        return List.copyOf(Cmip7.all().values());
    }

    /**
     * The SCM's calibration against the AR6 numbers: ECS and TCR from the parameters and from
     * simulated abrupt-4×CO2 (3000 years) and 1pctCO2 runs, 2×CO2 ERF, historical warming
     * 1850-1900 → 2011-2020 and 2019 aerosol ERF, concentrations in 2019.
     *
     * @return columns quantity, model, AR6 (assessed or observed central value), AR6 range
     */
    public static Table scmDiagnostics(ScmParameters p) {
        Table t = Table.create("SCM diagnostics vs AR6", StringColumn.create("quantity"), DoubleColumn.create("model"),
                DoubleColumn.create("AR6"), StringColumn.create("AR6 range"));
        ScmResult hist = ScmRunner.run(List.of(Cmip7.history()), p);
        ScmResult x2 = ScmRunner.co2Experiment("2x", new double[] {2 * org.climagrad.scm.Forcing.CO2_0}, p);
        row(t, "ECS from parameters [K]", p.ecs(), 3.0, "2.5-4.0 (likely)");
        row(t, "ECS from abrupt-4xCO2 run [K]", ScmRunner.abrupt4xCo2(3000, p).temperature()[0][2999] / 2, 3.0,
                "2.5-4.0 (likely)");
        row(t, "TCR from parameters [K]", p.tcr(), 1.8, "1.4-2.2 (likely)");
        row(t, "TCR from 1pctCO2 run [K]", ScmRunner.onePercentCo2(70, p).temperature()[0][69], 1.8,
                "1.4-2.2 (likely)");
        row(t, "2xCO2 ERF [W m-2]", x2.forcing(0, ForcingTerm.CO2, 0), 3.93, "3.46-4.40");
        row(t, "warming 1850-1900 to 2011-2020 [K]", hist.warming(0, new ScmResult.Years(2011, 2020),
                ScmResult.Years.preIndustrial()), 1.09, "0.95-1.20");
        row(t, "aerosol ERF 2019 [W m-2]", hist.forcing(0, ForcingTerm.AEROSOL_RADIATION, 2019)
                + hist.forcing(0, ForcingTerm.AEROSOL_CLOUD, 2019), -1.3, "-2.0 to -0.6");
        row(t, "CO2 2019 [ppm]", hist.co2()[0][2019 - 1750], 409.9, "observed");
        row(t, "CH4 2019 [ppb]", hist.ch4()[0][2019 - 1750], 1866.3, "observed");
        row(t, "N2O 2019 [ppb]", hist.n2o()[0][2019 - 1750], 332.1, "observed");
        return t;
    }

    /**
     * Global-mean warming above 1750 of each scenario (one SCM batch run), with a table of
     * year / scenario / warming.
     */
    public static Figure warming(List<Scenario> scenarios, ScmParameters p) {
        ScmResult r = ScmRunner.run(scenarios, p);
        Table data = Table.create("SCM warming", StringColumn.create("scenario"), IntColumn.create("year"),
                DoubleColumn.create("warming [K]"));
        Map<String, double[]> lines = new LinkedHashMap<>();
        for (int b = 0; b < scenarios.size(); b++) {
            double[] t = r.temperature(b);
            lines.put(r.names().get(b), t);
            for (int i = 0; i < t.length; i++) {
                data.stringColumn(0).append(r.names().get(b));
                data.intColumn(1).append(r.firstYear() + i);
                data.doubleColumn(2).append(t[i]);
            }
        }
        var chart = Charts.lines("Global-mean warming above 1750 (SCM)", "year", "K", scenarios.get(0).years(), lines);
        chart.getStyler().setXAxisDecimalPattern("0");
        return Figure.of("SCM warming of each scenario", data, chart);
    }

    /** The settings of the current profile: {@code Settings.of(Profile.current())}. */
    public static Settings settings() {
        return Settings.of(Profile.current());
    }

    /**
     * Sizes of the design experiments (make them with {@link Settings#builder()} or {@link Settings#of}).
     *
     * @param years length of every scenario from 1750 (the paper: 751, i.e. 1750-2500)
     * @param outerSteps design steps (the paper: 1,000)
     * @param learningRate design step in scaled emission units
     * @param smoothness weight of the smoothness penalty
     * @param emulator the MLP trained on each design (the paper's settings)
     */
    public record Settings(int years, int outerSteps, double learningRate, double smoothness, MlpEmulator emulator) {
        /** Validates the ranges (callers use {@link #builder()} or {@link #of}). */
        public Settings {
            Check.inRange("years", years, 120, 751);
            Check.atLeast("outerSteps", outerSteps, 1);
            Check.positive("learningRate", learningRate);
            Check.nonNegative("smoothness", smoothness);
        }

        /**
         * FAST: 351 years (1750-2100: the pathways part after 2023), 40 outer steps; PAPER: 751
         * years (1750-2500), 1,000 outer steps.
         */
        public static Settings of(Profile profile) {
            return builder().setYears(profile.pick(351, 751)).setOuterSteps(profile.pick(40, 1000)).build();
        }

        /**
         * A builder ({@code setYears}, {@code setOuterSteps} required); the optional values default to those of
         * {@link #of}.
         */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder holding these values (for variants). */
        public Builder toBuilder() {
            return new Builder().setYears(years).setOuterSteps(outerSteps).optLearningRate(learningRate)
                    .optSmoothness(smoothness).optEmulator(emulator);
        }

        /** Builds a {@link Settings} (DJL style); {@link #build()} validates and names the bad field. */
        public static final class Builder {
            private Integer years;
            private Integer outerSteps;
            private double learningRate = 1.0;
            private double smoothness = 1.0;
            private MlpEmulator emulator = MlpEmulator.paper();

            private Builder() {}

            /** Length of every scenario from 1750, in [120, 751] years (required; the paper: 751). */
            public Builder setYears(int years) {
                this.years = years;
                return this;
            }

            /** Design steps ≥ 1 (required; the paper: 1,000). */
            public Builder setOuterSteps(int outerSteps) {
                this.outerSteps = outerSteps;
                return this;
            }

            /** Design step &gt; 0 in scaled emission units (default 1.0). */
            public Builder optLearningRate(double learningRate) {
                this.learningRate = learningRate;
                return this;
            }

            /** Weight ≥ 0 of the smoothness penalty (default 1.0). */
            public Builder optSmoothness(double smoothness) {
                this.smoothness = smoothness;
                return this;
            }

            /** The MLP trained on each design (default the paper's, {@link MlpEmulator#paper()}). */
            public Builder optEmulator(MlpEmulator emulator) {
                this.emulator = emulator;
                return this;
            }

            /** Validates (the message names the field and its range) and builds. */
            public Settings build() {
                if (years == null) {
                    throw new IllegalArgumentException("years: required (setYears)");
                }
                if (outerSteps == null) {
                    throw new IllegalArgumentException("outerSteps: required (setOuterSteps)");
                }
                return new Settings(years, outerSteps, learningRate, smoothness, emulator);
            }
        }

    }

    /** First year of every design experiment. */
    public static final int FIRST_YEAR = 1750;

    /**
     * Targets the design minimises: idealised single-agent experiments, structurally unlike the
     * pathways (CO2 pulse, SO2, CH4, N2O and BC steps, a CO2 sinusoid).
     */
    public static List<Scenario> targets(Settings s) {
        int y = s.years();
        return List.of(Idealised.pulse(Agent.CO2_FFI, 500, 30, FIRST_YEAR, y), Idealised.step(Agent.SO2, 60, 50, FIRST_YEAR, y),
                Idealised.step(Agent.CH4, 200, 80, FIRST_YEAR, y), Idealised.step(Agent.N2O, 8, 40, FIRST_YEAR, y),
                Idealised.step(Agent.BC, 5, 60, FIRST_YEAR, y), Idealised.sinusoid(Agent.CO2_FFI, 20, 15, 120, FIRST_YEAR, y));
    }

    /**
     * The held-out test set, never seen by the design: the held-out CMIP7 pathway (high-overshoot),
     * constant SO2, a CH4 pulse, a faster CO2 sinusoid, and a CO2-and-SO2 ramp with opposite signs.
     */
    public static List<Scenario> heldOut(Settings s) {
        int y = s.years();
        Scenario ramp = Idealised.preindustrial(FIRST_YEAR, y);
        double[] co2 = ramp.emissions(Agent.CO2_FFI);
        double[] so2 = ramp.emissions(Agent.SO2);
        for (int i = 0; i < y; i++) {
            co2[i] += 40.0 * i / y;
            so2[i] += 120.0 * (1 - (double) i / y);
        }
        return List.of(Cmip7.scenario(Cmip7.Pathway.HIGH_OVERSHOOT).slice(FIRST_YEAR, FIRST_YEAR + y - 1),
                Idealised.constant(Agent.SO2, 100, FIRST_YEAR, y).withName("SO2 constant 100"),
                Idealised.pulse(Agent.CH4, 3000, 100, FIRST_YEAR, y),
                Idealised.sinusoid(Agent.CO2_FFI, 10, 10, 60, FIRST_YEAR, y).withName("CO2 FFI sinusoid 60yr"),
                ramp.toBuilder().optEmissions(Agent.CO2_FFI, co2).optEmissions(Agent.SO2, so2)
                        .setName("CO2 up, SO2 down").build());
    }

    /** The six standard pathways over the design's years. */
    public static List<Scenario> standardSix(Settings s) {
        List<Scenario> six = new ArrayList<>();
        for (Cmip7.Pathway p : Cmip7.standardSix()) {
            six.add(Cmip7.scenario(p).slice(FIRST_YEAR, FIRST_YEAR + s.years() - 1));
        }
        return six;
    }

    /** The initial design: every agent constant at about its 2000s level. */
    public static Scenario initialDesign(Settings s) {
        double[] level = {20, 2, 200, 6, 50, 4};
        Scenario.Builder b = Scenario.builder().setName("constant design").setFirstYear(FIRST_YEAR);
        for (Agent a : Agent.values()) {
            double[] v = new double[s.years()];
            java.util.Arrays.fill(v, level[a.ordinal()]);
            b.optEmissions(a, v);
        }
        return b.build();
    }

    /** The shipped result of the paper-profile design, {@code datasets/scenarios/womack2026-optimised-751.csv}. */
    public static final String PAPER_DESIGN = "womack2026-optimised-751.csv";

    /**
     * The optimised scenario of the paper-profile run ({@code Settings.of(Profile.PAPER)}: 751
     * years, 1,000 outer steps, the best step's design), shipped with the toolkit because the run
     * takes about half an hour on two CPU cores; {@code datasets/scenarios/README.md} gives the
     * command that made it.
     */
    public static Scenario paperDesign() {
        return ScenarioTables.readResource(PAPER_DESIGN, "optimised (paper run)");
    }

    /** Runs the design (MLP emulator, targets and held-out set above, AR6 SCM). */
    public static ScenarioDesign.Result design(Settings s, java.util.function.Consumer<ScenarioDesign.Step> progress) {
        return ScenarioDesign.builder().setTargets(targets(s)).optHeldOut(heldOut(s)).setInitial(initialDesign(s))
                .optEmulator(s.emulator()).optSteps(s.outerSteps()).optLearningRate(s.learningRate())
                .optSmoothness(s.smoothness()).optCheckpointEvery(Math.max(1, s.outerSteps() / 4)).build()
                .run(progress);
    }

    /**
     * Experiment (2): outer-loop convergence (loss, target and held-out NRMSE per step) and the
     * evolution of the design's CO2 FFI and SO2 emissions over the checkpoints.
     */
    public static Figure convergence(ScenarioDesign.Result r) {
        int n = r.history().size();
        double[] step = new double[n];
        double[] target = new double[n];
        double[] held = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            ScenarioDesign.Step st = r.history().get(i);
            step[i] = st.step();
            loss[i] = st.loss();
            target[i] = st.targetNrmse();
            held[i] = st.heldOutNrmse();
        }
        Table data = Table.create("Design convergence", DoubleColumn.create("step", step), DoubleColumn.create("loss", loss),
                DoubleColumn.create("target NRMSE", target), DoubleColumn.create("held-out NRMSE", held));
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("loss", loss);
        curves.put("target NRMSE", target);
        curves.put("held-out NRMSE", held);
        List<Chart<?, ?>> panels = new ArrayList<>();
        panels.add(Charts.lines("Outer-loop convergence", "outer step", "NRMSE", step, curves));
        panels.add(ScenarioCharts.chart(Agent.CO2_FFI, r.checkpoints()));
        panels.add(ScenarioCharts.chart(Agent.SO2, r.checkpoints()));
        panels.add(ScenarioCharts.chart(Agent.CH4, r.checkpoints()));
        return new Figure("Scenario design: convergence and evolution", data, panels, 2);
    }

    /**
     * Experiment (3): held-out skill of the MLP (and of ridge and the linear-response baseline)
     * trained on the optimised scenario vs trained on the six standard pathways, one bar group per
     * held-out scenario.
     *
     * @return data columns test, then optimised and six pathways for MLP, ridge, linear response
     */
    public static Figure heldOutSkill(Scenario optimised, Settings s) {
        RidgeEmulator ridge = new RidgeEmulator(1e-4);
        List<Scenario> tests = heldOut(s);
        EmulatorSkill.Result opt = EmulatorSkill.evaluate(List.of(optimised), tests, ScmParameters.ar6(), s.emulator(),
                ridge);
        EmulatorSkill.Result six = EmulatorSkill.evaluate(standardSix(s), tests, ScmParameters.ar6(), s.emulator(), ridge);
        Table data = sideBySide("Held-out NRMSE", opt.table(), six.table(), "MLP", "ridge", "linear-response");
        Map<String, double[]> bars = new LinkedHashMap<>();
        bars.put("one optimised scenario", data.doubleColumn(1).asDoubleArray());
        bars.put("six ScenarioMIP pathways", data.doubleColumn(2).asDoubleArray());
        return Figure.of("Held-out skill", data, Charts.bars("Emulator (MLP) NRMSE on held-out scenarios", "NRMSE",
                data.stringColumn(0).asList(), bars));
    }

    /**
     * Experiment (4): agent separation. Warming response to a CO2-only step (+10 Gt CO2/yr from
     * year 20) and an SO2-only step (+50 Mt SO2/yr from year 20) on a pre-industrial background:
     * the SCM's vs the MLP's trained on the optimised scenario and on the six pathways.
     *
     * @return data columns year index, then per perturbation: SCM, optimised, six pathways
     */
    public static Figure agentSeparation(Scenario optimised, Settings s) {
        int y = s.years();
        Scenario base = Idealised.preindustrial(FIRST_YEAR, y).withName("base");
        Scenario co2 = base.step(Agent.CO2_FFI, FIRST_YEAR + 20, 10).withName("CO2 only");
        Scenario so2 = base.step(Agent.SO2, FIRST_YEAR + 20, 50).withName("SO2 only");
        List<Scenario> probes = List.of(base, co2, so2);
        RidgeEmulator ridge = new RidgeEmulator(1e-4);
        Map<String, double[][]> opt = EmulatorSkill.evaluate(List.of(optimised), probes, ScmParameters.ar6(),
                s.emulator(), ridge).predictions();
        Map<String, double[][]> six = EmulatorSkill.evaluate(standardSix(s), probes, ScmParameters.ar6(), s.emulator(),
                ridge).predictions();
        double[] t = new double[y];
        for (int i = 0; i < y; i++) {
            t[i] = i;
        }
        Table data = Table.create("Agent separation: warming response", DoubleColumn.create("year", t));
        List<Chart<?, ?>> panels = new ArrayList<>();
        for (String probe : List.of("CO2 only", "SO2 only")) {
            double[] scm = minus(opt.get(probe)[0], opt.get("base")[0]);
            double[] o = minus(opt.get(probe)[1], opt.get("base")[1]);
            double[] x = minus(six.get(probe)[1], six.get("base")[1]);
            data.addColumns(DoubleColumn.create(probe + " SCM", scm), DoubleColumn.create(probe + " optimised", o),
                    DoubleColumn.create(probe + " six pathways", x));
            Map<String, double[]> lines = new LinkedHashMap<>();
            lines.put("SCM", scm);
            lines.put("emulator, optimised scenario", o);
            lines.put("emulator, six pathways", x);
            panels.add(Charts.lines(probe + " perturbation: warming response", "years since start", "K", t, lines));
        }
        return new Figure("Agent separation", data, panels, 2);
    }

    /**
     * The MLP of experiment 5: the paper's architecture with 46 outputs (one per band). With the
     * paper's learning rate 5e-2 and 400 steps it stays undertrained on 46 outputs, so 0.3 here.
     */
    public static final MlpEmulator ZONAL_MLP = MlpEmulator.builder().optHidden(16).optSteps(400).optLearningRate(0.3)
            .optWeightDecay(1e-2).optClip(1.0).optSeed(0).build();

    /**
     * Experiment (5): the intermediate-complexity model ({@link ZonalEbm#standard()}, 46 bands)
     * driven by the optimised scenario vs the six pathways; emulators of its zonal-mean temperature
     * ({@link #ZONAL_MLP} and ridge) scored on the held-out scenarios with area-weighted NRMSE; a
     * second panel shows the zonal warming at the last year of the "CO2 up, SO2 down" test.
     *
     * @return data columns test, optimised (MLP), six pathways (MLP), optimised (ridge), six pathways (ridge)
     */
    public static Figure zonalSkill(Scenario optimised, Settings s) {
        ZonalEbm model = ZonalEbm.standard();
        RidgeEmulator ridge = new RidgeEmulator(1e-4);
        List<Scenario> tests = heldOut(s);
        ZonalSkill.Result opt = ZonalSkill.evaluate(List.of(optimised), tests, ScmParameters.ar6(), model, ZONAL_MLP,
                ridge);
        ZonalSkill.Result six = ZonalSkill.evaluate(standardSix(s), tests, ScmParameters.ar6(), model, ZONAL_MLP, ridge);
        Table data = sideBySide("Zonal-model held-out NRMSE (area-weighted)", opt.table(), six.table(), "MLP",
                "ridge");
        Map<String, double[]> bars = new LinkedHashMap<>();
        bars.put("optimised, MLP", data.doubleColumn(1).asDoubleArray());
        bars.put("six pathways, MLP", data.doubleColumn(2).asDoubleArray());
        bars.put("optimised, ridge", data.doubleColumn(3).asDoubleArray());
        bars.put("six pathways, ridge", data.doubleColumn(4).asDoubleArray());
        String probe = tests.get(tests.size() - 1).name();
        int last = s.years() - 1;
        Map<String, double[]> profile = new LinkedHashMap<>();
        double[][][] po = opt.prediction(probe);
        double[][][] ps = six.prediction(probe);
        profile.put("zonal model", po[0][last]);
        profile.put("MLP, optimised", po[1][last]);
        profile.put("MLP, six pathways", ps[1][last]);
        profile.put("ridge, optimised", po[2][last]);
        profile.put("ridge, six pathways", ps[2][last]);
        List<Chart<?, ?>> panels = List.of(
                Charts.bars("Zonal-model emulators: held-out NRMSE", "NRMSE", data.stringColumn(0).asList(), bars),
                Charts.lines(probe + ": zonal warming in the last year", "latitude", "K", model.latitudes(), profile));
        return new Figure("Experiment 5: intermediate-complexity model", data, panels, 2);
    }

    /**
     * The skill tables of the two training choices side by side: column "test" (the first column
     * of {@code optimised}), then for each method "optimised (m)" and "six pathways (m)" taken from
     * the columns "m NRMSE"; the method "linear-response" is labelled "linear response".
     */
    private static Table sideBySide(String title, Table optimised, Table six, String... methods) {
        Table t = Table.create(title, optimised.stringColumn(0).copy().setName("test"));
        for (String m : methods) {
            String label = m.replace('-', ' ');
            t.addColumns(optimised.doubleColumn(m + " NRMSE").copy().setName("optimised (" + label + ")"),
                    six.doubleColumn(m + " NRMSE").copy().setName("six pathways (" + label + ")"));
        }
        return t;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static void row(Table t, String name, double model, double ar6, String range) {
        t.stringColumn(0).append(name);
        t.doubleColumn(1).append(model);
        t.doubleColumn(2).append(ar6);
        t.stringColumn(3).append(range);
    }
}
