package org.climagrad.emulator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.climagrad.core.Devices;
import org.climagrad.core.Tensors;
import org.climagrad.scenario.Scenario;
import org.climagrad.scm.Scm;
import org.climagrad.scm.ScmParameters;
import org.climagrad.scm.ScmRunner;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Trains the emulators (MLP, ridge and the {@link LinearResponse} baseline) on the SCM's response to training scenarios and scores them on target
 * scenarios with the metric of Womack et al. (2026): NRMSE = RMSE / max(range of the true
 * warming, 1 K), per target and averaged.
 */
public final class EmulatorSkill {
    private EmulatorSkill() {}

    /**
     * Skill of both emulators on every target.
     *
     * @param predictions target name → (truth, MLP, ridge, linear response) warming series
     * @param table columns target, MLP NRMSE, ridge NRMSE, linear-response NRMSE; last row "mean"
     */
    public record Result(Table table, Map<String, double[][]> predictions) {
        /** Keeps a deep copy of the predictions (target order kept). */
        public Result {
            predictions = deepCopy(predictions);
        }

        /** Target name → (truth, MLP, ridge, linear response) warming series, K (a deep copy). */
        @Override
        public Map<String, double[][]> predictions() {
            return deepCopy(predictions);
        }

        /** One target's (truth, MLP, ridge, linear response) warming series {@code [4][years]}, K (a copy). */
        public double[][] prediction(String target) {
            double[][] p = predictions.get(target);
            if (p == null) {
                throw new IllegalArgumentException("target '" + target + "': not scored; have " + predictions.keySet());
            }
            return copy(p);
        }

        private static Map<String, double[][]> deepCopy(Map<String, double[][]> m) {
            Map<String, double[][]> c = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> c.put(k, copy(v)));
            return java.util.Collections.unmodifiableMap(c);
        }

        private static double[][] copy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }

        /** Mean NRMSE over targets of one emulator column ("MLP NRMSE" or "ridge NRMSE"). */
        public double mean(String column) {
            return table.doubleColumn(column).get(table.rowCount() - 1);
        }
    }

    /** NRMSE = RMSE(pred, truth) / max(max(truth) − min(truth), 1 K). */
    public static double nrmse(double[] pred, double[] truth) {
        if (pred.length != truth.length || truth.length == 0) {
            throw new IllegalArgumentException("pred: length " + pred.length + ", truth: " + truth.length
                    + "; need equal, non-zero lengths");
        }
        double sq = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < truth.length; i++) {
            sq += (pred[i] - truth[i]) * (pred[i] - truth[i]);
            lo = Math.min(lo, truth[i]);
            hi = Math.max(hi, truth[i]);
        }
        return Math.sqrt(sq / truth.length) / Math.max(hi - lo, 1);
    }

    /** Trains the MLP and the ridge emulator on {@code training} and scores them on {@code targets}. */
    public static Result evaluate(List<Scenario> training, List<Scenario> targets, ScmParameters p, MlpEmulator mlp,
            RidgeEmulator ridge) {
        if (training.isEmpty() || targets.isEmpty()) {
            throw new IllegalArgumentException("training and targets: at least one scenario each");
        }
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDList xs = new NDList();
            NDList ys = new NDList();
            for (Scenario s : training) {
                NDArray[] xy = samples(m, s, p);
                xs.add(xy[0]);
                ys.add(xy[1]);
            }
            NDArray x = concat(xs);
            NDArray y = concat(ys);
            NDList wMlp = mlp.train(x, y);
            NDArray wRidge = ridge.train(x, y);
            LinearResponse linear = LinearResponse.standard();
            List<double[]> warming = new ArrayList<>();
            for (NDArray yi : ys) {
                warming.add(Tensors.toDoubles(yi));
            }
            double[] wLinear = linear.fit(training, warming);
            Table t = Table.create("Emulator skill (NRMSE)", StringColumn.create("target"),
                    DoubleColumn.create("MLP NRMSE"), DoubleColumn.create("ridge NRMSE"),
                    DoubleColumn.create("linear-response NRMSE"));
            Map<String, double[][]> preds = new LinkedHashMap<>();
            double sumMlp = 0;
            double sumRidge = 0;
            double sumLinear = 0;
            for (Scenario s : targets) {
                NDArray[] xy = samples(m, s, p);
                double[] truth = Tensors.toDoubles(xy[1]);
                double[] a = Tensors.toDoubles(MlpEmulator.predict(wMlp, xy[0]));
                double[] b = Tensors.toDoubles(RidgeEmulator.predict(wRidge, xy[0]));
                double[] c = linear.predict(wLinear, s);
                double ea = nrmse(a, truth);
                double eb = nrmse(b, truth);
                double ec = nrmse(c, truth);
                t.stringColumn(0).append(s.name());
                t.doubleColumn(1).append(ea);
                t.doubleColumn(2).append(eb);
                t.doubleColumn(3).append(ec);
                preds.put(s.name(), new double[][] {truth, a, b, c});
                sumMlp += ea;
                sumRidge += eb;
                sumLinear += ec;
            }
            t.stringColumn(0).append("mean");
            t.doubleColumn(1).append(sumMlp / targets.size());
            t.doubleColumn(2).append(sumRidge / targets.size());
            t.doubleColumn(3).append(sumLinear / targets.size());
            return new Result(t, preds);
        }
    }

    /** Features {@code [years, F]} and SCM warming {@code [years]} of one scenario. */
    static NDArray[] samples(NDManager m, Scenario s, ScmParameters p) {
        NDArray e = ScmRunner.emissions(m, List.of(s));
        NDArray x = EmissionFeatures.of(e).get(0);
        NDArray y = Scm.forward(e, ScmParameters.tensor(m, List.of(p)), null).temperature().get(0);
        return new NDArray[] {x, y};
    }

    private static NDArray concat(NDList parts) {
        List<NDArray> list = new ArrayList<>(parts);
        NDArray out = list.get(0);
        for (int i = 1; i < list.size(); i++) {
            out = out.concat(list.get(i), 0);
        }
        return out;
    }
}
