package org.climagrad.emulator;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.climagrad.core.Check;
import org.climagrad.scenario.Agent;
import org.climagrad.scenario.Scenario;
import org.climagrad.scm.Scm;

/**
 * The linear-response baseline: warming as a sum of impulse responses, one exponential kernel per
 * agent and timescale τ_k,
 * T_t = b + Σ_a Σ_k c_{a,k}·(1 − e^{−1/τ_k})·Σ_{s&lt;t} e^{−(t−1−s)/τ_k}·d_{a,s}/scale_a,
 * with d the emission anomaly above 1750; the coefficients c (and b) are fitted by ridge least
 * squares. A step in one agent's emissions then gives a sum of exponential approaches with the
 * fixed timescales. Plain Java (a baseline, not differentiated).
 *
 * @param timescales kernel timescales τ_k in years, each &gt; 0
 * @param lambda ridge penalty per sample, ≥ 0
 */
public record LinearResponse(double[] timescales, double lambda) {
    /** Validates and copies. */
    public LinearResponse {
        timescales = timescales.clone();
        if (timescales.length == 0) {
            throw new IllegalArgumentException("timescales: at least one required");
        }
        for (int i = 0; i < timescales.length; i++) {
            Check.positive("timescales[" + i + "]", timescales[i]);
        }
        Check.nonNegative("lambda", lambda);
    }

    /** Timescales 3, 30 and 300 years, λ = 1e-4. */
    public static LinearResponse standard() {
        return new LinearResponse(new double[] {3, 30, 300}, 1e-4);
    }

    @Override
    public double[] timescales() {
        return timescales.clone();
    }

    /** Impulse-response features {@code [years][6·K]} of a scenario. */
    public double[][] features(Scenario s) {
        double[] pre = Scm.preindustrialEmissions();
        double[] scale = EmissionFeatures.scales();
        int n = s.length();
        int k = timescales.length;
        double[][] f = new double[n][Agent.values().length * k];
        for (Agent a : Agent.values()) {
            double[] e = s.emissions(a);
            for (int j = 0; j < k; j++) {
                double decay = Math.exp(-1 / timescales[j]);
                double acc = 0;
                for (int t = 0; t < n; t++) {
                    f[t][a.ordinal() * k + j] = acc;
                    acc = decay * acc + (1 - decay) * (e[t] - pre[a.ordinal()]) / scale[a.ordinal()];
                }
            }
        }
        return f;
    }

    /**
     * Fits the coefficients.
     *
     * @param training scenarios
     * @param warming their warming, one series per scenario (same lengths)
     * @return coefficients, bias last
     */
    public double[] fit(List<Scenario> training, List<double[]> warming) {
        int p = Agent.values().length * timescales.length + 1;
        double[][] gram = new double[p][p];
        double[] rhs = new double[p];
        int count = 0;
        for (int i = 0; i < training.size(); i++) {
            double[][] f = features(training.get(i));
            double[] y = warming.get(i);
            Check.length("warming[" + i + "]", y, f.length);
            for (int t = 0; t < f.length; t++) {
                double[] row = java.util.Arrays.copyOf(f[t], p);
                row[p - 1] = 1;
                for (int a = 0; a < p; a++) {
                    rhs[a] += row[a] * y[t];
                    for (int b = 0; b < p; b++) {
                        gram[a][b] += row[a] * row[b];
                    }
                }
                count++;
            }
        }
        for (int a = 0; a < p - 1; a++) {
            gram[a][a] += lambda * count + 1e-12;
        }
        gram[p - 1][p - 1] += 1e-12;
        RealMatrix g = new Array2DRowRealMatrix(gram);
        return new CholeskyDecomposition(g, 1e-14, 1e-14).getSolver().solve(new ArrayRealVector(rhs)).toArray();
    }

    /** Predicted warming of a scenario with fitted coefficients. */
    public double[] predict(double[] coefficients, Scenario s) {
        double[][] f = features(s);
        double[] out = new double[f.length];
        int p = coefficients.length;
        for (int t = 0; t < f.length; t++) {
            double v = coefficients[p - 1];
            for (int a = 0; a < p - 1; a++) {
                v += coefficients[a] * f[t][a];
            }
            out[t] = v;
        }
        return out;
    }
}
