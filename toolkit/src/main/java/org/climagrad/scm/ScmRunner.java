package org.climagrad.scm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.climagrad.core.Devices;
import org.climagrad.core.Tensors;
import org.climagrad.scenario.Idealised;
import org.climagrad.scenario.Scenario;

/**
 * Runs the {@link Scm} on {@link Scenario}s and {@link ScmParameters} and returns plain arrays
 * (the toolkit opens and closes the tensors). Batched: all members in one call of
 * {@link Scm#forward}.
 */
public final class ScmRunner {
    private ScmRunner() {}

    /** Several scenarios (same years) with one parameter set. */
    public static ScmResult run(List<Scenario> scenarios, ScmParameters parameters) {
        List<String> names = new ArrayList<>();
        for (Scenario s : scenarios) {
            names.add(s.name());
        }
        return run(scenarios, Collections.nCopies(scenarios.size(), parameters), null, names);
    }

    /** One scenario with several parameter sets (an ensemble). */
    public static ScmResult ensemble(Scenario scenario, List<ScmParameters> parameters) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            names.add("member " + i);
        }
        return run(Collections.nCopies(parameters.size(), scenario), parameters, null, names);
    }

    /**
     * A concentration-driven CO2 experiment (all other agents at 1750), e.g. abrupt-4×CO2 or
     * 1 %/yr, for {@code co2.length} years from year 0.
     *
     * @param co2 prescribed CO2 concentration per year, ppm (&gt; 0)
     */
    public static ScmResult co2Experiment(String name, double[] co2, ScmParameters parameters) {
        for (int i = 0; i < co2.length; i++) {
            if (!(co2[i] > 0)) {
                throw new IllegalArgumentException("co2[" + i + "] = " + co2[i] + ": must be > 0 ppm");
            }
        }
        Scenario background = Idealised.preindustrial(0, co2.length).withName(name);
        return run(List.of(background), List.of(parameters), co2, List.of(name));
    }

    /** abrupt-4×CO2: CO2 at 4 × 278.3 ppm from year 0, for {@code years} years. */
    public static ScmResult abrupt4xCo2(int years, ScmParameters parameters) {
        double[] c = new double[years];
        java.util.Arrays.fill(c, 4 * Forcing.CO2_0);
        return co2Experiment("abrupt-4xCO2", c, parameters);
    }

    /** 1pctCO2: CO2 rising 1 % per year from 278.3 ppm (year 0 = 1.01 × 278.3). */
    public static ScmResult onePercentCo2(int years, ScmParameters parameters) {
        double[] c = new double[years];
        for (int i = 0; i < years; i++) {
            c[i] = Forcing.CO2_0 * Math.pow(1.01, i + 1);
        }
        return co2Experiment("1pctCO2", c, parameters);
    }

    /** The emissions of scenarios as a {@code [batch, 6, years]} float64 tensor. */
    public static NDArray emissions(NDManager manager, List<Scenario> scenarios) {
        int years = scenarios.get(0).length();
        double[] flat = new double[scenarios.size() * 6 * years];
        for (int b = 0; b < scenarios.size(); b++) {
            Scenario s = scenarios.get(b);
            if (s.length() != years || s.firstYear() != scenarios.get(0).firstYear()) {
                throw new IllegalArgumentException("scenarios: " + s.name() + " covers " + s.firstYear() + "-"
                        + s.lastYear() + ", the first covers " + scenarios.get(0).firstYear() + "-"
                        + scenarios.get(0).lastYear() + "; batch members need the same years");
            }
            double[][] e = s.emissions();
            for (int a = 0; a < 6; a++) {
                System.arraycopy(e[a], 0, flat, (b * 6 + a) * years, years);
            }
        }
        return manager.create(flat, new Shape(scenarios.size(), 6, years));
    }

    private static ScmResult run(List<Scenario> scenarios, List<ScmParameters> parameters, double[] co2,
            List<String> names) {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("scenarios: at least one required");
        }
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDArray e = emissions(m, scenarios);
            NDArray theta = ScmParameters.tensor(m, parameters);
            NDArray override = co2 == null ? null : m.create(co2, new Shape(1, co2.length));
            ScmOutput out = Scm.forward(e, theta, override);
            double[][] t = Tensors.toMatrix(out.temperature());
            checkFinite(t, names);
            int n = scenarios.size();
            int years = scenarios.get(0).length();
            double[] f = out.forcing().toType(DataType.FLOAT64, false).toDoubleArray();
            double[][][] forcing = new double[n][ForcingTerm.values().length][years];
            for (int b = 0; b < n; b++) {
                for (int k = 0; k < forcing[b].length; k++) {
                    System.arraycopy(f, (b * forcing[b].length + k) * years, forcing[b][k], 0, years);
                }
            }
            return new ScmResult(List.copyOf(names), scenarios.get(0).firstYear(), t, Tensors.toMatrix(out.co2()),
                    Tensors.toMatrix(out.ch4()), Tensors.toMatrix(out.n2o()), forcing);
        }
    }

    private static void checkFinite(double[][] t, List<String> names) {
        for (int b = 0; b < t.length; b++) {
            for (int y = 0; y < t[b].length; y++) {
                if (!Double.isFinite(t[b][y])) {
                    throw new IllegalStateException("SCM: temperature of " + names.get(b) + " is " + t[b][y]
                            + " at year index " + y + " (concentrations left their valid range; check emissions)");
                }
            }
        }
    }
}
