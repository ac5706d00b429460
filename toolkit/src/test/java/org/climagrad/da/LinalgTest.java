package org.climagrad.da;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinalgTest {
    static double[][] random(int r, int c, long seed) {
        Random rng = new Random(seed);
        double[][] m = new double[r][c];
        for (double[] row : m) {
            for (int j = 0; j < c; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return m;
    }

    static double[][] spd(int n, long seed) {
        double[][] a = random(n, n, seed);
        double[][] s = Linalg.transposeTimes(a, a);
        for (int i = 0; i < n; i++) {
            s[i][i] += 1;
        }
        return s;
    }

    static void assertMatrixEquals(double[][] expected, double[][] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], actual[i][j], tol, "entry [" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void productsAgreeWithEachOther() {
        double[][] a = random(5, 3, 1);
        double[][] b = random(5, 4, 2);
        double[][] at = new double[3][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 3; j++) {
                at[j][i] = a[i][j];
            }
        }
        assertMatrixEquals(Linalg.times(at, b), Linalg.transposeTimes(a, b), 1e-14);
        double[][] bt = new double[4][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                bt[j][i] = b[i][j];
            }
        }
        assertMatrixEquals(Linalg.times(at, b), Linalg.timesTranspose(at, bt), 1e-14);
        assertEquals(a[2][0] * 1 + a[2][1] * 2 + a[2][2] * 3, Linalg.times(a, new double[] {1, 2, 3})[2], 1e-14);
    }

    @Test
    void choleskySolveInvertsTheMatrix() {
        double[][] s = spd(12, 3);
        double[][] x = random(12, 4, 4);
        double[][] b = Linalg.times(s, x);
        assertMatrixEquals(x, Linalg.solveSpd(s, b), 1e-10);
    }

    @Test
    void eigendecompositionReconstructsAndIsOrthonormal() {
        double[][] s = spd(9, 5);
        Linalg.Eigen e = Linalg.eigh(s);
        int n = s.length;
        double[][] rec = new double[n][n];
        double[][] vtv = Linalg.transposeTimes(e.vectors(), e.vectors());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    rec[i][j] += e.vectors()[i][k] * e.values()[k] * e.vectors()[j][k];
                }
                assertEquals(i == j ? 1 : 0, vtv[i][j], 1e-12);
            }
        }
        assertMatrixEquals(s, rec, 1e-10);
    }
}
