package org.climagrad.enso;

import java.util.SplittableRandom;
import org.climagrad.core.Check;

/**
 * Spatiotemporal equatorial SST anomaly fields built from two indices: an eastern-Pacific pattern
 * P_E (a Gaussian in longitude centred at {@code epCentre}) and a central-Pacific pattern P_C
 * (centred at {@code cpCentre}), combined so that the field's Niño3 and Niño4 box means equal the
 * given indices exactly, plus small-scale variability: AR(1) in time (one-month lag correlation
 * {@code noiseMemory}), Gaussian-smoothed in longitude (scale {@code noiseScale} degrees), with
 * standard deviation {@code noiseStd} K, projected so that it leaves the box means unchanged.
 *
 * <p>Build one with {@link #builder()} (defaults: the truth's, {@link #truth}) or vary it with
 * {@link #toBuilder()}.
 *
 * @param grid the longitudes
 * @param epCentre centre of the EP pattern, °E
 * @param cpCentre centre of the CP pattern, °E
 * @param width e-folding half-width of both patterns, degrees
 * @param noiseStd small-scale standard deviation, K (≥ 0)
 * @param noiseScale small-scale correlation length, degrees (&gt; 0)
 * @param noiseMemory month-to-month correlation of the small scales, in [0, 1)
 */
public record SstFields(EquatorialGrid grid, double epCentre, double cpCentre, double width, double noiseStd,
        double noiseScale, double noiseMemory) {
    /** Validates the ranges. */
    public SstFields {
        Check.positive("width", width);
        Check.nonNegative("noiseStd", noiseStd);
        Check.positive("noiseScale", noiseScale);
        Check.inHalfOpen("noiseMemory", noiseMemory, 0, 1);
        grid.index(epCentre);
        grid.index(cpCentre);
    }

    /** The truth's patterns: EP centred at 250°E (110°W), CP at 190°E (170°W), width 25°, noise 0.2 K. */
    public static SstFields truth(EquatorialGrid grid) {
        return builder().setGrid(grid).build();
    }

    /** A builder (setGrid required); the optional values default to the truth's, {@link #truth}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values (for variants). */
    public Builder toBuilder() {
        return new Builder().setGrid(grid).optEpCentre(epCentre).optCpCentre(cpCentre).optWidth(width)
                .optNoiseStd(noiseStd).optNoiseScale(noiseScale).optNoiseMemory(noiseMemory);
    }

    /** Builds a {@link SstFields} (DJL style); {@link #build()} validates and names the bad field. */
    public static final class Builder {
        private EquatorialGrid grid;
        private double epCentre = 250;
        private double cpCentre = 190;
        private double width = 25;
        private double noiseStd = 0.2;
        private double noiseScale = 10;
        private double noiseMemory = 0.6;

        private Builder() {}

        /** The longitudes (required). */
        public Builder setGrid(EquatorialGrid grid) {
            this.grid = grid;
            return this;
        }

        /** Centre of the EP pattern, °E, on the grid (default 250). */
        public Builder optEpCentre(double epCentre) {
            this.epCentre = epCentre;
            return this;
        }

        /** Centre of the CP pattern, °E, on the grid (default 190). */
        public Builder optCpCentre(double cpCentre) {
            this.cpCentre = cpCentre;
            return this;
        }

        /** E-folding half-width of both patterns &gt; 0, degrees (default 25). */
        public Builder optWidth(double width) {
            this.width = width;
            return this;
        }

        /** Small-scale standard deviation ≥ 0, K (default 0.2). */
        public Builder optNoiseStd(double noiseStd) {
            this.noiseStd = noiseStd;
            return this;
        }

        /** Small-scale correlation length &gt; 0, degrees (default 10). */
        public Builder optNoiseScale(double noiseScale) {
            this.noiseScale = noiseScale;
            return this;
        }

        /** Month-to-month correlation of the small scales, in [0, 1) (default 0.6). */
        public Builder optNoiseMemory(double noiseMemory) {
            this.noiseMemory = noiseMemory;
            return this;
        }

        /** Validates (the message names the field and its range) and builds. */
        public SstFields build() {
            java.util.Objects.requireNonNull(grid, "grid: required (setGrid)");
            return new SstFields(grid, epCentre, cpCentre, width, noiseStd, noiseScale, noiseMemory);
        }
    }

    /** The pattern shapes (unit peak) {@code [2][nx]}: EP then CP. */
    public double[][] shapes() {
        double[] x = grid.longitudes();
        double[][] p = new double[2][x.length];
        for (int i = 0; i < x.length; i++) {
            double e = (x[i] - epCentre) / width;
            double c = (x[i] - cpCentre) / width;
            p[0][i] = Math.exp(-e * e);
            p[1][i] = Math.exp(-c * c);
        }
        return p;
    }

    /**
     * Fields {@code [months][nx]} whose Niño3/Niño4 box means are {@code nino3}/{@code nino4}.
     *
     * @param seed seed of the small-scale variability
     */
    public double[][] fields(double[] nino3, double[] nino4, long seed) {
        Check.length("nino4", nino4, nino3.length);
        double[][] p = shapes();
        // Box means of the shapes: [[E3, C3], [E4, C4]] · (a, b) = (nino3, nino4).
        double e3 = grid.boxMean(p[0], EquatorialGrid.NINO3);
        double c3 = grid.boxMean(p[1], EquatorialGrid.NINO3);
        double e4 = grid.boxMean(p[0], EquatorialGrid.NINO4);
        double c4 = grid.boxMean(p[1], EquatorialGrid.NINO4);
        double det = e3 * c4 - c3 * e4;
        int nx = grid.size();
        double[][] out = new double[nino3.length][nx];
        SplittableRandom rng = new SplittableRandom(seed);
        double[] noise = new double[nx];
        double innovation = Math.sqrt(1 - noiseMemory * noiseMemory);
        for (int t = 0; t < nino3.length; t++) {
            double a = (nino3[t] * c4 - nino4[t] * c3) / det;
            double b = (e3 * nino4[t] - e4 * nino3[t]) / det;
            double[] fresh = smoothNoise(rng, nx);
            for (int i = 0; i < nx; i++) {
                noise[i] = noiseMemory * noise[i] + innovation * fresh[i];
            }
            double[] n = noise.clone();
            // Remove the noise's box means through the same two patterns, so the indices are exact.
            double n3 = grid.boxMean(n, EquatorialGrid.NINO3);
            double n4 = grid.boxMean(n, EquatorialGrid.NINO4);
            double na = (n3 * c4 - n4 * c3) / det;
            double nb = (e3 * n4 - e4 * n3) / det;
            for (int i = 0; i < nx; i++) {
                out[t][i] = a * p[0][i] + b * p[1][i] + noiseStd * n[i] - noiseStd * (na * p[0][i] + nb * p[1][i]);
            }
        }
        return out;
    }

    private double[] smoothNoise(SplittableRandom rng, int nx) {
        double[] white = new double[nx];
        for (int i = 0; i < nx; i++) {
            white[i] = rng.nextGaussian();
        }
        double sigma = noiseScale / grid.step();
        double[] out = new double[nx];
        double norm = 0;
        int half = (int) Math.ceil(3 * sigma);
        for (int k = -half; k <= half; k++) {
            norm += Math.exp(-k * k / (sigma * sigma));
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < nx; i++) {
            double s = 0;
            for (int k = -half; k <= half; k++) {
                int j = Math.min(nx - 1, Math.max(0, i + k));
                s += Math.exp(-0.5 * k * k / (sigma * sigma)) * white[j];
            }
            out[i] = s / norm;
        }
        return out;
    }
}
