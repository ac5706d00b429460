package org.climagrad.zonal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.climagrad.core.Devices;
import org.climagrad.core.Tensors;
import org.climagrad.emulator.EmissionFeatures;
import org.climagrad.emulator.MlpEmulator;
import org.climagrad.emulator.RidgeEmulator;
import org.climagrad.scenario.Scenario;
import org.climagrad.scm.ForcingTerm;
import org.climagrad.scm.ScmParameters;
import org.climagrad.scm.ScmResult;
import org.climagrad.scm.ScmRunner;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Womack et al. (2026) experiment 5: the {@link ZonalEbm} driven by scenarios (its forcing from the
 * SCM's gas cycles and ERF: greenhouse terms spread by the greenhouse pattern, aerosol terms by the
 * aerosol pattern), emulators of the zonal-mean temperature trained on its output, and
 * area-weighted skill.
 */
public final class ZonalSkill {
    private ZonalSkill() {}

    /** Zonal-mean warming {@code [years][bands]} of one scenario. */
    public static double[][] simulate(Scenario s, ScmParameters p, ZonalEbm model) {
        ScmResult r = ScmRunner.run(List.of(s), p);
        int n = s.length();
        double[] ghg = new double[n];
        double[] aer = new double[n];
        double[][] f = r.forcing()[0];
        for (int t = 0; t < n; t++) {
            ghg[t] = f[ForcingTerm.CO2.ordinal()][t] + f[ForcingTerm.CH4.ordinal()][t] + f[ForcingTerm.N2O.ordinal()][t]
                    + f[ForcingTerm.OZONE.ordinal()][t];
            aer[t] = f[ForcingTerm.AEROSOL_RADIATION.ordinal()][t] + f[ForcingTerm.AEROSOL_CLOUD.ordinal()][t];
        }
        return model.run(ghg, aer);
    }

    /**
     * Area-weighted NRMSE of a zonal field: sqrt(area- and time-mean squared error) / max(range of
     * the true global mean, 1 K).
     */
    public static double nrmse(double[][] pred, double[][] truth, ZonalEbm model) {
        double[] w = model.areaWeights();
        double sq = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < truth.length; t++) {
            for (int i = 0; i < w.length; i++) {
                double e = pred[t][i] - truth[t][i];
                sq += w[i] * e * e;
            }
            double g = model.globalMean(truth[t]);
            lo = Math.min(lo, g);
            hi = Math.max(hi, g);
        }
        return Math.sqrt(sq / truth.length) / Math.max(hi - lo, 1);
    }

    /**
     * Skill of the MLP and ridge emulators of the zonal model, trained on {@code training}.
     *
     * @param table columns test, MLP NRMSE, ridge NRMSE; last row "mean"
     * @param predictions test name → (truth, MLP, ridge) fields {@code [years][bands]}
     */
    public record Result(Table table, Map<String, double[][][]> predictions) {
        /** Keeps a deep copy of the predictions (test order kept). */
        public Result {
            predictions = deepCopy(predictions);
        }

        /** Test name → (truth, MLP, ridge) fields {@code [3][years][bands]}, K (a deep copy). */
        @Override
        public Map<String, double[][][]> predictions() {
            return deepCopy(predictions);
        }

        /** One test's (truth, MLP, ridge) fields {@code [3][years][bands]}, K (a copy). */
        public double[][][] prediction(String test) {
            double[][][] p = predictions.get(test);
            if (p == null) {
                throw new IllegalArgumentException("test '" + test + "': not scored; have " + predictions.keySet());
            }
            return copy(p);
        }

        private static Map<String, double[][][]> deepCopy(Map<String, double[][][]> m) {
            Map<String, double[][][]> c = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> c.put(k, copy(v)));
            return java.util.Collections.unmodifiableMap(c);
        }

        private static double[][][] copy(double[][][] a) {
            double[][][] c = new double[a.length][][];
            for (int i = 0; i < a.length; i++) {
                c[i] = new double[a[i].length][];
                for (int j = 0; j < a[i].length; j++) {
                    c[i][j] = a[i][j].clone();
                }
            }
            return c;
        }
    }

    /** Trains both emulators on the zonal model's response to {@code training} and scores them on {@code tests}. */
    public static Result evaluate(List<Scenario> training, List<Scenario> tests, ScmParameters p, ZonalEbm model,
            MlpEmulator mlp, RidgeEmulator ridge) {
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDArray x = null;
            NDArray y = null;
            for (Scenario s : training) {
                NDArray xi = features(m, s);
                NDArray yi = Tensors.create(m, simulate(s, p, model), ai.djl.ndarray.types.DataType.FLOAT64);
                x = x == null ? xi : x.concat(xi, 0);
                y = y == null ? yi : y.concat(yi, 0);
            }
            NDList wMlp = mlp.train(x, y);
            NDArray wRidge = ridge.train(x, y);
            Table t = Table.create("Zonal-model emulator skill (area-weighted NRMSE)", StringColumn.create("test"),
                    DoubleColumn.create("MLP NRMSE"), DoubleColumn.create("ridge NRMSE"));
            Map<String, double[][][]> preds = new LinkedHashMap<>();
            double sa = 0;
            double sb = 0;
            for (Scenario s : tests) {
                double[][] truth = simulate(s, p, model);
                NDArray xs = features(m, s);
                double[][] a = Tensors.toMatrix(MlpEmulator.predict(wMlp, xs));
                double[][] b = Tensors.toMatrix(RidgeEmulator.predict(wRidge, xs));
                double ea = nrmse(a, truth, model);
                double eb = nrmse(b, truth, model);
                t.stringColumn(0).append(s.name());
                t.doubleColumn(1).append(ea);
                t.doubleColumn(2).append(eb);
                preds.put(s.name(), new double[][][] {truth, a, b});
                sa += ea;
                sb += eb;
            }
            t.stringColumn(0).append("mean");
            t.doubleColumn(1).append(sa / tests.size());
            t.doubleColumn(2).append(sb / tests.size());
            return new Result(t, preds);
        }
    }

    private static NDArray features(NDManager m, Scenario s) {
        return EmissionFeatures.of(ScmRunner.emissions(m, List.of(s))).get(0);
    }

}
