package org.climagrad.zonal;

import org.climagrad.core.Check;

/**
 * An intermediate-complexity climate model standing in for the MIT Earth System Model of Womack et
 * al. (2026, experiment 5): a zonal-mean energy balance model on {@code bands} equal-latitude bands
 * with a mixed layer over a deep ocean and meridional heat diffusion (North, Cahalan &amp; Coakley
 * 1981; Held et al. 2010 two-layer ocean), in x = sin(latitude):
 *
 * <pre>
 *   C_m ∂T/∂t = F(x, t) − λ(x) T − γ (T − T_d) + ∂/∂x [ k (1 − x²) ∂T/∂x ]
 *   C_d ∂T_d/∂t = γ (T − T_d)
 * </pre>
 *
 * with λ(x) = λ0 + λ2·P2(x) (weaker feedback towards the poles gives polar amplification) and
 * forcing F = F_GHG·g(x) + F_aer·h(x): greenhouse forcing nearly uniform (g = 1 + g2·P2), aerosol
 * forcing concentrated in northern mid-latitudes (h a Gaussian in latitude), both patterns with
 * area mean 1 so that the global means equal the SCM's ERF. One year = {@code substeps} implicit
 * Euler steps (tridiagonal solve), unconditionally stable. Plain Java: run forward only.
 *
 * <p>Build one with {@link #builder()} (every field optional, defaults those of {@link #standard()})
 * or vary the standard model with {@link #toBuilder()}; the canonical constructor validates but is
 * not meant to be called with eleven positional numbers.
 *
 * @param bands latitude bands ≥ 3 (the paper's model: 46)
 * @param mixedCapacity C_m, W yr m⁻² K⁻¹
 * @param deepCapacity C_d, W yr m⁻² K⁻¹
 * @param exchange γ, W m⁻² K⁻¹
 * @param diffusion k, W m⁻² K⁻¹
 * @param feedback λ0, W m⁻² K⁻¹ (area mean of λ)
 * @param feedbackP2 λ2, W m⁻² K⁻¹
 * @param ghgP2 g2, dimensionless
 * @param aerosolLatitude centre of the aerosol forcing, degrees north
 * @param aerosolWidth its e-folding half-width, degrees
 * @param substeps implicit steps per year ≥ 1
 */
public record ZonalEbm(int bands, double mixedCapacity, double deepCapacity, double exchange, double diffusion,
        double feedback, double feedbackP2, double ghgP2, double aerosolLatitude, double aerosolWidth, int substeps) {
    /** Validates the ranges. */
    public ZonalEbm {
        Check.atLeast("bands", bands, 3);
        Check.positive("mixedCapacity", mixedCapacity);
        Check.positive("deepCapacity", deepCapacity);
        Check.nonNegative("exchange", exchange);
        Check.nonNegative("diffusion", diffusion);
        Check.positive("feedback", feedback);
        if (feedback - Math.abs(feedbackP2) <= 0) {
            throw new IllegalArgumentException("feedbackP2 = " + feedbackP2 + ": |λ2| must be < λ0 = " + feedback
                    + " so that λ(x) > 0 everywhere");
        }
        Check.inClosed("aerosolLatitude", aerosolLatitude, -90, 90);
        Check.positive("aerosolWidth", aerosolWidth);
        Check.atLeast("substeps", substeps, 1);
    }

    /**
     * Defaults: 46 bands, C_m = 8, C_d = 100 W yr m⁻² K⁻¹, γ = 0.7, k = 0.45, λ0 = 1.3, λ2 = −0.4
     * W m⁻² K⁻¹, g2 = −0.1, aerosol forcing centred at 40°N with width 15°, 12 steps a year.
     */
    public static ZonalEbm standard() {
        return builder().build();
    }

    /** A builder holding the defaults of {@link #standard()}; every setter is optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this model's values (for variants). */
    public Builder toBuilder() {
        return new Builder().optBands(bands).optMixedCapacity(mixedCapacity).optDeepCapacity(deepCapacity)
                .optExchange(exchange).optDiffusion(diffusion).optFeedback(feedback).optFeedbackP2(feedbackP2)
                .optGhgP2(ghgP2).optAerosolLatitude(aerosolLatitude).optAerosolWidth(aerosolWidth)
                .optSubsteps(substeps);
    }

    /**
     * Builds a {@link ZonalEbm} (DJL style); {@link #build()} validates and names the bad field.
     * Defaults are those of {@link ZonalEbm#standard()}.
     */
    public static final class Builder {
        private int bands = 46;
        private double mixedCapacity = 8;
        private double deepCapacity = 100;
        private double exchange = 0.7;
        private double diffusion = 0.45;
        private double feedback = 1.3;
        private double feedbackP2 = -0.4;
        private double ghgP2 = -0.1;
        private double aerosolLatitude = 40;
        private double aerosolWidth = 15;
        private int substeps = 12;

        private Builder() {}

        /** Latitude bands ≥ 3 (default 46, the paper's model). */
        public Builder optBands(int bands) {
            this.bands = bands;
            return this;
        }

        /** C_m &gt; 0, W yr m⁻² K⁻¹ (default 8). */
        public Builder optMixedCapacity(double mixedCapacity) {
            this.mixedCapacity = mixedCapacity;
            return this;
        }

        /** C_d &gt; 0, W yr m⁻² K⁻¹ (default 100). */
        public Builder optDeepCapacity(double deepCapacity) {
            this.deepCapacity = deepCapacity;
            return this;
        }

        /** γ ≥ 0, W m⁻² K⁻¹ (default 0.7). */
        public Builder optExchange(double exchange) {
            this.exchange = exchange;
            return this;
        }

        /** k ≥ 0, W m⁻² K⁻¹ (default 0.45). */
        public Builder optDiffusion(double diffusion) {
            this.diffusion = diffusion;
            return this;
        }

        /** λ0 &gt; 0, W m⁻² K⁻¹, the area mean of λ (default 1.3). */
        public Builder optFeedback(double feedback) {
            this.feedback = feedback;
            return this;
        }

        /** λ2, W m⁻² K⁻¹, with |λ2| &lt; λ0 (default −0.4). */
        public Builder optFeedbackP2(double feedbackP2) {
            this.feedbackP2 = feedbackP2;
            return this;
        }

        /** g2, dimensionless (default −0.1). */
        public Builder optGhgP2(double ghgP2) {
            this.ghgP2 = ghgP2;
            return this;
        }

        /** Centre of the aerosol forcing in [−90, 90], degrees north (default 40). */
        public Builder optAerosolLatitude(double aerosolLatitude) {
            this.aerosolLatitude = aerosolLatitude;
            return this;
        }

        /** E-folding half-width of the aerosol forcing &gt; 0, degrees (default 15). */
        public Builder optAerosolWidth(double aerosolWidth) {
            this.aerosolWidth = aerosolWidth;
            return this;
        }

        /** Implicit steps per year ≥ 1 (default 12). */
        public Builder optSubsteps(int substeps) {
            this.substeps = substeps;
            return this;
        }

        /** Validates (the message names the field and its range) and builds. */
        public ZonalEbm build() {
            return new ZonalEbm(bands, mixedCapacity, deepCapacity, exchange, diffusion, feedback, feedbackP2, ghgP2,
                    aerosolLatitude, aerosolWidth, substeps);
        }
    }

    /** Band-centre latitudes, degrees. */
    public double[] latitudes() {
        double[] lat = new double[bands];
        for (int i = 0; i < bands; i++) {
            lat[i] = -90 + (i + 0.5) * 180.0 / bands;
        }
        return lat;
    }

    /** Area weights of the bands (sum 1). */
    public double[] areaWeights() {
        double[] w = new double[bands];
        for (int i = 0; i < bands; i++) {
            w[i] = (xEdge(i + 1) - xEdge(i)) / 2;
        }
        return w;
    }

    /** Greenhouse forcing pattern g (area mean 1). */
    public double[] ghgPattern() {
        double[] g = new double[bands];
        for (int i = 0; i < bands; i++) {
            g[i] = 1 + ghgP2 * p2(xCentre(i));
        }
        return normalise(g);
    }

    /** Aerosol forcing pattern h (area mean 1), a Gaussian in latitude. */
    public double[] aerosolPattern() {
        double[] lat = latitudes();
        double[] h = new double[bands];
        for (int i = 0; i < bands; i++) {
            double z = (lat[i] - aerosolLatitude) / aerosolWidth;
            h[i] = Math.exp(-z * z);
        }
        return normalise(h);
    }

    /**
     * Runs from rest (T = T_d = 0).
     *
     * @param ghgForcing global-mean greenhouse ERF per year, W m⁻²
     * @param aerosolForcing global-mean aerosol ERF per year, W m⁻² (same length)
     * @return surface temperature anomaly {@code [years][bands]}, K
     */
    public double[][] run(double[] ghgForcing, double[] aerosolForcing) {
        Check.length("aerosolForcing", aerosolForcing, ghgForcing.length);
        double[] g = ghgPattern();
        double[] h = aerosolPattern();
        double[] lambda = new double[bands];
        for (int i = 0; i < bands; i++) {
            lambda[i] = feedback + feedbackP2 * p2(xCentre(i));
        }
        double dt = 1.0 / substeps;
        double[] w = areaWeights();
        double[] lower = new double[bands];
        double[] diag = new double[bands];
        double[] upper = new double[bands];
        for (int i = 0; i < bands; i++) {
            double left = i == 0 ? 0 : conductance(i) / (2 * w[i]);
            double right = i == bands - 1 ? 0 : conductance(i + 1) / (2 * w[i]);
            lower[i] = -left;
            upper[i] = -right;
            diag[i] = mixedCapacity / dt + lambda[i] + exchange + left + right;
        }
        double[] t = new double[bands];
        double[] d = new double[bands];
        double[][] out = new double[ghgForcing.length][];
        double[] rhs = new double[bands];
        for (int y = 0; y < ghgForcing.length; y++) {
            Check.finite("ghgForcing[" + y + "]", ghgForcing[y]);
            Check.finite("aerosolForcing[" + y + "]", aerosolForcing[y]);
            for (int s = 0; s < substeps; s++) {
                for (int i = 0; i < bands; i++) {
                    rhs[i] = mixedCapacity / dt * t[i] + ghgForcing[y] * g[i] + aerosolForcing[y] * h[i]
                            + exchange * d[i];
                }
                t = tridiagonal(lower, diag, upper, rhs);
                for (int i = 0; i < bands; i++) {
                    d[i] = (deepCapacity / dt * d[i] + exchange * t[i]) / (deepCapacity / dt + exchange);
                }
            }
            out[y] = t.clone();
        }
        return out;
    }

    /** Area-weighted global mean of a zonal field. */
    public double globalMean(double[] field) {
        double[] w = areaWeights();
        double s = 0;
        for (int i = 0; i < bands; i++) {
            s += w[i] * field[i];
        }
        return s;
    }

    /** k (1 − x²) / Δx at the edge between bands i−1 and i (i in 1..bands−1). */
    private double conductance(int edge) {
        double xe = xEdge(edge);
        return diffusion * (1 - xe * xe) / (xCentre(edge) - xCentre(edge - 1));
    }

    private double xEdge(int i) {
        return Math.sin(Math.toRadians(-90 + i * 180.0 / bands));
    }

    private double xCentre(int i) {
        return (xEdge(i) + xEdge(i + 1)) / 2;
    }

    private static double p2(double x) {
        return (3 * x * x - 1) / 2;
    }

    private double[] normalise(double[] p) {
        double m = globalMean(p);
        for (int i = 0; i < p.length; i++) {
            p[i] /= m;
        }
        return p;
    }

    /** Thomas algorithm for a tridiagonal system (diagonally dominant here). */
    static double[] tridiagonal(double[] a, double[] b, double[] c, double[] r) {
        int n = b.length;
        double[] cp = new double[n];
        double[] rp = new double[n];
        cp[0] = c[0] / b[0];
        rp[0] = r[0] / b[0];
        for (int i = 1; i < n; i++) {
            double m = b[i] - a[i] * cp[i - 1];
            cp[i] = c[i] / m;
            rp[i] = (r[i] - a[i] * rp[i - 1]) / m;
        }
        double[] x = new double[n];
        x[n - 1] = rp[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            x[i] = rp[i] - cp[i] * x[i + 1];
        }
        return x;
    }
}
