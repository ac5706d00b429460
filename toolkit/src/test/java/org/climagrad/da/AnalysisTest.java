package org.climagrad.da;

import static org.climagrad.da.LinalgTest.assertMatrixEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Single analyses against the Kalman filter equations with the ensemble covariance. */
class AnalysisTest {
    static final int NX = 12;
    static final int N = 9;
    static final int[] OBSERVED = {0, 2, 3, 7, 11};
    static final double SIGMA = 0.7;

    static double[][] ensemble(long seed) {
        Random rng = new Random(seed);
        double[][] e = new double[N][NX];
        for (double[] x : e) {
            for (int i = 0; i < NX; i++) {
                x[i] = 2 + Math.sin(i) + 1.5 * rng.nextGaussian();
            }
        }
        return e;
    }

    static ObsView obs() {
        double[] y = new double[OBSERVED.length];
        for (int j = 0; j < y.length; j++) {
            y[j] = 1 + 0.3 * j;
        }
        return new ObsView(OBSERVED, y, SIGMA);
    }

    static double[][] covariance(double[][] e) {
        double[][] a = Ensembles.anomalies(e);
        double[][] p = Linalg.transposeTimes(a, a);
        for (double[] row : p) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= e.length - 1;
            }
        }
        return p;
    }

    /** K = P Hᵀ (H P Hᵀ + R)⁻¹, {@code [nx][p]}. */
    static double[][] gain(double[][] p, ObsView obs) {
        int q = obs.size();
        double[][] s = new double[q][q];
        double[][] hp = new double[q][];
        for (int j = 0; j < q; j++) {
            hp[j] = p[obs.indices()[j]].clone();
            for (int k = 0; k < q; k++) {
                s[j][k] = p[obs.indices()[j]][obs.indices()[k]];
            }
            s[j][j] += obs.sigma() * obs.sigma();
        }
        double[][] kt = Linalg.solveSpd(s, hp);
        double[][] k = new double[p.length][q];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < q; j++) {
                k[i][j] = kt[j][i];
            }
        }
        return k;
    }

    static double[] kalmanMean(double[][] e, ObsView obs) {
        double[] mu = Ensembles.mean(e);
        double[][] k = gain(covariance(e), obs);
        double[] d = obs.values().clone();
        for (int j = 0; j < d.length; j++) {
            d[j] -= mu[obs.indices()[j]];
        }
        double[] kd = Linalg.times(k, d);
        for (int i = 0; i < mu.length; i++) {
            mu[i] += kd[i];
        }
        return mu;
    }

    /** (I − c K H) P (I − c K H)ᵀ. */
    static double[][] reducedCovariance(double[][] p, double[][] k, ObsView obs, double c) {
        double[][] m = new double[NX][NX];
        for (int i = 0; i < NX; i++) {
            m[i][i] = 1;
            for (int j = 0; j < obs.size(); j++) {
                m[i][obs.indices()[j]] -= c * k[i][j];
            }
        }
        return Linalg.timesTranspose(Linalg.times(m, p), m);
    }

    @Test
    void everyFlavourUpdatesTheMeanWithTheKalmanGain() {
        double[][] e = ensemble(1);
        double[] expected = kalmanMean(e, obs());
        for (EnkfUpdate u : new EnkfUpdate[] {new EnkfUpdate.PertObs(), new EnkfUpdate.Sqrt(), new EnkfUpdate.DEnKF()}) {
            double[][] ea = Analysis.of(u, e, obs(), null, new Random(3)).apply(e);
            assertArrayEquals(expected, Ensembles.mean(ea), 1e-10, u.toString());
        }
    }

    @Test
    void squareRootGivesTheKalmanAnalysisCovariance() {
        double[][] e = ensemble(2);
        double[][] p = covariance(e);
        double[][] k = gain(p, obs());
        double[][] ea = Analysis.of(new EnkfUpdate.Sqrt(), e, obs(), null, new Random(3)).apply(e);
        // (I − KH) P = (I − KH) P (I − KH)ᵀ + K R Kᵀ restricted to the ensemble subspace: use Joseph form.
        double[][] expected = reducedCovariance(p, k, obs(), 1);
        double[][] krk = Linalg.timesTranspose(k, k);
        for (int i = 0; i < NX; i++) {
            for (int j = 0; j < NX; j++) {
                expected[i][j] += SIGMA * SIGMA * krk[i][j];
            }
        }
        assertMatrixEquals(expected, covariance(ea), 1e-10);
    }

    @Test
    void denkfShrinksAnomaliesWithHalfTheGain() {
        // Sakov & Oke 2008, eq. 6: A_a = (I − K H / 2) A_f.
        double[][] e = ensemble(4);
        double[][] p = covariance(e);
        double[][] k = gain(p, obs());
        double[][] ea = Analysis.of(new EnkfUpdate.DEnKF(), e, obs(), null, new Random(3)).apply(e);
        assertMatrixEquals(reducedCovariance(p, k, obs(), 0.5), covariance(ea), 1e-10);
    }

    @Test
    void staticGainIsTheKalmanUpdateWithB() {
        double[][] e = ensemble(10);
        double[][] b = covariance(e);
        StaticGain.Update u = StaticGain.apply(Ensembles.mean(e), b, obs());
        assertArrayEquals(kalmanMean(e, obs()), u.mean(), 1e-10);
        double[][] k = gain(b, obs());
        double[][] pa = reducedCovariance(b, k, obs(), 1);
        double[][] krk = Linalg.timesTranspose(k, k);
        double trace = 0;
        for (int i = 0; i < NX; i++) {
            trace += pa[i][i] + SIGMA * SIGMA * krk[i][i];
        }
        assertEquals(Math.sqrt(trace / NX), u.spread(), 1e-10);
        StaticGain.Update none = StaticGain.apply(Ensembles.mean(e), b, new ObsView(new int[0], new double[0], 1));
        assertArrayEquals(Ensembles.mean(e), none.mean(), 0);
    }

    @Test
    void noObservationsLeaveTheEnsembleUnchanged() {
        double[][] e = ensemble(5);
        ObsView none = new ObsView(new int[0], new double[0], SIGMA);
        for (EnkfUpdate u : new EnkfUpdate[] {new EnkfUpdate.PertObs(), new EnkfUpdate.Sqrt(), new EnkfUpdate.DEnKF()}) {
            assertMatrixEquals(e, Analysis.of(u, e, none, new Localization.GaspariCohn(2), new Random(1)).apply(e), 0);
        }
    }

    @Test
    void aVeryWideTaperReproducesTheGlobalAnalysis() {
        double[][] e = ensemble(6);
        Localization wide = new Localization.GaspariCohn(1e7);
        for (EnkfUpdate u : new EnkfUpdate[] {new EnkfUpdate.PertObs(), new EnkfUpdate.Sqrt(), new EnkfUpdate.DEnKF()}) {
            double[][] global = Analysis.of(u, e, obs(), null, new Random(8)).apply(e);
            double[][] local = Analysis.of(u, e, obs(), wide, new Random(8)).apply(e);
            assertMatrixEquals(global, local, 1e-8);
        }
    }

    @Test
    void localisationLeavesFarVariablesAlone() {
        double[][] e = ensemble(7);
        ObsView one = new ObsView(new int[] {0}, new double[] {5}, SIGMA);
        Localization narrow = new Localization.GaspariCohn(2); // support 4 grid points
        for (EnkfUpdate u : new EnkfUpdate[] {new EnkfUpdate.PertObs(), new EnkfUpdate.Sqrt(), new EnkfUpdate.DEnKF()}) {
            double[][] ea = Analysis.of(u, e, one, narrow, new Random(8)).apply(e);
            for (int n = 0; n < N; n++) {
                for (int i = 4; i <= NX - 4; i++) {
                    assertEquals(e[n][i], ea[n][i], 0, u + " variable " + i);
                }
                assertTrue(e[n][0] != ea[n][0] && e[n][NX - 1] != ea[n][NX - 1], "periodic neighbours updated");
            }
        }
    }

    @Test
    void squareRootIncrementIsPermutationEquivariant() {
        double[][] e = ensemble(9);
        int[] perm = {3, 0, 8, 5, 1, 7, 2, 6, 4};
        double[][] ep = new double[N][];
        for (int n = 0; n < N; n++) {
            ep[n] = e[perm[n]];
        }
        double[][] ea = Analysis.of(new EnkfUpdate.Sqrt(), e, obs(), null, null).apply(e);
        double[][] eap = Analysis.of(new EnkfUpdate.Sqrt(), ep, obs(), null, null).apply(ep);
        for (int n = 0; n < N; n++) {
            assertArrayEquals(ea[perm[n]], eap[n], 1e-12);
        }
    }

    @Test
    void gaspariCohnHasItsTextbookValues() {
        Localization.GaspariCohn gc = new Localization.GaspariCohn(3);
        assertEquals(1, gc.taper(0), 0);
        assertEquals(5.0 / 24, gc.taper(3), 1e-14);
        assertEquals(gc.taper(3 - 1e-9), gc.taper(3 + 1e-9), 1e-8);
        assertEquals(0, gc.taper(6), 1e-14);
        assertEquals(0, gc.taper(7), 0);
        for (double d = 0; d < 6; d += 0.1) {
            assertTrue(gc.taper(d + 0.1) <= gc.taper(d));
        }
        // DAPPER's factor 1.82 makes ρ(r) ≈ exp(−1/2) (0.634 vs 0.607).
        assertEquals(Math.exp(-0.5), Localization.GaspariCohn.fromDapperRadius(1).taper(1), 0.03);
        assertEquals(3, Localization.periodicDistance(1, 38, 40));
    }
}
