package org.climagrad.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Float32 convolution, forward and both gradients, against a plain-Java double-precision
 * reference, once the toolkit has configured the engine. On an AMD EPYC (family 26, AVX-512)
 * with PyTorch 2.7.1's oneDNN the data gradient of every case whose output channels are not a
 * multiple of 16 is wrong (relative error 0.2-1, sometimes NaN) unless {@link KernelCheck}
 * switched oneDNN off.
 */
class KernelCheckTest {
    static final double TOLERANCE = 1e-5; // float32 against double: measured ≤ 5e-7

    /** out[b,o,t,s] = Σ_i,dt,ds w[o,i,dt,ds] x[b,i,t+dt−pt,s+ds] (zero padding pt in time, none in space). */
    static double[][] reference(double[] x, double[] w, double[] g, int b, int ci, int co, int t, int k) {
        int kt = t == 1 ? 1 : 3;
        int pt = t == 1 ? 0 : 1;
        int ko = k - 2;
        double[] y = new double[b * co * t * ko];
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        for (int n = 0; n < b; n++) {
            for (int o = 0; o < co; o++) {
                for (int tt = 0; tt < t; tt++) {
                    for (int s = 0; s < ko; s++) {
                        int yi = ((n * co + o) * t + tt) * ko + s;
                        for (int i = 0; i < ci; i++) {
                            for (int a = 0; a < kt; a++) {
                                int ti = tt + a - pt;
                                if (ti < 0 || ti >= t) {
                                    continue;
                                }
                                for (int c = 0; c < 3; c++) {
                                    int xi = ((n * ci + i) * t + ti) * k + s + c;
                                    int wi = ((o * ci + i) * kt + a) * 3 + c;
                                    y[yi] += w[wi] * x[xi];
                                    dx[xi] += g[yi] * w[wi];
                                    dw[wi] += g[yi] * x[xi];
                                }
                            }
                        }
                    }
                }
            }
        }
        return new double[][] {y, dx, dw};
    }

    static double relative(double[] got, double[] want) {
        double e = 0;
        double s = 0;
        for (int i = 0; i < want.length; i++) {
            if (!Double.isFinite(got[i])) {
                return Double.NaN;
            }
            e = Math.max(e, Math.abs(got[i] - want[i]));
            s = Math.max(s, Math.abs(want[i]));
        }
        return e / s;
    }

    @ParameterizedTest(name = "batch {0}, {1} -> {2} channels, time {3}, space {4}")
    @CsvSource({"32, 8, 1, 1, 42", "4, 16, 7, 1, 16", "4, 16, 9, 1, 16", "4, 8, 17, 1, 16", "32, 16, 8, 1, 42",
        "32, 2, 8, 21, 42", "32, 8, 8, 21, 42", "8, 16, 16, 11, 22", "2, 1, 1, 1, 16"})
    void float32ConvolutionAndItsGradientsMatchTheReference(int b, int ci, int co, int t, int k) {
        Devices.engine();
        Random rng = new Random(31L * ci + co + 7L * t + k);
        boolean oneD = t == 1;
        Shape xs = oneD ? new Shape(b, ci, k) : new Shape(b, ci, t, k);
        Shape ws = oneD ? new Shape(co, ci, 3) : new Shape(co, ci, 3, 3);
        Shape ys = oneD ? new Shape(b, co, k - 2) : new Shape(b, co, t, k - 2);
        double[] x = gaussian(rng, xs.size(), 1);
        double[] w = gaussian(rng, ws.size(), 0.3);
        double[] g = gaussian(rng, ys.size(), 1);
        double[][] want = reference(x, w, g, b, ci, co, t, k);
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDArray xa = m.create(x, xs).toType(DataType.FLOAT32, false);
            NDArray wa = m.create(w, ws).toType(DataType.FLOAT32, false);
            NDArray ga = m.create(g, ys).toType(DataType.FLOAT32, false);
            xa.setRequiresGradient(true);
            wa.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = Devices.engine().newGradientCollector()) {
                y = oneD ? Conv1d.conv1d(xa, wa, null, new Shape(1), new Shape(0), new Shape(1), 1).singletonOrThrow()
                        : Conv2d.conv2d(xa, wa, null, new Shape(1, 1), new Shape(1, 0), new Shape(1, 1), 1)
                                .singletonOrThrow();
                gc.backward(y.mul(ga).sum());
            }
            String[] names = {"forward", "data gradient", "weight gradient"};
            NDArray[] got = {y, xa.getGradient(), wa.getGradient()};
            for (int i = 0; i < 3; i++) {
                double e = relative(got[i].toType(DataType.FLOAT64, false).toDoubleArray(), want[i]);
                assertTrue(e < TOLERANCE, names[i] + " relative error " + e + " on " + KernelCheck.ensure());
            }
        }
    }

    static double[] gaussian(Random rng, long n, double scale) {
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (scale * rng.nextGaussian());
        }
        return v;
    }

    @Test
    void reportSaysWhatWasCheckedAndWhy() {
        KernelCheck.Report r = KernelCheck.ensure();
        assertTrue(r.finalError() < TOLERANCE, r.toString());
        assertTrue(!r.cpu().isBlank(), r.toString());
        if (!r.oneDnnEnabled() && KernelCheck.mode() == KernelCheck.Mode.AUTO) {
            assertTrue(r.firstFailure() != null && r.firstFailure().contains("float32"), r.toString());
        }
        if (r.oneDnnEnabled()) {
            assertEquals(null, r.firstFailure(), r.toString());
        }
        assertEquals(r, KernelCheck.ensure(), "the check runs once per JVM");
    }

    @Test
    void modeParsesAndNamesTheSettingOtherwise() {
        assertEquals(KernelCheck.Mode.OFF, KernelCheck.Mode.parse("OFF"));
        assertEquals(KernelCheck.Mode.AUTO, KernelCheck.Mode.parse(" auto "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelCheck.Mode.parse("avx2"));
        assertTrue(e.getMessage().contains(KernelCheck.PROPERTY) && e.getMessage().contains("auto or off"),
                e.getMessage());
    }
}
