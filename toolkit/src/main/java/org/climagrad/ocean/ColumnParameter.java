package org.climagrad.ocean;

/**
 * The calibrated parameters of the {@link OceanColumn} benchmark, in the order of the parameter
 * vector θ, with their reference ("true") values.
 */
public enum ColumnParameter {
    /** Background vertical diffusivity κ_b, m² s⁻¹ (ocean interior: 1e-5 to 1e-4). */
    KAPPA_BACKGROUND(5e-5),
    /**
     * Convective diffusivity κ_c, m² s⁻¹, switched on where the water column is statically
     * unstable. Explicit stepping limits κ_b + κ_c (see {@link OceanColumn#maxDiffusivity}).
     */
    KAPPA_CONVECTIVE(2e-3),
    /** Surface exchange (piston) velocity of heat and salt with the atmosphere, m day⁻¹. */
    PISTON_VELOCITY(1.0);

    private final double reference;

    ColumnParameter(double reference) {
        this.reference = reference;
    }

    /** The reference value, in the parameter's unit. */
    public double reference() {
        return reference;
    }

    /** All reference values, in order {@code [3]}. */
    public static double[] references() {
        ColumnParameter[] all = values();
        double[] v = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            v[i] = all[i].reference;
        }
        return v;
    }

    /** The names, in order. */
    public static String[] names() {
        ColumnParameter[] all = values();
        String[] n = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            n[i] = all[i].name();
        }
        return n;
    }
}
