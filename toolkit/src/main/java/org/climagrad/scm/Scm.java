package org.climagrad.scm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.climagrad.core.Tensors;
import org.climagrad.scenario.Agent;
import org.climagrad.scenario.Cmip7;

/**
 * A differentiable simple climate model in the style of FaIR v2 (Leach et al. 2021): emissions of
 * the six {@link Agent}s → gas cycles ({@link GasCycle}: four-box CO2 with state-dependent airborne
 * fraction, one-box CH4 and N2O) → concentrations → effective radiative forcing ({@link Forcing}) →
 * three-layer energy balance ({@link ThreeLayerEbm}) → global-mean surface warming. Annual steps;
 * every step is a pure function of tensors, so gradients with respect to emissions and the
 * parameters θ come from autograd. Emissions enter as anomalies above their 1750 values (the
 * pre-industrial state is a steady state). The batch axis runs over scenarios and parameter sets
 * together: one tensor operation per term per year for the whole batch.
 *
 * <p>Calibration (AR6-mean {@link ScmParameters#ar6()}): ECS = F4x/(2κ1) = 3.00 K, TCR ≈ 1.8 K;
 * historical warming 1850-1900 → 2011-2020 and aerosol ERF are stated in {@code ScmTest}. The
 * model has no halocarbons, no ozone precursors other than CH4 and N2O, no land-use albedo, no
 * volcanic or solar forcing: its aerosol coefficients are at the weak end of the AR6 range, which
 * stands in for the missing positive forcers.
 */
public final class Scm {
    /** Gt C per Gt CO2. */
    public static final double GTC_PER_GTCO2 = 12.011 / 44.009;
    /** ppm CO2 per Gt C in the atmosphere. */
    public static final double PPM_PER_GTC = 1 / 2.124;
    /** ppb CH4 per Mt CH4 in the atmosphere (1.7726e20 mol of air). */
    public static final double PPB_PER_MT_CH4 = 1e12 / 16.043 / 1.7726e20 * 1e9;
    /** ppb N2O per Mt N2O in the atmosphere. */
    public static final double PPB_PER_MT_N2O = 1e12 / 44.013 / 1.7726e20 * 1e9;
    /** Upper bound of the CO2 iIRF100, yr (FaIR). */
    public static final double CO2_IIRF_MAX = 97;
    private static final GasCycle CO2 = GasCycle.co2();
    private static final GasCycle CH4 = GasCycle.singleBox(9.15);
    private static final GasCycle N2O = GasCycle.singleBox(116);
    private static final double[] PREINDUSTRIAL = preindustrial();
    private static final NDIndex[] COLUMN = {new NDIndex(":, 0"), new NDIndex(":, 1"), new NDIndex(":, 2"),
        new NDIndex(":, 3"), new NDIndex(":, 4"), new NDIndex(":, 5")};

    private Scm() {}

    /** The 1750 emissions of {@link Cmip7#history()}, in {@link Agent} order (the model's zero). */
    public static double[] preindustrialEmissions() {
        return PREINDUSTRIAL.clone();
    }

    /**
     * Runs the model.
     *
     * @param emissions {@code [batch, 6, years]} in {@link Agent} order and units (float64)
     * @param theta parameters {@code [batch or 1, P]} (float64), {@link ScmParameter} order
     * @param co2Override prescribed CO2 concentration {@code [batch or 1, years]} ppm (concentration-driven
     *     runs such as abrupt-4×CO2), or null for emission-driven CO2
     * @return the trajectories, each {@code [batch, years]}
     */
    /** Refuses NaN, infinite or |x| &gt; bound values of a tensor entry point, naming it. */
    private static void finite(String name, NDArray x, double bound) {
        double[] v = x.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i]) || Math.abs(v[i]) > bound) {
                throw new IllegalArgumentException(name + ": element " + i + " is " + v[i] + "; need finite values"
                        + (bound < Double.MAX_VALUE ? " with |x| <= " + bound : ""));
            }
        }
    }

    public static ScmOutput forward(NDArray emissions, NDArray theta, NDArray co2Override) {
        Shape s = emissions.getShape();
        if (s.dimension() != 3 || s.get(1) != Agent.values().length) {
            throw new IllegalArgumentException("emissions: shape " + s + ", expected [batch, 6, years]");
        }
        if (theta.getShape().dimension() != 2 || theta.getShape().get(1) != ScmParameter.count()) {
            throw new IllegalArgumentException("theta: shape " + theta.getShape() + ", expected [batch, "
                    + ScmParameter.count() + "]");
        }
        int batch = (int) s.get(0);
        int years = (int) s.get(2);
        long thetaBatch = theta.getShape().get(0);
        if (thetaBatch != 1 && thetaBatch != batch) {
            throw new IllegalArgumentException("theta: batch " + thetaBatch + ", need 1 or the emissions' batch " + batch);
        }
        if (co2Override != null && (co2Override.getShape().dimension() != 2 || co2Override.getShape().get(1) != years
                || co2Override.getShape().get(0) != 1 && co2Override.getShape().get(0) != batch)) {
            throw new IllegalArgumentException("co2Override: shape " + co2Override.getShape() + ", need [1 or " + batch
                    + ", " + years + "]");
        }
        finite("emissions", emissions, FairScenario.MAX_ABS_EMISSION);
        finite("theta", theta, Double.MAX_VALUE);
        if (co2Override != null) {
            finite("co2Override", co2Override, Double.MAX_VALUE);
        }
        NDArray pre = Tensors.create(emissions.getManager(), PREINDUSTRIAL, new Shape(1, 6), emissions.getDataType());
        NDArray byYear = emissions.transpose(2, 0, 1);
        NDList phiGamma = ThreeLayerEbm.discretise(theta);
        NDArray zero = emissions.getManager().zeros(new Shape(batch), emissions.getDataType());
        NDArray co2Boxes = emissions.getManager().zeros(new Shape(batch, CO2.boxes()), emissions.getDataType());
        NDArray ch4Box = emissions.getManager().zeros(new Shape(batch, 1), emissions.getDataType());
        NDArray n2oBox = ch4Box;
        NDArray cumulative = zero;
        NDArray t = emissions.getManager().zeros(new Shape(batch, 3), emissions.getDataType());
        NDList temp = new NDList();
        NDList co2 = new NDList();
        NDList ch4 = new NDList();
        NDList n2o = new NDList();
        NDList erf = new NDList();
        NDArray r0 = col(theta, ScmParameter.CO2_R0);
        NDArray ru = col(theta, ScmParameter.CO2_RU);
        NDArray rt = col(theta, ScmParameter.CO2_RT);
        NDArray ch4R0 = col(theta, ScmParameter.CH4_R0);
        NDArray ch4Ra = col(theta, ScmParameter.CH4_RA);
        NDArray iirfN2o = col(theta, ScmParameter.N2O_R0).add(zero);
        NDArray f4x = col(theta, ScmParameter.F4X);
        NDArray o3Ch4 = col(theta, ScmParameter.O3_CH4);
        NDArray o3N2o = col(theta, ScmParameter.O3_N2O);
        NDArray so2Ari = col(theta, ScmParameter.SO2_ARI);
        NDArray bcAri = col(theta, ScmParameter.BC_ARI);
        NDArray aciBeta = col(theta, ScmParameter.ACI_BETA);
        NDArray aciShape = col(theta, ScmParameter.ACI_SHAPE);
        NDArray co2Max = Tensors.scalar(emissions, CO2_IIRF_MAX);
        GasCycle.Constants co2c = CO2.constants(emissions);
        GasCycle.Constants ch4c = CH4.constants(emissions);
        GasCycle.Constants n2oc = N2O.constants(emissions);
        for (int y = 0; y < years; y++) {
            NDArray e = byYear.get(y);
            NDArray d = e.sub(pre);
            NDArray t1 = t.get(COLUMN[0]);
            // CO2 (Gt C)
            NDArray eCo2 = Tensors.mul(d.get(COLUMN[0]).add(d.get(COLUMN[1])), GTC_PER_GTCO2);
            NDArray burden = co2Boxes.sum(new int[] {1});
            NDArray iirf = r0.add(ru.mul(cumulative.sub(burden))).add(rt.mul(t1));
            iirf = iirf.minimum(co2Max);
            co2Boxes = CO2.step(co2Boxes, eCo2, CO2.alpha(iirf), co2c);
            cumulative = cumulative.add(eCo2);
            NDArray c = co2Override != null ? co2Override.get(":, " + y).add(zero)
                    : Tensors.add(Tensors.mul(co2Boxes.sum(new int[] {1}), PPM_PER_GTC), Forcing.CO2_0);
            // CH4 and N2O (Mt)
            NDArray iirfCh4 = ch4R0.add(ch4Ra.mul(ch4Box.get(COLUMN[0])));
            ch4Box = CH4.step(ch4Box, d.get(COLUMN[2]), CH4.alpha(iirfCh4), ch4c);
            n2oBox = N2O.step(n2oBox, d.get(COLUMN[3]), N2O.alpha(iirfN2o), n2oc);
            NDArray m = Tensors.add(Tensors.mul(ch4Box.get(COLUMN[0]), PPB_PER_MT_CH4), Forcing.CH4_0);
            NDArray n = Tensors.add(Tensors.mul(n2oBox.get(COLUMN[0]), PPB_PER_MT_N2O), Forcing.N2O_0);
            NDArray[] f = {
                Forcing.co2(c, f4x),
                Forcing.ch4(m, n),
                Forcing.n2o(c, n, m),
                Forcing.ozone(m, n, o3Ch4, o3N2o),
                Forcing.aerosolRadiation(d.get(COLUMN[4]), d.get(COLUMN[5]), so2Ari, bcAri),
                Forcing.aerosolCloud(e.get(COLUMN[4]), PREINDUSTRIAL[4], aciBeta, aciShape)};
            NDArray total = f[0];
            for (int i = 1; i < f.length; i++) {
                total = total.add(f[i]);
            }
            t = ThreeLayerEbm.step(t, total, phiGamma.get(0), phiGamma.get(1));
            temp.add(t.get(COLUMN[0]));
            co2.add(c);
            ch4.add(m);
            n2o.add(n);
            erf.add(NDArrays.stack(new NDList(f), 1));
        }
        return new ScmOutput(NDArrays.stack(temp, 1), NDArrays.stack(co2, 1), NDArrays.stack(ch4, 1),
                NDArrays.stack(n2o, 1), NDArrays.stack(erf, 2));
    }

    private static NDArray col(NDArray theta, ScmParameter p) {
        return ThreeLayerEbm.col(theta, p);
    }

    private static double[] preindustrial() {
        double[] v = new double[Agent.values().length];
        for (Agent a : Agent.values()) {
            v[a.ordinal()] = Cmip7.history().at(a, Cmip7.FIRST_YEAR);
        }
        return v;
    }
}
