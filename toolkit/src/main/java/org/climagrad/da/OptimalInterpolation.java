package org.climagrad.da;

import org.climagrad.obs.Climatology;
import org.climagrad.obs.Twin;

/**
 * Optimal interpolation as DAPPER's {@code OptInterp} baseline: at every observation time the prior
 * is the climatological mean μ_C with the climatological covariance B = P_C, and the analysis is
 * the Kalman update x_a = μ_C + B Hᵀ (H B Hᵀ + R)⁻¹ (y − H μ_C). No model forecast is used, so the
 * estimate at each time depends on that time's observations only. Spread: sqrt(tr((I − K H) B)/nx).
 *
 * <p>Unlike DAPPER, which estimates μ_C and P_C from the truth run itself, the climatology here
 * comes from an independent model run ({@link Climatology#builder()}).
 *
 * @param climatology μ_C {@code [nx]} and P_C {@code [nx][nx]}
 */
public record OptimalInterpolation(Climatology climatology) implements DaMethod {
    /** Requires a climatology. */
    public OptimalInterpolation {
        if (climatology == null) {
            throw new IllegalArgumentException("climatology: required, must not be null");
        }
    }

    @Override
    public DaResult assimilate(Twin twin) {
        int nx = climatology.mean().length;
        TwinChecks.require(twin, nx, "climatology");
        double[][] b = climatology.covariance();
        double[] mu = climatology.mean();
        int times = twin.times();
        double[][] mean = new double[times][];
        double[] spread = new double[times];
        for (int t = 0; t < times; t++) {
            StaticGain.Update u = StaticGain.apply(mu, b, ObsView.at(twin.observations(), t));
            mean[t] = u.mean();
            spread[t] = u.spread();
        }
        return DaResult.score(toString(), twin.experiment().obsInterval(), twin.truth(), mean, spread, null, null);
    }

    @Override
    public String toString() {
        return "OptInterp";
    }
}
