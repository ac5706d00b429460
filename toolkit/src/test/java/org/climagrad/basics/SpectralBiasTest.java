package org.climagrad.basics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.climagrad.calibration.Estimate;
import org.climagrad.core.Profile;
import org.climagrad.papers.Lai2024Spectral;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Lai (2024) part 4: spectral bias and its two fixes, on the entry points of the notebook. */
class SpectralBiasTest {
    static final SpectralBias.Settings FAST = Lai2024Spectral.spectralSettings(Profile.FAST);

    @Test
    void plainNetworkLearnsLowFrequenciesFirst() {
        SpectralBias.Run r = Lai2024Spectral.PROBLEM.train(FAST);
        int nu1 = r.learnedAt(0, 0.1);
        int nu4 = r.learnedAt(1, 0.1);
        assertTrue(nu1 > 0 && nu4 > nu1, "ν=1 at " + nu1 + ", ν=4 at " + nu4);
        for (int i = 2; i < 4; i++) {
            int at = r.learnedAt(i, 0.1);
            assertTrue(at == -1 || at > nu4, "ν=" + Lai2024Spectral.PROBLEM.frequencies(i) + " learned at " + at);
        }
        // Halfway through, the error is ordered by frequency.
        double[] mid = r.relativeError()[r.iterations().length / 4];
        assertTrue(mid[0] < mid[1] && mid[1] < mid[2] && mid[2] < mid[3], java.util.Arrays.toString(mid));
        assertTrue(r.trainRmse() > 0.1, "2,000 steps leave the high frequencies unlearned: " + r.trainRmse());
    }

    @Test
    void fourierFeaturesAndSineLayerRemoveTheBiasAndKappaMatters() {
        Table t = Lai2024Spectral.encodings(FAST,
                new InputEncoding[] {InputEncoding.FOURIER_FEATURES, InputEncoding.FOURIER_FEATURES,
                    InputEncoding.SINE_FIRST_LAYER},
                new double[] {10, 100, 60}).data();
        for (int row : new int[] {0, 2}) {
            assertTrue(t.doubleColumn("train RMSE").get(row) < 0.02 && t.doubleColumn("test RMSE").get(row) < 0.05,
                    t.print());
            assertTrue(t.intColumn("nu=20 learned at").get(row) >= 0, t.print());
        }
        // κ far above the target's frequencies: the training points are fitted exactly, not the function.
        assertTrue(t.doubleColumn("train RMSE").get(1) < 1e-6 && t.doubleColumn("test RMSE").get(1) > 0.5, t.print());
    }

    @Test
    void activationSpectrumDecaysExponentially() {
        Table t = Lai2024Spectral.activationSpectrum(new double[] {5, 20}).data();
        double[] w5 = t.doubleColumn("w = 5.0").asDoubleArray();
        double[] w20 = t.doubleColumn("w = 20.0").asDoubleArray();
        // The continuous transform is (2π²ν/w) / sinh(π²ν/w): from ν = 0.25 to 5.25 (rows 0 → 20) at w = 5
        // the amplitude falls by 21·sinh(π²/20)/sinh(π²·1.05) ≈ 6.6e-4.
        double exact = 21 * Math.sinh(Math.PI * Math.PI * 0.25 / 5) / Math.sinh(Math.PI * Math.PI * 5.25 / 5);
        assertEquals(exact, w5[20] / w5[0], 0.05 * exact);
        assertTrue(w5[60] / w5[0] < 1e-10, "ν = 15.25: " + w5[60] / w5[0]);
        assertTrue(w20[20] / w20[0] > 100 * (w5[20] / w5[0]), "a steeper unit reaches higher frequencies");
    }

    @Test
    void networkFitGradientMatchesFiniteDifferences() {
        double[][] x = {{0.1}, {0.4}, {0.7}, {0.9}};
        double[][] y = {{0.3}, {-0.2}, {0.5}, {0.1}};
        for (Mlp net : new Mlp[] {Mlp.builder().setWidth(5).setDepth(2).build(),
                Mlp.builder().setWidth(5).setDepth(2).optSine(7.0).build()}) {
            NetworkFit f = new NetworkFit(net, x, y);
            double[] theta = net.initial(3);
            Estimate e = f.valueAndGradient(theta);
            assertEquals(f.value(theta), e.value(), 1e-15);
            double h = 1e-6;
            for (int i = 0; i < theta.length; i += 3) {
                double[] up = theta.clone();
                double[] dn = theta.clone();
                up[i] += h;
                dn[i] -= h;
                double fd = (f.value(up) - f.value(dn)) / (2 * h);
                assertEquals(fd, e.gradient()[i], 1e-7 * (1 + Math.abs(fd)), net.first() + " parameter " + i);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new NetworkFit(Mlp.builder().optInputs(2).setWidth(3).setDepth(1).build(), x, y));
    }

    @Test
    void spectrumOfASineAndParsevalInTwoDimensions() {
        double[] v = new double[64];
        for (int j = 0; j < 64; j++) {
            v[j] = 3 * Math.sin(2 * Math.PI * 5 * j / 64.0);
        }
        double[] a = Spectrum.amplitudes(v);
        assertEquals(1.5, a[5], 1e-12);
        assertEquals(0, a[4], 1e-12);
        double[][] f = new double[16][16];
        double sq = 0;
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                f[i][j] = Math.sin(2 * Math.PI * 3 * j / 16.0) * Math.cos(2 * Math.PI * 4 * i / 16.0) + 0.1 * (i % 3);
                sq += f[i][j] * f[i][j];
            }
        }
        double[] e = Spectrum.radialEnergy(f);
        double total = 0;
        for (double x : e) {
            total += x;
        }
        assertTrue(total <= sq / 256 + 1e-12 && e[5] > 0.2, "energy at |k| = 5 from (3, 4): " + e[5]);
    }
}
