package org.climagrad.scm;

import ai.djl.ndarray.NDArray;
import org.climagrad.core.Tensors;

/**
 * Effective radiative forcing (W m⁻²) of the six agents, each a pure function of concentrations
 * (C ppm CO2, M ppb CH4, N ppb N2O), emissions and θ columns ({@code [batch]}).
 *
 * <ul>
 *   <li>CO2: F4x·ln(C/C0)/ln 4, logarithmic so that 2×CO2 gives F4x/2 ≈ 3.9 W m⁻², consistent with
 *       the EBM calibration (AR6: 3.93 ± 0.47).
 *   <li>CH4 and N2O: the AR6 formulae (Meinshausen et al. 2020; AR6 WG1 Table 7.SM.1) with the AR6
 *       tropospheric adjustments (CH4 × 0.86, N2O × 1.07).
 *   <li>Tropospheric ozone from CH4 and N2O (Thornhill et al. 2021 coefficients).
 *   <li>Aerosols: aerosol-radiation linear in SO2 and BC emissions above 1750; aerosol-cloud
 *       −β·[ln(1 + E_SO2/s) − ln(1 + E_SO2,1750/s)] (FaIR 2.1 style).
 * </ul>
 */
public final class Forcing {
    /** Pre-industrial (1750) CO2, ppm (AR6). */
    public static final double CO2_0 = 278.3;
    /** Pre-industrial (1750) CH4, ppb (AR6). */
    public static final double CH4_0 = 729.2;
    /** Pre-industrial (1750) N2O, ppb (AR6). */
    public static final double N2O_0 = 270.1;

    private Forcing() {}

    /** CO2 ERF from concentration C ({@code [batch]}, ppm). */
    public static NDArray co2(NDArray c, NDArray f4x) {
        return f4x.mul(Tensors.mul(c, 1 / CO2_0).log()).mul(Tensors.scalar(c, 1 / Math.log(4)));
    }

    /** CH4 ERF (AR6): 0.86·(a3 √M + b3 √N + d3)(√M − √M0), M and N in ppb. */
    public static NDArray ch4(NDArray m, NDArray n) {
        NDArray sm = m.sqrt();
        NDArray coef = Tensors.add(Tensors.mul(sm, -8.9603e-5).add(Tensors.mul(n.sqrt(), -1.2462e-4)), 0.045194);
        return Tensors.mul(coef.mul(Tensors.add(sm, -Math.sqrt(CH4_0))), 0.86);
    }

    /** N2O ERF (AR6): 1.07·(a2 √C + b2 √N + c2 √M + d2)(√N − √N0), C in ppm, N and M in ppb. */
    public static NDArray n2o(NDArray c, NDArray n, NDArray m) {
        NDArray sn = n.sqrt();
        NDArray coef = Tensors.add(Tensors.mul(c.sqrt(), -3.4197e-4).add(Tensors.mul(sn, 2.5455e-4))
                .add(Tensors.mul(m.sqrt(), -2.4357e-4)), 0.12173);
        return Tensors.mul(coef.mul(Tensors.add(sn, -Math.sqrt(N2O_0))), 1.07);
    }

    /** Tropospheric ozone: k_CH4·(M − M0) + k_N2O·(N − N0). */
    public static NDArray ozone(NDArray m, NDArray n, NDArray kCh4, NDArray kN2o) {
        return kCh4.mul(Tensors.add(m, -CH4_0)).add(kN2o.mul(Tensors.add(n, -N2O_0)));
    }

    /** Aerosol-radiation: β_SO2·ΔE_SO2 + β_BC·ΔE_BC (emission anomalies above 1750). */
    public static NDArray aerosolRadiation(NDArray dSo2, NDArray dBc, NDArray betaSo2, NDArray betaBc) {
        return betaSo2.mul(dSo2).add(betaBc.mul(dBc));
    }

    /** Aerosol-cloud: −β·[ln(1 + E/s) − ln(1 + E0/s)], E the SO2 emission, E0 its 1750 value. */
    public static NDArray aerosolCloud(NDArray so2, double so2Preindustrial, NDArray beta, NDArray shape) {
        NDArray now = Tensors.add(so2.div(shape), 1).log();
        NDArray pre = Tensors.add(Tensors.scalar(shape, so2Preindustrial).div(shape), 1).log();
        return beta.mul(now.sub(pre)).neg();
    }
}
