package org.climagrad.zonal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The zonal energy balance model: geometry, equilibria, conservation, aerosol pattern. */
class ZonalEbmTest {
    static final ZonalEbm M = ZonalEbm.standard();

    static double[] constant(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void geometryAndPatternsHaveUnitAreaMean() {
        assertEquals(46, M.latitudes().length);
        assertEquals(1, Arrays.stream(M.areaWeights()).sum(), 1e-12);
        assertEquals(1, M.globalMean(M.ghgPattern()), 1e-12);
        assertEquals(1, M.globalMean(M.aerosolPattern()), 1e-12);
        double[] h = M.aerosolPattern();
        assertTrue(h[34] > 10 * h[11], "aerosol forcing at 45N far above 45S");
    }

    @Test
    void uniformForcingWithUniformFeedbackEquilibratesAtFOverLambda() {
        ZonalEbm flat = ZonalEbm.builder().optFeedbackP2(0).optGhgP2(0).build();
        double[][] t = flat.run(constant(3000, 3.9), constant(3000, 0));
        for (double v : t[2999]) {
            assertEquals(3.9 / 1.3, v, 1e-3);
        }
    }

    /** Diffusion only moves heat: with the same λ everywhere the global mean does not see it. */
    @Test
    void diffusionConservesTheGlobalMean() {
        ZonalEbm with = ZonalEbm.builder().optFeedbackP2(0).optGhgP2(0).build();
        ZonalEbm without = ZonalEbm.builder().optDiffusion(0).optFeedbackP2(0).optGhgP2(0).build();
        double[] ghg = constant(200, 2);
        double[] aer = constant(200, -1);
        double[][] a = with.run(ghg, aer);
        double[][] b = without.run(ghg, aer);
        for (int y : new int[] {0, 10, 199}) {
            assertEquals(without.globalMean(b[y]), with.globalMean(a[y]), 1e-9);
        }
        // ... but it does smooth the field.
        double spreadA = Arrays.stream(a[199]).max().getAsDouble() - Arrays.stream(a[199]).min().getAsDouble();
        double spreadB = Arrays.stream(b[199]).max().getAsDouble() - Arrays.stream(b[199]).min().getAsDouble();
        assertTrue(spreadA < 0.5 * spreadB, spreadA + " vs " + spreadB);
    }

    @Test
    void aerosolsCoolTheNorthMoreAndWeakPolarFeedbackAmplifies() {
        double[][] aer = M.run(constant(100, 0), constant(100, -1));
        assertTrue(aer[99][34] < 1.5 * aer[99][11], "45N cools more than 45S");
        double[][] ghg = M.run(constant(100, 4), constant(100, 0));
        assertTrue(ghg[99][0] > ghg[99][23] && ghg[99][45] > ghg[99][23], "polar amplification");
        assertThrows(IllegalArgumentException.class, () -> ZonalEbm.builder().optFeedback(1.0).optFeedbackP2(-1.2)
                .optGhgP2(0).build());
        assertThrows(IllegalArgumentException.class, () -> M.run(new double[3], new double[2]));
    }

    @Test
    void tridiagonalSolverSolvesItsSystem() {
        double[] a = {0, -1, -1, -1};
        double[] b = {4, 4, 4, 4};
        double[] c = {-1, -1, -1, 0};
        double[] x = {1, 2, 3, 4};
        double[] r = new double[4];
        for (int i = 0; i < 4; i++) {
            r[i] = b[i] * x[i] + (i > 0 ? a[i] * x[i - 1] : 0) + (i < 3 ? c[i] * x[i + 1] : 0);
        }
        double[] y = ZonalEbm.tridiagonal(a, b, c, r);
        for (int i = 0; i < 4; i++) {
            assertEquals(x[i], y[i], 1e-12);
        }
    }
}
