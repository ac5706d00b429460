package org.climagrad.enso;

import java.util.SplittableRandom;
import org.climagrad.core.Check;

/**
 * The multiscale stochastic conceptual ENSO model of Chen, Fang &amp; Yu (2022, npj Clim. Atmos.
 * Sci. 5, 16), with the parameter set of Fang &amp; Chen (2024, J. Climate, doi
 * 10.1175/JCLI-D-24-0017.1; "factor" f = 0.65): a three-region (western, central, eastern
 * equatorial Pacific) model with intraseasonal wind bursts and a decadal Walker circulation.
 * Non-dimensional; time unit 2 months, scales T 7.5 K, h 150 m, u 1.5 m/s, τ 5 m/s.
 *
 * <pre>
 *   du/dt   = −r u − δ_u (T_C + T_E)/2 + β_u(I) τ + σ_u Ẇ_u
 *   dh_W/dt = −r h_W − δ_h (T_C + T_E)/2 + β_h(I) τ + σ_h Ẇ_h
 *   dT_C/dt = (r_C − c_1(t, T_C)) T_C + ζ_C T_E + γ_C h_W + σ(I) u + C_u + β_C(I) τ + σ_C Ẇ_C
 *   dT_E/dt = (r_E − c_2(t)) T_E − ζ_E T_C + γ_E h_W + β_E(I) τ
 *   dτ/dt   = −d_τ τ + σ_τ(t, T_C) Ẇ_τ
 *   dI/dt   = −λ (I − m) + sqrt(λ (4 − I) I) Ẇ_I      (I uniform on [0, 4] at equilibrium)
 * </pre>
 *
 * with b0 = 2.5, μ = 0.5, α2 = 0.125f, α1 = α2 f/2, δ_u = α1 b0 μ, δ_h = α2 b0 μ, r = 0.25f,
 * γ_C = γ_E = 0.75f, r_C = ζ_C = ζ_E = γ b0 μ/2, r_E = 3 γ_E b0 μ/2, C_u = 0.03f, d_τ = 2,
 * λ = 2/60, m = 2; σ(I) = f I/5; β_{u,h,C,E}(I) = (−0.2, −0.4, 0.8, 1)·0.15 √f (2 − I/5);
 * c_1 = f [25 (T_C + 0.1)² + 0.9] (1 + 0.3 sin(2πt/6 − π/6)); c_2 = 1.4 f (1 + 0.3 sin(2πt/6 +
 * π/3) + 0.25 sin(4πt/6 + π/3)); σ_τ = 0.9 (tanh(7.5 T_C) + 1)(1 + 0.3 cos(2πt/6 + π/3));
 * σ_u = 0.04√f, σ_h = 0.02√f, σ_C = 0.04√f. The quadratic damping c_1 and the state-dependent
 * wind-burst noise make Niño3 (T_E) positively skewed and allow both eastern- and central-Pacific
 * events. Integration: Euler-Maruyama for u, h_W, T_C, T_E and Milstein for τ and I (their noise
 * is state dependent), step dt (default 0.005 = about 7 hours), batched over members, seeded.
 *
 * @param factor the modulating factor f of Fang &amp; Chen (2024), &gt; 0 (default 0.65)
 * @param dt time step in model units (2 months), in (0, 0.05]
 */
public record ConceptualEnso(double factor, double dt) {
    /** Months per model time unit. */
    public static final double MONTHS_PER_UNIT = 2;
    /** SST scale, K. */
    public static final double T_SCALE = 7.5;
    /** Thermocline depth scale, m. */
    public static final double H_SCALE = 150;
    /** Zonal current scale, m/s. */
    public static final double U_SCALE = 1.5;
    /** Wind burst scale, m/s. */
    public static final double TAU_SCALE = 5;

    /** Validates the ranges. */
    public ConceptualEnso {
        Check.positive("factor", factor);
        Check.inHalfOpen("dt", dt, 1e-6, 0.050001);
    }

    /** The published parameters: f = 0.65, dt = 0.005. */
    public static ConceptualEnso standard() {
        return new ConceptualEnso(0.65, 0.005);
    }

    /**
     * Simulates {@code members} independent runs of {@code years} years after a spin-up of
     * {@code spinUpYears}, from rest with I = 2, and returns monthly means as anomalies from each
     * member's monthly climatology (I is returned as is).
     */
    public EnsoRun simulate(int years, int members, int spinUpYears, long seed) {
        Check.atLeast("years", years, 1);
        Check.atLeast("members", members, 1);
        Check.atLeast("spinUpYears", spinUpYears, 0);
        double f = factor;
        double sf = Math.sqrt(f);
        double b0 = 2.5;
        double mu = 0.5;
        double alpha2 = 0.125 * f;
        double alpha1 = alpha2 / 2 * f;
        double deltaU = alpha1 * b0 * mu;
        double deltaH = alpha2 * b0 * mu;
        double r = 0.25 * f;
        double gamma = 0.75 * f;
        double rC = gamma * b0 * mu / 2;
        double rE = 3 * gamma * b0 * mu / 2;
        double zeta = gamma * b0 * mu / 2;
        double cU = 0.03 * f;
        double dTau = 2;
        double lambda = 2.0 / 60;
        double m = 2;
        double sigmaU = 0.04 * sf;
        double sigmaH = 0.02 * sf;
        double sigmaC = 0.04 * sf;
        int stepsPerMonth = (int) Math.round(1 / (MONTHS_PER_UNIT * dt));
        int months = years * 12;
        int spinUp = spinUpYears * 12;
        double[][][] out = new double[6][members][months];
        double sq = Math.sqrt(dt);
        SplittableRandom root = new SplittableRandom(seed);
        for (int k = 0; k < members; k++) {
            SplittableRandom rng = root.split();
            double u = 0;
            double h = 0;
            double tc = 0;
            double te = 0;
            double tau = 0;
            double walker = m;
            long step = 0;
            for (int month = -spinUp; month < months; month++) {
                double[] acc = new double[6];
                for (int s = 0; s < stepsPerMonth; s++, step++) {
                    double t = step * dt;
                    double phase = 2 * Math.PI * t / 6;
                    double sigmaI = walker > 0 && walker < 4 ? Math.sqrt(lambda * (4 - walker) * walker) : 0;
                    double dSigmaI = sigmaI > 0 ? lambda * (2 - walker) / sigmaI : 0;
                    double adv = walker / 5 * f;
                    double c1 = (25 * (tc + 0.75 / T_SCALE) * (tc + 0.75 / T_SCALE) + 0.9) * (1 + 0.3 * Math.sin(phase
                            - Math.PI / 6)) * f;
                    double c2 = 1.4 * f * (1 + 0.3 * Math.sin(phase + Math.PI / 3) + 0.25 * Math.sin(2 * phase
                            + Math.PI / 3));
                    double burst = (1 + (1 - walker / 5)) * 0.15 * sf;
                    double cosPhase = 1 + 0.3 * Math.cos(phase + Math.PI / 3);
                    double sigmaTau = 0.9 * (Math.tanh(7.5 * tc) + 1) * cosPhase;
                    double sech = 1 / Math.cosh(7.5 * tc);
                    double dSigmaTau = 0.9 * 7.5 * sech * sech * cosPhase;
                    double wI = rng.nextGaussian();
                    double wTau = rng.nextGaussian();
                    double nu = u + (-r * u - deltaU * (tc + te) / 2 - 0.2 * burst * tau) * dt
                            + sigmaU * sq * rng.nextGaussian();
                    double nh = h + (-r * h - deltaH * (tc + te) / 2 - 0.4 * burst * tau) * dt
                            + sigmaH * sq * rng.nextGaussian();
                    double ntc = tc + ((rC - c1) * tc + zeta * te + gamma * h + adv * u + cU + 0.8 * burst * tau) * dt
                            + sigmaC * sq * rng.nextGaussian();
                    double nte = te + ((rE - c2) * te - zeta * tc + gamma * h + burst * tau) * dt;
                    double ntau = tau - dTau * tau * dt + sigmaTau * sq * wTau
                            + 0.5 * sigmaTau * dSigmaTau * dt * (wTau * wTau - 1);
                    double nI = walker - lambda * (walker - m) * dt + sigmaI * sq * wI
                            + 0.5 * sigmaI * dSigmaI * dt * (wI * wI - 1);
                    u = nu;
                    h = nh;
                    tc = ntc;
                    te = nte;
                    tau = ntau;
                    walker = Math.min(4, Math.max(0, nI));
                    acc[0] += te;
                    acc[1] += tc;
                    acc[2] += h;
                    acc[3] += u;
                    acc[4] += tau;
                    acc[5] += walker;
                }
                if (!(Double.isFinite(tc) && Double.isFinite(te))) {
                    throw new IllegalStateException("conceptual ENSO: member " + k + " diverged in month " + month
                            + " (dt = " + dt + " too large?)");
                }
                if (month >= 0) {
                    double[] scale = {T_SCALE, T_SCALE, H_SCALE, U_SCALE, TAU_SCALE, 1};
                    for (int v = 0; v < 6; v++) {
                        out[v][k][month] = acc[v] / stepsPerMonth * scale[v];
                    }
                }
            }
            for (int v = 0; v < 5; v++) {
                removeMonthlyClimatology(out[v][k]);
            }
        }
        return new EnsoRun(out[0], out[1], out[2], out[3], out[4], out[5]);
    }

    /** Subtracts each calendar month's mean (month 0 is January). */
    static void removeMonthlyClimatology(double[] x) {
        for (int mo = 0; mo < 12; mo++) {
            double s = 0;
            int n = 0;
            for (int i = mo; i < x.length; i += 12) {
                s += x[i];
                n++;
            }
            double mean = s / n;
            for (int i = mo; i < x.length; i += 12) {
                x[i] -= mean;
            }
        }
    }
}
