package org.climagrad.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import org.climagrad.core.Check;
import org.climagrad.core.Profile;
import org.climagrad.da.Ensembles;
import org.climagrad.enso.EquatorialGrid;
import org.climagrad.enso.FieldAutoencoder;
import org.climagrad.enso.LatentCorrection;
import org.climagrad.enso.LatentDynamics;
import org.climagrad.enso.LatentFilter;
import org.climagrad.enso.ObservationNetwork;
import org.climagrad.plot.Charts;
import org.climagrad.plot.Figure;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Behnoudfar et al. (2025), the latent assimilation: an autoencoder of the operational fields
 * (Figure 2), a linear latent forecast model, and an EnKF in latent space that assimilates the
 * idealized model's coarse output (SST every {@code spacing} degrees along the equator) and
 * corrects the operational model ({@link #correct}; Figures 3 and 4 in {@link
 * Behnoudfar2025Figures}).
 */
public final class Behnoudfar2025Latent {
    private Behnoudfar2025Latent() {}

    /** The settings of the current profile: {@code Settings.of(Profile.current())}. */
    public static Settings settings() {
        return Settings.of(Profile.current());
    }

    /**
     * Settings of the correction (make them with {@link Settings#builder()} or {@link Settings#of}).
     *
     * @param autoencoder the autoencoder of the operational fields
     * @param ensembleSize EnKF members N ≥ 2
     * @param inflation multiplicative inflation λ ≥ 1
     * @param observationError σ of the idealized model's output, K (&gt; 0)
     * @param spacing spacing of the observed points, degrees (the idealized model's coarse grid, &gt; 0)
     * @param seed seed of the observation noise and the filter
     */
    public record Settings(FieldAutoencoder autoencoder, int ensembleSize, double inflation, double observationError,
            double spacing, long seed) {
        /** Validates (callers use {@link #builder()} or {@link #of}). */
        public Settings {
            java.util.Objects.requireNonNull(autoencoder, "autoencoder");
            Check.atLeast("ensembleSize", ensembleSize, 2);
            if (!(inflation >= 1)) {
                throw new IllegalArgumentException("inflation = " + inflation + ": must be >= 1");
            }
            Check.positive("observationError", observationError);
            Check.positive("spacing", spacing);
        }

        /**
         * FAST: d = 8, 8 hidden units, 20 epochs from the leading EOFs ({@link FieldAutoencoder.Start#EOF}),
         * N = 20; PAPER: 50 epochs, N = 50. Both: inflation 1.5, σ = 0.03 K, observed every 20° (9 of
         * the 81 points), seed 2025. d = 8 is the smallest size whose EOFs hold 99 % of the
         * operational variance. With σ = 0.1 K the analysis is too smooth and the corrected Niño4
         * skewness is about half the truth's (README).
         */
        public static Settings of(Profile profile) {
            FieldAutoencoder ae = FieldAutoencoder.builder().setLatent(8).setHidden(8).setEpochs(profile.pick(20, 50))
                    .setBatchSize(32).setLearningRate(3e-3).optSeed(1).optStart(FieldAutoencoder.Start.EOF).build();
            return builder().setAutoencoder(ae).setEnsembleSize(profile.pick(20, 50)).build();
        }

        /**
         * A builder ({@code setAutoencoder}, {@code setEnsembleSize} required); the optional values default to
         * those of {@link #of}.
         */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder holding these values (for variants). */
        public Builder toBuilder() {
            return new Builder().setAutoencoder(autoencoder).setEnsembleSize(ensembleSize).optInflation(inflation)
                    .optObservationError(observationError).optSpacing(spacing).optSeed(seed);
        }

        /** Builds a {@link Settings} (DJL style); {@link #build()} validates and names the bad field. */
        public static final class Builder {
            private FieldAutoencoder autoencoder;
            private Integer ensembleSize;
            private double inflation = 1.5;
            private double observationError = 0.03;
            private double spacing = 20;
            private long seed = 2025;

            private Builder() {}

            /** The autoencoder of the operational fields (required). */
            public Builder setAutoencoder(FieldAutoencoder autoencoder) {
                this.autoencoder = autoencoder;
                return this;
            }

            /** EnKF members N ≥ 2 (required). */
            public Builder setEnsembleSize(int ensembleSize) {
                this.ensembleSize = ensembleSize;
                return this;
            }

            /** Multiplicative inflation λ ≥ 1 (default 1.5). */
            public Builder optInflation(double inflation) {
                this.inflation = inflation;
                return this;
            }

            /** σ of the idealized model's output &gt; 0, K (default 0.03). */
            public Builder optObservationError(double observationError) {
                this.observationError = observationError;
                return this;
            }

            /** Spacing of the observed points &gt; 0, degrees (default 20: 9 of the 81 points). */
            public Builder optSpacing(double spacing) {
                this.spacing = spacing;
                return this;
            }

            /** Seed of the observation noise and the filter (default 2025). */
            public Builder optSeed(long seed) {
                this.seed = seed;
                return this;
            }

            /** Validates (the message names the field and its range) and builds. */
            public Settings build() {
                if (autoencoder == null) {
                    throw new IllegalArgumentException("autoencoder: required (setAutoencoder)");
                }
                if (ensembleSize == null) {
                    throw new IllegalArgumentException("ensembleSize: required (setEnsembleSize)");
                }
                return new Settings(autoencoder, ensembleSize, inflation, observationError, spacing, seed);
            }
        }

    }

    /**
     * A finished correction.
     *
     * @param data truth and operational model
     * @param autoencoder trained on the operational fields
     * @param dynamics latent forecast model fitted to the encoded operational run
     * @param network the observed points
     * @param observations the idealized model's output with noise {@code [months][p]}, K
     * @param result the latent assimilation's output
     */
    public record Correction(Behnoudfar2025.Data data, FieldAutoencoder.Trained autoencoder, LatentDynamics dynamics,
            ObservationNetwork network, double[][] observations, LatentCorrection result) {
        /** Copies the observations. */
        public Correction {
            observations = copy(observations);
        }

        /** The idealized model's output with noise {@code [months][p]}, K (a copy). */
        @Override
        public double[][] observations() {
            return copy(observations);
        }

        /** One observation: month, probe, K (no copy). */
        public double observation(int month, int probe) {
            return observations[month][probe];
        }

        private static double[][] copy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }
    }

    /** The idealized model's coarse grid: points every {@code spacing} degrees from the western edge. */
    public static ObservationNetwork network(EquatorialGrid grid, double spacing) {
        List<Double> lon = new ArrayList<>();
        for (double x = grid.west(); x <= grid.east() + 1e-9; x += spacing) {
            lon.add(x);
        }
        return ObservationNetwork.points(grid, lon.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Trains the autoencoder on the operational fields, fits the latent dynamics, draws the
     * observations (truth at the network plus N(0, σ²) noise) and runs the latent EnKF over the
     * whole record.
     *
     * @param progress receives messages (training epochs, assimilated years), or null
     */
    public static Correction correct(Behnoudfar2025.Data data, Settings s, java.util.function.Consumer<String> progress) {
        IntConsumer epochs = progress == null ? null : e -> {
            if (e % 5 == 0 || e == s.autoencoder().epochs()) {
                progress.accept("autoencoder epoch " + e + "/" + s.autoencoder().epochs());
            }
        };
        FieldAutoencoder.Trained ae = s.autoencoder().fit(data.operationalField(), epochs);
        double[][] z = ae.encode(data.operationalField());
        LatentDynamics dyn = LatentDynamics.fit(z);
        ObservationNetwork net = network(data.grid(), s.spacing());
        double[][] y = net.observe(data.truthField());
        Random rng = new Random(s.seed());
        for (double[] row : y) {
            for (int j = 0; j < row.length; j++) {
                row[j] += s.observationError() * rng.nextGaussian();
            }
        }
        LatentFilter filter = LatentFilter.builder().setAutoencoder(ae).setDynamics(dyn).setNetwork(net)
                .setClimatology(z).optEnsembleSize(s.ensembleSize()).optInflation(s.inflation())
                .optObservationError(s.observationError()).optSeed(s.seed()).build();
        int years = data.truthField().length / 12;
        IntConsumer yearly = progress == null ? null : yr -> {
            if (yr % Math.max(1, years / 5) == 0) {
                progress.accept("assimilated " + yr + "/" + years + " years");
            }
        };
        return new Correction(data, ae, dyn, net, y, filter.run(y, yearly));
    }

    /**
     * Figure 2: explained variance of the operational fields (and of the truth's, which the
     * autoencoder never sees) against the latent size, and the latent directions of the settings'
     * autoencoder decoded to patterns: decode(z̄ + s_k e_k) − decode(z̄), s_k the standard deviation
     * of latent k over the operational run.
     *
     * @param sizes latent sizes to train (each &lt; nx); the settings' size is added if missing
     * @param progress receives one message per trained size, or null
     */
    public static Figure figure2(Behnoudfar2025.Data data, Settings s, int[] sizes,
            java.util.function.Consumer<String> progress) {
        Table t = Table.create("Autoencoder skill vs latent size", IntColumn.create("latent size"),
                DoubleColumn.create("explained variance (operational)"), DoubleColumn.create("explained variance (truth)"));
        int chosen = s.autoencoder().latent();
        int[] all = java.util.stream.IntStream.concat(java.util.Arrays.stream(sizes), java.util.stream.IntStream.of(chosen))
                .distinct().sorted().toArray();
        double[][] modes = null;
        for (int d : all) {
            try (FieldAutoencoder.Trained ae = s.autoencoder().withLatent(d).fit(data.operationalField(), null)) {
                t.intColumn(0).append(d);
                t.doubleColumn(1).append(ae.explainedVariance(data.operationalField()));
                t.doubleColumn(2).append(ae.explainedVariance(data.truthField()));
                if (d == chosen) {
                    modes = decodedModes(ae, ae.encode(data.operationalField()));
                }
                if (progress != null) {
                    progress.accept("latent size " + d + ": explained variance " + t.doubleColumn(1).get(t.rowCount() - 1));
                }
            }
        }
        List<Chart<?, ?>> panels = new ArrayList<>();
        Map<String, double[]> ev = new LinkedHashMap<>();
        ev.put("operational fields", t.doubleColumn(1).asDoubleArray());
        ev.put("truth fields (never seen)", t.doubleColumn(2).asDoubleArray());
        double[] x = t.intColumn(0).asDoubleArray();
        panels.add(Charts.lines("Reconstruction skill", "latent size d", "explained variance", x, ev));
        Map<String, double[]> named = new LinkedHashMap<>();
        for (int k = 0; k < modes.length; k++) {
            named.put("z" + (k + 1), modes[k]);
        }
        panels.add(Charts.lines("Latent directions decoded (d = " + chosen + ", +1 std from the mean)", "longitude (°E)",
                "K", data.grid().longitudes(), named));
        return new Figure("Behnoudfar et al. Fig. 2: the autoencoder", t, panels, 2);
    }

    /** decode(z̄ + s_k e_k) − decode(z̄) for each latent direction k {@code [d][nx]}, K. */
    public static double[][] decodedModes(FieldAutoencoder.Trained ae, double[][] z) {
        double[] mean = Ensembles.mean(z);
        int d = mean.length;
        double[][] in = new double[d + 1][];
        in[0] = mean;
        for (int k = 0; k < d; k++) {
            double v = 0;
            for (double[] row : z) {
                v += (row[k] - mean[k]) * (row[k] - mean[k]) / (z.length - 1);
            }
            in[k + 1] = mean.clone();
            in[k + 1][k] += Math.sqrt(v);
        }
        double[][] f = ae.decode(in);
        double[][] out = new double[d][f[0].length];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < out[k].length; i++) {
                out[k][i] = f[k + 1][i] - f[0][i];
            }
        }
        return out;
    }
}
