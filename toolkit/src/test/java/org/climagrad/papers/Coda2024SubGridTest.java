package org.climagrad.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.climagrad.dynamics.Lorenz96;
import org.climagrad.obs.Twin;
import org.climagrad.plot.Figure;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** CODA Figs. 6-7: the two-level twin, the truncated model and the learned correction. */
class Coda2024SubGridTest {
    static final Coda2024.CodaSettings TINY = new Coda2024.CodaSettings(5, 5, 1, new int[] {4, 8, 16}, 4, 16, 3e-3);
    static final Coda2024SubGrid.Settings SMALL = Coda2024SubGrid.Settings.builder().setTimes(1000).optBurnIn(100)
            .optWindow(200).optFreeRuns(10).optFreeRunSteps(300).setCoda(TINY).optInflation(1.02).optSeed(8).build();

    static double oneLevelTendency(double[] x, int k) {
        int n = x.length;
        return (x[(k + 1) % n] - x[(k - 2 + n) % n]) * x[(k - 1 + n) % n] - x[k] + Coda2024SubGrid.F;
    }

    @Test
    void slowTruthFollowsTheTruncatedTendencyPlusTheCoupling() {
        Coda2024SubGrid.SubGridTwin data = Coda2024SubGrid.twin(200, 3);
        double[][] x = data.twin().truth();
        double[][] coupling = data.coupling();
        double dt = Coda2024SubGrid.MODEL_DT;
        double withCoupling = 0;
        double without = 0;
        int n = 0;
        for (int t = 1; t < x.length - 1; t++) {
            for (int k = 0; k < Coda2024SubGrid.K; k++) {
                double dxdt = (x[t + 1][k] - x[t - 1][k]) / (2 * dt);
                double f = oneLevelTendency(x[t], k);
                withCoupling += Math.abs(dxdt - f - coupling[t][k]);
                without += Math.abs(dxdt - f);
                n++;
            }
        }
        // Central differences at dt = 0.01 are accurate to O(dt^2); the coupling is O(1).
        assertTrue(withCoupling / n < 0.05, "mean |dx/dt - f(x) + hc zbar| = " + withCoupling / n);
        assertTrue(without / n > 0.5, "mean |dx/dt - f(x)| = " + without / n + ": the coupling matters");
    }

    @Test
    void onlySlowVariablesAreObservedAndDaSeesTheTruncatedModel() {
        Twin twin = Coda2024SubGrid.twin(300, 4).twin();
        assertEquals(Coda2024SubGrid.K, twin.nx());
        assertEquals(Coda2024SubGrid.K, twin.observations().nx());
        assertTrue(twin.experiment().rollout().dynamics() instanceof Lorenz96);
        assertEquals(Coda2024SubGrid.MODEL_DT, twin.experiment().rollout().dt(), 0.0);
        assertEquals(0.25, twin.observations().observedFraction(), 0.02);
        assertEquals(1.0, twin.observations().sigma(), 0.0);
    }

    @Test
    void binnedMeanAveragesWithinBins() {
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = i < 20 ? 0.25 : 1.75;
            y[i] = i < 20 ? i : -1;
        }
        Table t = Coda2024SubGrid.binnedMean(x, y, 0, 2, 4);
        assertEquals(2, t.rowCount());
        assertEquals(0.25, t.doubleColumn(0).get(0), 1e-12);
        assertEquals(9.5, t.doubleColumn(1).get(0), 1e-12);
        assertEquals(-1, t.doubleColumn(1).get(1), 1e-12);
    }

    @Test
    void learnedCorrectionFollowsTheCouplingAndImprovesFreeRuns() {
        Coda2024SubGrid.Settings s = SMALL;
        Coda2024SubGrid.SubGridTwin data = Coda2024SubGrid.twin(s.times(), s.seed());
        Coda2024SubGrid.Runs runs = Coda2024SubGrid.run(data, s, null);
        Figure a = Coda2024SubGrid.figure7a(data, runs, s);
        double[] truth = a.data().doubleColumn("true mean").asDoubleArray();
        double[] learned = a.data().doubleColumn("B_psi(x)").asDoubleArray();
        double r = correlation(truth, learned);
        assertTrue(r > 0.8, "correlation of B_psi(x) with the mean true coupling: " + r);
        Table free = Coda2024SubGrid.figure7b(runs, s).data();
        for (int l = 1; l < free.rowCount(); l++) {
            assertTrue(free.doubleColumn("corrected").get(l) < free.doubleColumn("truncated").get(l),
                    "lead " + free.doubleColumn("lead").get(l) + ": " + free.row(l));
        }
        double coda = runs.results().get("CODA").meanRmse(s.burnIn());
        // Measured with seeds 8-10: 1.54, 1.63, 1.76 (OI reaches 2.65 at the notebook's setting).
        assertTrue(coda < 2.1, "CODA analysis RMSE " + coda + " (seeds 8-10: 1.5-1.8; climatological std 3.6)");
        runs.truncatedFit().model().close();
        runs.correctedFit().model().close();
    }

    @Test
    void rejectsBadSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SMALL.toBuilder().optFreeRuns(0).build());
        assertTrue(e.getMessage().contains("freeRuns"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SMALL.toBuilder().optInflation(0.9).build());
        assertTrue(e.getMessage().contains("inflation"), e.getMessage());
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
