package org.climagrad.da;

import static org.climagrad.da.LinalgTest.assertMatrixEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Enkf#analyse}, the analysis with a general observation operator, against the cycled filter's analysis. */
class EnkfAnalyseTest {
    private static final EnkfUpdate[] UPDATES = {new EnkfUpdate.PertObs(), new EnkfUpdate.Sqrt(), new EnkfUpdate.DEnKF()};

    private static Enkf filter(EnkfUpdate u, double inflation, Localization loc) {
        return Enkf.builder().setUpdate(u).optInflation(inflation).optLocalization(loc)
                .optInitialEnsemble(AnalysisTest.ensemble(1)).build();
    }

    private static double[][] select(double[][] e, double factor) {
        ObsView o = AnalysisTest.obs();
        double[][] h = o.observe(e);
        for (double[] row : h) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
        return h;
    }

    private static ObsDistances periodic() {
        int[] idx = AnalysisTest.OBSERVED;
        double[][] xy = new double[AnalysisTest.NX][idx.length];
        double[][] yy = new double[idx.length][idx.length];
        for (int j = 0; j < idx.length; j++) {
            for (int i = 0; i < AnalysisTest.NX; i++) {
                xy[i][j] = Localization.periodicDistance(i, idx[j], AnalysisTest.NX);
            }
            for (int k = 0; k < idx.length; k++) {
                yy[j][k] = Localization.periodicDistance(idx[j], idx[k], AnalysisTest.NX);
            }
        }
        return new ObsDistances(xy, yy);
    }

    @Test
    void aSelectingOperatorGivesTheCycledFiltersAnalysis() {
        double[][] e = AnalysisTest.ensemble(11);
        ObsView o = AnalysisTest.obs();
        for (EnkfUpdate u : UPDATES) {
            double[][] expected = Analysis.of(u, e, o, null, new Random(4)).apply(e);
            double[][] got = filter(u, 1, null).analyse(e, select(e, 1), o.values(), o.sigma(), null, new Random(4));
            assertMatrixEquals(expected, got, 1e-10);
        }
    }

    @Test
    void localisedAnalysesUseTheGivenDistances() {
        double[][] e = AnalysisTest.ensemble(12);
        ObsView o = AnalysisTest.obs();
        Localization loc = new Localization.GaspariCohn(2);
        for (EnkfUpdate u : UPDATES) {
            double[][] expected = Analysis.of(u, e, o, loc, new Random(5)).apply(e);
            double[][] got = filter(u, 1, loc).analyse(e, select(e, 1), o.values(), o.sigma(), periodic(), new Random(5));
            assertMatrixEquals(expected, got, 1e-10);
        }
    }

    @Test
    void aScaledOperatorEqualsTheSelectionWithScaledObservations() {
        // h(x) = 2 H x with y and σ equals H x with y/2 and σ/2: the same Kalman update.
        double[][] e = AnalysisTest.ensemble(13);
        ObsView o = AnalysisTest.obs();
        double[] y2 = o.values().clone();
        for (int j = 0; j < y2.length; j++) {
            y2[j] *= 2;
        }
        for (EnkfUpdate u : new EnkfUpdate[] {new EnkfUpdate.Sqrt(), new EnkfUpdate.DEnKF()}) {
            Enkf f = filter(u, 1, null);
            double[][] a = f.analyse(e, select(e, 2), y2, 2 * o.sigma(), null, new Random(1));
            double[][] b = f.analyse(e, select(e, 1), o.values(), o.sigma(), null, new Random(1));
            assertMatrixEquals(b, a, 1e-10);
        }
    }

    @Test
    void inflationScalesTheAnalysisAnomalies() {
        double[][] e = AnalysisTest.ensemble(14);
        ObsView o = AnalysisTest.obs();
        double[][] plain = filter(new EnkfUpdate.Sqrt(), 1, null).analyse(e, select(e, 1), o.values(), o.sigma(), null,
                null);
        double[][] inflated = filter(new EnkfUpdate.Sqrt(), 1.2, null).analyse(e, select(e, 1), o.values(), o.sigma(),
                null, null);
        assertMatrixEquals(Ensembles.inflate(plain, 1.2), inflated, 1e-12);
    }

    @Test
    void badInputNamesTheParameter() {
        double[][] e = AnalysisTest.ensemble(15);
        ObsView o = AnalysisTest.obs();
        Enkf local = filter(new EnkfUpdate.Sqrt(), 1, new Localization.GaspariCohn(2));
        var noDistances = assertThrows(IllegalArgumentException.class,
                () -> local.analyse(e, select(e, 1), o.values(), o.sigma(), null, null));
        assertTrue(noDistances.getMessage().contains("distances"), noDistances.getMessage());
        Enkf global = filter(new EnkfUpdate.Sqrt(), 1, null);
        double[][] fewer = java.util.Arrays.copyOf(e, 5);
        var members = assertThrows(IllegalArgumentException.class,
                () -> global.analyse(fewer, select(fewer, 1), o.values(), o.sigma(), null, null));
        assertTrue(members.getMessage().contains("ensembleSize"), members.getMessage());
        var sigma = assertThrows(IllegalArgumentException.class,
                () -> global.analyse(e, select(e, 1), o.values(), 0, null, null));
        assertTrue(sigma.getMessage().contains("sigma"), sigma.getMessage());
        double[][] nan = select(e, 1);
        nan[2][1] = Double.NaN;
        var finite = assertThrows(IllegalArgumentException.class,
                () -> global.analyse(e, nan, o.values(), o.sigma(), null, null));
        assertTrue(finite.getMessage().contains("predicted"), finite.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ObsDistances(new double[][] {{-1}}, new double[][] {{0}}));
    }
}
