package org.climagrad.basics;

import java.util.ArrayList;
import java.util.List;
import org.climagrad.core.Check;

/**
 * Spectral bias (Rahaman et al. 2019; Xu et al. 2019; Lai 2024): a network fitting
 * f(x) = Σ_i A_i sin(2π ν_i x) on N equispaced points of [0, 1) learns the low frequencies first.
 * The residual's Fourier amplitude at each ν_i, relative to A_i/2, is recorded during training:
 * a frequency × iteration map. Fourier features and a scaled sine first layer remove the bias.
 * Immutable.
 *
 * @param frequencies ν_i, integers in cycles per unit, 1 ≤ ν_i &lt; N/2
 * @param amplitudes A_i ≠ 0
 * @param points N ≥ 8 training points
 */
public record SpectralBias(int[] frequencies, double[] amplitudes, int points) {
    /** Validates and copies. */
    public SpectralBias {
        Check.atLeast("points", points, 8);
        if (frequencies.length == 0 || frequencies.length != amplitudes.length) {
            throw new IllegalArgumentException("frequencies, amplitudes: need equal non-zero lengths");
        }
        for (int i = 0; i < frequencies.length; i++) {
            Check.inRange("frequencies[" + i + "]", frequencies[i], 1, points / 2 - 1);
        }
        frequencies = frequencies.clone();
        amplitudes = amplitudes.clone();
    }

    /**
     * Network and training settings; build with {@link Settings#builder()} (the canonical
     * constructor is not the way to make one).
     *
     * @param encoding how x enters
     * @param kappa κ of the encoding (ignored for PLAIN)
     * @param features m Fourier features (FOURIER_FEATURES only)
     * @param width hidden width
     * @param depth hidden layers
     * @param training Adam (and optional L-BFGS)
     * @param every snapshot interval in Adam steps
     * @param seed weights and features
     */
    public record Settings(InputEncoding encoding, double kappa, int features, int width, int depth, Training training,
            int every, long seed) {
        /** Validates. */
        public Settings {
            if (encoding == null) {
                throw new IllegalArgumentException("encoding: required (PLAIN, FOURIER_FEATURES or SINE_FIRST_LAYER)");
            }
            if (training == null) {
                throw new IllegalArgumentException("training: required");
            }
        }

        /** The same settings with another encoding and κ. */
        public Settings with(InputEncoding e, double k) {
            return toBuilder().optEncoding(e, k).build();
        }

        /** A builder: width, depth and training required. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder starting from these settings. */
        public Builder toBuilder() {
            return new Builder().optEncoding(encoding, kappa).optFeatures(features).setWidth(width).setDepth(depth)
                    .setTraining(training).optEvery(every).optSeed(seed);
        }

        /** Builds {@link Settings}. */
        public static final class Builder {
            private InputEncoding encoding = InputEncoding.PLAIN;
            private double kappa = 1;
            private int features = 32;
            private Integer width;
            private Integer depth;
            private Training training;
            private int every = 100;
            private long seed = 1;

            private Builder() {}

            /** Hidden width ≥ 1 (required). */
            public Builder setWidth(int width) {
                this.width = width;
                return this;
            }

            /** Hidden layers ≥ 1 (required). */
            public Builder setDepth(int depth) {
                this.depth = depth;
                return this;
            }

            /** Adam (and optional L-BFGS) (required). */
            public Builder setTraining(Training training) {
                this.training = training;
                return this;
            }

            /** How x enters and the encoding's κ (default PLAIN, κ = 1, ignored for PLAIN). */
            public Builder optEncoding(InputEncoding encoding, double kappa) {
                this.encoding = encoding;
                this.kappa = kappa;
                return this;
            }

            /** Fourier features m (FOURIER_FEATURES only; default 32). */
            public Builder optFeatures(int features) {
                this.features = features;
                return this;
            }

            /** Snapshot interval in Adam steps (default 100). */
            public Builder optEvery(int every) {
                this.every = every;
                return this;
            }

            /** Seed of the weights and features (default 1). */
            public Builder optSeed(long seed) {
                this.seed = seed;
                return this;
            }

            /** Validates (the message names the field and its range) and builds. */
            public Settings build() {
                if (width == null || width < 1) {
                    throw new IllegalArgumentException("width: need >= 1, got " + width);
                }
                if (depth == null || depth < 1) {
                    throw new IllegalArgumentException("depth: need >= 1, got " + depth);
                }
                if (every < 1) {
                    throw new IllegalArgumentException("every: need >= 1, got " + every);
                }
                return new Settings(encoding, kappa, features, width, depth, training, every, seed);
            }
        }
    }

    /**
     * A training run.
     *
     * @param iterations the Adam steps of the snapshots
     * @param relativeError |residual amplitude at ν_i| / (|A_i|/2), {@code [snapshot][i]}
     * @param prediction the final fit at the N training points
     * @param trainRmse final RMS error at the training points
     * @param testRmse final RMS error at the N midpoints between them
     */
    public record Run(int[] iterations, double[][] relativeError, double[] prediction, double trainRmse, double testRmse) {
        /** Copies the arrays. */
        public Run {
            iterations = iterations.clone();
            relativeError = deepCopy(relativeError);
            prediction = prediction.clone();
        }

        /** iterations, a copy. */
        @Override
        public int[] iterations() {
            return iterations.clone();
        }

        /** Element {@code i} of iterations (no copy). */
        public int iterations(int i) {
            return iterations[i];
        }

        /** relativeError, a copy. */
        @Override
        public double[][] relativeError() {
            return deepCopy(relativeError);
        }

        /** Element {@code (i, j)} of relativeError (no copy). */
        public double relativeError(int i, int j) {
            return relativeError[i][j];
        }

        /** prediction, a copy. */
        @Override
        public double[] prediction() {
            return prediction.clone();
        }

        /** Element {@code i} of prediction (no copy). */
        public double prediction(int i) {
            return prediction[i];
        }

        private static double[][] deepCopy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }

        /** The first snapshot iteration at which frequency i's relative error is below {@code level}, or −1. */
        public int learnedAt(int i, double level) {
            for (int s = 0; s < iterations.length; s++) {
                if (relativeError[s][i] < level) {
                    return iterations[s];
                }
            }
            return -1;
        }
    }

    /** The training points x_j = j/N. */
    public double[] grid() {
        double[] x = new double[points];
        for (int j = 0; j < points; j++) {
            x[j] = (double) j / points;
        }
        return x;
    }

    /** f at x. */
    public double target(double x) {
        double f = 0;
        for (int i = 0; i < frequencies.length; i++) {
            f += amplitudes[i] * Math.sin(2 * Math.PI * frequencies[i] * x);
        }
        return f;
    }

    /** Trains one network and records the residual spectrum every {@code s.every()} Adam steps. */
    public Run train(Settings s) {
        double[] x = grid();
        double[][] xs = column(x);
        double[][] mid = new double[points][1];
        for (int j = 0; j < points; j++) {
            mid[j][0] = x[j] + 0.5 / points;
        }
        FourierFeatures ff = s.encoding() == InputEncoding.FOURIER_FEATURES
                ? FourierFeatures.sample(1, s.features(), s.kappa(), s.seed() + 1) : null;
        double[][] in = ff == null ? xs : ff.apply(xs);
        double[][] inMid = ff == null ? mid : ff.apply(mid);
        Mlp net = s.encoding() == InputEncoding.SINE_FIRST_LAYER
                ? Mlp.builder().setWidth(s.width()).setDepth(s.depth()).optSine(s.kappa()).build()
                : Mlp.builder().optInputs(in[0].length).setWidth(s.width()).setDepth(s.depth()).build();
        double[][] y = new double[points][1];
        for (int j = 0; j < points; j++) {
            y[j][0] = target(x[j]);
        }
        NetworkFit fit = new NetworkFit(net, in, y);
        List<Integer> its = new ArrayList<>();
        List<double[]> errs = new ArrayList<>();
        Training.Result r = s.training().run(fit, net.initial(s.seed()), s.every(), (theta, k) -> {
            its.add(k);
            errs.add(relativeErrors(NetworkFit.predict(net, theta, in), y));
        });
        double[][] pred = NetworkFit.predict(net, r.theta(), in);
        double[][] predMid = NetworkFit.predict(net, r.theta(), inMid);
        double train = 0;
        double test = 0;
        double[] p = new double[points];
        for (int j = 0; j < points; j++) {
            p[j] = pred[j][0];
            train += Math.pow(pred[j][0] - y[j][0], 2);
            test += Math.pow(predMid[j][0] - target(mid[j][0]), 2);
        }
        return new Run(its.stream().mapToInt(Integer::intValue).toArray(), errs.toArray(new double[0][]), p,
                Math.sqrt(train / points), Math.sqrt(test / points));
    }

    private double[] relativeErrors(double[][] pred, double[][] y) {
        double[] r = new double[points];
        for (int j = 0; j < points; j++) {
            r[j] = y[j][0] - pred[j][0];
        }
        double[] a = Spectrum.amplitudes(r);
        double[] e = new double[frequencies.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = a[frequencies[i]] / (Math.abs(amplitudes[i]) / 2);
        }
        return e;
    }

    static double[][] column(double[] x) {
        double[][] c = new double[x.length][1];
        for (int j = 0; j < x.length; j++) {
            c[j][0] = x[j];
        }
        return c;
    }

    /** frequencies, a copy. */
    @Override
    public int[] frequencies() {
        return frequencies.clone();
    }

    /** Element {@code i} of frequencies (no copy). */
    public int frequencies(int i) {
        return frequencies[i];
    }

    /** amplitudes, a copy. */
    @Override
    public double[] amplitudes() {
        return amplitudes.clone();
    }

    /** Element {@code i} of amplitudes (no copy). */
    public double amplitudes(int i) {
        return amplitudes[i];
    }
}
