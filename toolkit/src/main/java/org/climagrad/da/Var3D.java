package org.climagrad.da;

import org.climagrad.core.Check;
import org.climagrad.dynamics.Rollout;
import org.climagrad.obs.Climatology;
import org.climagrad.obs.Twin;

/**
 * 3D-Var as DAPPER's {@code Var3D} baseline: the background x_b is the model forecast (obsEvery
 * steps) of the previous analysis, B = xB · P_C is static, and the quadratic cost
 * J(x) = ½‖x − x_b‖²_B⁻¹ + ½‖y − H x‖²_R⁻¹ is minimised exactly in one step, i.e. the Kalman
 * update x_a = x_b + B Hᵀ (H B Hᵀ + R)⁻¹ (y − H x_b) (Kalnay 2003, eq. 5.5.5). The first background
 * is the climatological mean. Spread: sqrt(tr((I − K H) B)/nx) (a static number, not an error
 * estimate).
 *
 * @param climatology P_C {@code [nx][nx]} and the initial background μ_C {@code [nx]}
 * @param xB scaling of the climatological covariance, &gt; 0 (DAPPER's {@code xB}; 0.02 in the
 *     Sakov 2008 setup)
 */
public record Var3D(Climatology climatology, double xB) implements DaMethod {
    /** Validates the settings. */
    public Var3D {
        if (climatology == null) {
            throw new IllegalArgumentException("climatology: required, must not be null");
        }
        Check.positive("xB", xB);
    }

    @Override
    public DaResult assimilate(Twin twin) {
        int nx = climatology.mean().length;
        TwinChecks.require(twin, nx, "climatology");
        double[][] b = climatology.covariance();
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < nx; j++) {
                b[i][j] *= xB;
            }
        }
        Rollout rollout = twin.experiment().rollout();
        double[] theta = twin.experiment().parameters();
        int every = twin.experiment().obsEvery();
        int times = twin.times();
        double[][] mean = new double[times][];
        double[] spread = new double[times];
        double[] x = climatology.mean();
        for (int t = 0; t < times; t++) {
            if (t > 0) {
                x = rollout.advance(new double[][] {x}, theta, every)[0];
            }
            StaticGain.Update u = StaticGain.apply(x, b, ObsView.at(twin.observations(), t));
            x = u.mean();
            mean[t] = x;
            spread[t] = u.spread();
        }
        return DaResult.score(toString(), twin.experiment().obsInterval(), twin.truth(), mean, spread, null, null);
    }

    @Override
    public String toString() {
        return "Var3D(xB=" + xB + ")";
    }
}
