package org.climagrad.enso;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * El Niño statistics of monthly index series: moments, the dominant period of the power
 * spectrum, and event counts with the definitions used by Chen, Fang &amp; Yu (2022) after Kug et
 * al. (2009): from the December-February mean of each winter, an eastern-Pacific (EP) El Niño when
 * Niño3 &gt; 0.5 K and Niño3 &gt; Niño4, a central-Pacific (CP) El Niño when Niño4 &gt; 0.5 K and
 * Niño4 ≥ Niño3, a La Niña when either is below −0.5 K; an EP event is extreme when Niño3 exceeds
 * 2.5 K between April and the following March.
 */
public final class EnsoStatistics {
    private EnsoStatistics() {}

    /**
     * Event counts.
     *
     * @param ep eastern-Pacific El Niños (extreme ones included)
     * @param extremeEp extreme eastern-Pacific El Niños
     * @param cp central-Pacific El Niños
     * @param laNina La Niñas
     * @param winters winters examined
     */
    public record Events(int ep, int extremeEp, int cp, int laNina, int winters) {
        /** EP / CP ratio (infinite without CP events). */
        public double epCpRatio() {
            return cp == 0 ? Double.POSITIVE_INFINITY : (double) ep / cp;
        }
    }

    /** Sample mean. */
    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Sample variance (1/n). */
    public static double variance(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / x.length;
    }

    /** Sample skewness (third standardised moment). */
    public static double skewness(double[] x) {
        double m = mean(x);
        double s2 = 0;
        double s3 = 0;
        for (double v : x) {
            double d = v - m;
            s2 += d * d;
            s3 += d * d * d;
        }
        s2 /= x.length;
        s3 /= x.length;
        return s3 / Math.pow(s2, 1.5);
    }

    /**
     * Power spectrum of a monthly series: periodogram averaged over non-overlapping segments of
     * {@code segmentMonths} (a power of two), Hann-windowed.
     *
     * @return {@code [0]} periods in years (descending), {@code [1]} power at each
     */
    public static double[][] spectrum(double[] x, int segmentMonths) {
        if (Integer.bitCount(segmentMonths) != 1 || segmentMonths < 16 || segmentMonths > x.length) {
            throw new IllegalArgumentException("segmentMonths = " + segmentMonths + ": must be a power of two in [16, "
                    + x.length + "]");
        }
        int segments = x.length / segmentMonths;
        double[] power = new double[segmentMonths / 2];
        FastFourierTransformer fft = new FastFourierTransformer(DftNormalization.STANDARD);
        for (int s = 0; s < segments; s++) {
            double[] seg = new double[segmentMonths];
            double m = 0;
            for (int i = 0; i < segmentMonths; i++) {
                m += x[s * segmentMonths + i] / segmentMonths;
            }
            for (int i = 0; i < segmentMonths; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (segmentMonths - 1));
                seg[i] = (x[s * segmentMonths + i] - m) * w;
            }
            Complex[] c = fft.transform(seg, TransformType.FORWARD);
            for (int k = 1; k < segmentMonths / 2; k++) {
                power[k] += c[k].abs() * c[k].abs() / segments;
            }
        }
        double[][] out = new double[2][segmentMonths / 2 - 1];
        for (int k = 1; k < segmentMonths / 2; k++) {
            out[0][k - 1] = segmentMonths / 12.0 / k;
            out[1][k - 1] = power[k];
        }
        return out;
    }

    /** The period (years) of the spectral maximum among periods of 1 to 20 years. */
    public static double dominantPeriod(double[] x, int segmentMonths) {
        double[][] s = spectrum(x, segmentMonths);
        double best = Double.NaN;
        double max = -1;
        for (int i = 0; i < s[0].length; i++) {
            if (s[0][i] >= 1 && s[0][i] <= 20 && s[1][i] > max) {
                max = s[1][i];
                best = s[0][i];
            }
        }
        return best;
    }

    /**
     * Power-weighted mean period over the band 1-10 years: Σ P(f)·(1/f) / Σ P(f). Robust where
     * the spectrum is broad and its maximum is set by sampling noise (as for this model's Niño3,
     * whose spectrum is nearly flat from 3 to 11 years).
     */
    public static double characteristicPeriod(double[] x, int segmentMonths) {
        double[][] s = spectrum(x, segmentMonths);
        double num = 0;
        double den = 0;
        for (int i = 0; i < s[0].length; i++) {
            if (s[0][i] >= 1 && s[0][i] <= 10) {
                num += s[1][i] * s[0][i];
                den += s[1][i];
            }
        }
        return num / den;
    }

    /** Lag-{@code lag} autocorrelation of a series. */
    public static double autocorrelation(double[] x, int lag) {
        double m = mean(x);
        double v = variance(x);
        double s = 0;
        for (int i = 0; i + lag < x.length; i++) {
            s += (x[i] - m) * (x[i + lag] - m);
        }
        return s / ((x.length - lag) * v);
    }

    /** Event counts over the winters of monthly Niño3 and Niño4 series (month 0 = January). */
    public static Events events(double[] nino3, double[] nino4) {
        if (nino3.length != nino4.length) {
            throw new IllegalArgumentException("nino4: length " + nino4.length + ", nino3: " + nino3.length);
        }
        int ep = 0;
        int extreme = 0;
        int cp = 0;
        int la = 0;
        int winters = 0;
        for (int dec = 11; dec + 2 < nino3.length; dec += 12) {
            winters++;
            double e = (nino3[dec] + nino3[dec + 1] + nino3[dec + 2]) / 3;
            double c = (nino4[dec] + nino4[dec + 1] + nino4[dec + 2]) / 3;
            double peak = Double.NEGATIVE_INFINITY;
            for (int i = dec - 8; i <= Math.min(dec + 3, nino3.length - 1); i++) {
                peak = Math.max(peak, nino3[i]);
            }
            if (e > 0.5 && e > c) {
                ep++;
                if (peak > 2.5) {
                    extreme++;
                }
            } else if (c > 0.5 && c >= e) {
                cp++;
            } else if (e < -0.5 || c < -0.5) {
                la++;
            }
        }
        return new Events(ep, extreme, cp, la, winters);
    }
}
