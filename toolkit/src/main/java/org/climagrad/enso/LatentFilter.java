package org.climagrad.enso;

import java.util.Random;
import java.util.function.IntConsumer;
import org.climagrad.core.Check;
import org.climagrad.da.Enkf;
import org.climagrad.da.EnkfUpdate;
import org.climagrad.da.Ensembles;
import org.climagrad.da.Localization;
import org.climagrad.da.ObsDistances;

/**
 * Latent data assimilation (Behnoudfar et al. 2025, Sec. 3): an ensemble Kalman filter in the
 * latent space of an autoencoder trained on the operational model. Each month the members are
 * forecast with the {@link LatentDynamics}, decoded, observed through the {@link
 * ObservationNetwork} (h(z) = H decode(z), nonlinear in z), analysed by the toolkit's {@link Enkf}
 * with multiplicative inflation and optional localisation, and decoded back to full fields. The
 * corrected field is the mean of the decoded analysis members; their standard deviation is its
 * uncertainty.
 *
 * <p>Localisation in latent space: latent direction k sits at the centroid longitude of its
 * sensitivity map, Σ_i lon_i J_ik² / Σ_i J_ik² (J the decoder Jacobian at the prior mean), and
 * each probe at its longitude; the taper's half-width is in degrees. Latent directions are
 * basin-wide patterns, so this localisation mostly removes real correlations: on the Behnoudfar
 * 2025 experiment a 60° half-width raises the Niño3 analysis error (README).
 *
 * <p>Inflation: a latent direction that no probe constrains is multiplied by λ every month and
 * contracted by the dynamics (spectral radius ρ(A)); with λ ρ(A) &gt; 1 its spread grows without
 * bound. Observe every direction (enough probes) or keep λ close to 1. Immutable; build with
 * {@link #builder()}.
 */
public final class LatentFilter {
    private final FieldAutoencoder.Trained autoencoder;
    private final LatentDynamics dynamics;
    private final ObservationNetwork network;
    private final double[][] prior;
    private final Enkf enkf;
    private final double sigma;
    private final long seed;
    private final double[] positions;

    private LatentFilter(Builder b) {
        autoencoder = b.autoencoder;
        dynamics = b.dynamics;
        network = b.network;
        sigma = b.sigma;
        seed = b.seed;
        Random rng = new Random(b.seed);
        prior = Ensembles.draw(b.climatology, b.ensembleSize, rng);
        enkf = Enkf.builder().setUpdate(b.update).optInflation(b.inflation).optLocalization(b.localization)
                .optInitialEnsemble(prior).optSeed(b.seed).build();
        positions = centroids(autoencoder.jacobian(Ensembles.mean(b.climatology)), network.grid().longitudes());
    }

    /** A builder; the autoencoder, dynamics, network and latent climatology are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The longitude (°E) at which each latent direction sits for localisation {@code [d]}. */
    public double[] latentPositions() {
        return positions.clone();
    }

    /** The EnKF that performs each analysis. */
    public Enkf enkf() {
        return enkf;
    }

    /**
     * Assimilates a sequence of monthly observations.
     *
     * @param observations y_t {@code [months][p]}, in the network's probe order, K
     * @param progress receives each finished year (1-based), or null
     * @return the corrected fields, their spread and the latent forecasts and analyses
     */
    public LatentCorrection run(double[][] observations, IntConsumer progress) {
        Check.columns("observations", observations, network.size());
        Check.allFinite("observations", observations);
        int months = observations.length;
        int d = dynamics.dimension();
        Random rng = new Random(seed + 1);
        ObsDistances distances = enkf.localization() == null ? null
                : ObsDistances.onLine(positions, network.longitudes());
        double[][] ens = prior;
        double[][] corrected = new double[months][];
        double[][] spread = new double[months][];
        double[][] member = new double[months][];
        double[][] forecastField = new double[months][];
        double[][] forecastLatent = new double[months][];
        double[][] analysisLatent = new double[months][];
        double[] innovation = new double[network.size()];
        for (int t = 0; t < months; t++) {
            if (t > 0) {
                ens = dynamics.step(ens, rng);
            }
            double[][] decoded = autoencoder.decode(ens);
            forecastLatent[t] = Ensembles.mean(ens);
            forecastField[t] = Ensembles.mean(decoded);
            double[][] predicted = network.observe(decoded);
            double[] hx = Ensembles.mean(predicted);
            for (int j = 0; j < innovation.length; j++) {
                innovation[j] += (observations[t][j] - hx[j]) * (observations[t][j] - hx[j]) / months;
            }
            ens = enkf.analyse(ens, predicted, observations[t], sigma, distances, rng);
            double[][] analysed = autoencoder.decode(ens);
            analysisLatent[t] = Ensembles.mean(ens);
            corrected[t] = Ensembles.mean(analysed);
            spread[t] = std(analysed, corrected[t]);
            member[t] = analysed[0];
            if (progress != null && (t + 1) % 12 == 0) {
                progress.accept((t + 1) / 12);
            }
        }
        for (int j = 0; j < innovation.length; j++) {
            innovation[j] = Math.sqrt(innovation[j]);
        }
        return new LatentCorrection(network.grid(), corrected, spread, member, forecastField, forecastLatent, analysisLatent,
                positions.clone(), innovation);
    }

    private static double[] std(double[][] members, double[] mean) {
        double[] s = new double[mean.length];
        for (double[] m : members) {
            for (int i = 0; i < s.length; i++) {
                s[i] += (m[i] - mean[i]) * (m[i] - mean[i]) / (members.length - 1);
            }
        }
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(s[i]);
        }
        return s;
    }

    /** Σ_i x_i J_ik² / Σ_i J_ik² for each column k of J {@code [nx][d]}. */
    static double[] centroids(double[][] j, double[] x) {
        int d = j[0].length;
        double[] c = new double[d];
        for (int k = 0; k < d; k++) {
            double w = 0;
            for (int i = 0; i < x.length; i++) {
                double v = j[i][k] * j[i][k];
                c[k] += x[i] * v;
                w += v;
            }
            c[k] = w > 0 ? c[k] / w : (x[0] + x[x.length - 1]) / 2;
        }
        return c;
    }

    /** Builds a {@link LatentFilter} (DJL style: {@code setX} required, {@code optX} optional). */
    public static final class Builder {
        private FieldAutoencoder.Trained autoencoder;
        private LatentDynamics dynamics;
        private ObservationNetwork network;
        private double[][] climatology;
        private int ensembleSize = 20;
        private EnkfUpdate update = new EnkfUpdate.PertObs();
        private double inflation = 1;
        private Localization localization;
        private double sigma = 0.1;
        private long seed;

        private Builder() {}

        /** The trained autoencoder of the operational fields (required). */
        public Builder setAutoencoder(FieldAutoencoder.Trained autoencoder) {
            this.autoencoder = autoencoder;
            return this;
        }

        /** The latent forecast model (required). */
        public Builder setDynamics(LatentDynamics dynamics) {
            this.dynamics = dynamics;
            return this;
        }

        /** What the idealized model provides (required). */
        public Builder setNetwork(ObservationNetwork network) {
            this.network = network;
            return this;
        }

        /** Latent states the initial ensemble is drawn from {@code [samples][d]} (required), e.g. the encoded operational run. */
        public Builder setClimatology(double[][] latentSamples) {
            this.climatology = latentSamples;
            return this;
        }

        /** Members N ≥ 2 (default 20). */
        public Builder optEnsembleSize(int n) {
            this.ensembleSize = n;
            return this;
        }

        /** The analysis flavour (default perturbed observations). */
        public Builder optUpdate(EnkfUpdate update) {
            this.update = update;
            return this;
        }

        /** Multiplicative inflation λ ≥ 1 (default 1). */
        public Builder optInflation(double inflation) {
            this.inflation = inflation;
            return this;
        }

        /** Localisation, half-width in degrees of longitude (default none). */
        public Builder optLocalization(Localization localization) {
            this.localization = localization;
            return this;
        }

        /** Observation-error standard deviation σ &gt; 0, K (default 0.1). */
        public Builder optObservationError(double sigma) {
            this.sigma = sigma;
            return this;
        }

        /** Seed of the initial draw, the model noise and the perturbations (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Validates and builds. */
        public LatentFilter build() {
            if (autoencoder == null || dynamics == null || network == null || climatology == null) {
                throw new IllegalArgumentException("autoencoder, dynamics, network and climatology: all required "
                        + "(setAutoencoder, setDynamics, setNetwork, setClimatology)");
            }
            int d = autoencoder.latent();
            if (dynamics.dimension() != d) {
                throw new IllegalArgumentException("dynamics: dimension " + dynamics.dimension()
                        + ", must equal the autoencoder's latent size " + d);
            }
            if (network.grid().size() != autoencoder.fieldSize()) {
                throw new IllegalArgumentException("network: grid of " + network.grid().size()
                        + " points, the autoencoder's fields have " + autoencoder.fieldSize());
            }
            Check.columns("climatology", climatology, d);
            Check.allFinite("climatology", climatology);
            Check.atLeast("ensembleSize", ensembleSize, 2);
            if (climatology.length < ensembleSize) {
                throw new IllegalArgumentException("ensembleSize = " + ensembleSize + ": must be <= the "
                        + climatology.length + " climatology samples");
            }
            Check.positive("observationError", sigma);
            return new LatentFilter(this);
        }
    }
}
