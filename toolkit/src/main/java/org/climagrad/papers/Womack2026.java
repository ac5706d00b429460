package org.climagrad.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.climagrad.scenario.Agent;
import org.climagrad.scenario.Cmip7;
import org.climagrad.scenario.Scenario;
import org.climagrad.scenario.ScenarioTables;
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
            panels.add(ScenarioTables.chart(a, scenarios));
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
        row(t, "warming 1850-1900 to 2011-2020 [K]", hist.warming(0, 1850, 1900, 2011, 2020), 1.09, "0.95-1.20");
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
            double[] t = r.temperature()[b];
            lines.put(r.names().get(b), t);
            for (int i = 0; i < t.length; i++) {
                data.stringColumn(0).append(r.names().get(b));
                data.intColumn(1).append(r.firstYear() + i);
                data.doubleColumn(2).append(t[i]);
            }
        }
        return Figure.of("SCM warming of each scenario", data, Charts.lines("Global-mean warming above 1750 (SCM)",
                "year", "K", scenarios.get(0).years(), lines));
    }

    private static void row(Table t, String name, double model, double ar6, String range) {
        t.stringColumn(0).append(name);
        t.doubleColumn(1).append(model);
        t.doubleColumn(2).append(ar6);
        t.stringColumn(3).append(range);
    }
}
