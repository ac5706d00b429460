package org.climagrad.ocean;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.climagrad.core.Check;
import org.climagrad.core.Tensors;
import org.climagrad.dynamics.Dynamics;

/**
 * A differentiable one-dimensional ocean benchmark (issue 6, after the vertical physics of Veros
 * in Meunier, Ouala et al. 2025, reduced to one column): temperature T and salinity S on the
 * layers of a {@link ColumnGrid}, vertical diffusion with a convective switch, and a surface layer
 * relaxing to a seasonal atmosphere ({@link ColumnForcing}). Time in days.
 *
 * <pre>
 *   ρ'_k = ρ0 (−α T_k + β S_k)                                     (linear equation of state)
 *   κ_k = κ_b + κ_c · σ((ρ'_k − ρ'_{k+1}) / δρ)                    (interface k; σ the logistic)
 *   F_k = 86400 κ_k (T_{k+1} − T_k) / Δz_k                          (F_{−1} = F_{N−1} = 0)
 *   dT_k/dt = (F_k − F_{k−1}) / h_k + [k = 0] v (T_a(t) − T_0) / h_0  (same for S)
 *   dc/dt = −ω s,  ds/dt = ω c,  ω = 2π / 360 day⁻¹                 (the seasonal phase)
 * </pre>
 *
 * with α = 2·10⁻⁴ K⁻¹, β = 7.6·10⁻⁴ (g/kg)⁻¹, ρ0 = 1025 kg m⁻³, δρ = 0.01 kg m⁻³, h_k the layer
 * thicknesses and Δz_k the distances between centres. The seasonal phase is part of the state
 * (c = cos ωt, s = sin ωt) so that the tendency is autonomous and runs with the toolkit's {@link
 * org.climagrad.dynamics.Rollout}. State {@code [batch, 2N + 2]}: T (°C), then S (g/kg), then c,
 * s; θ = [κ_b, κ_c, v] ({@link ColumnParameter}), {@code [3]} or {@code [batch, 3]}. Its plain-Java
 * twin, with no autodiff, is {@link ColumnBlackBox}.
 */
public final class OceanColumn implements Dynamics {
    /** Thermal expansion α, K⁻¹. */
    public static final double ALPHA = 2e-4;
    /** Haline contraction β, (g/kg)⁻¹. */
    public static final double BETA = 7.6e-4;
    /** Reference density ρ0, kg m⁻³. */
    public static final double RHO0 = 1025;
    /** Width of the convective switch δρ, kg m⁻³. */
    public static final double SWITCH = 0.01;
    /** Seasonal angular frequency ω, day⁻¹. */
    public static final double OMEGA = 2 * Math.PI / ColumnForcing.DAYS_PER_YEAR;
    /** Seconds per day. */
    static final double DAY = 86400;

    private final ColumnGrid grid;
    private final ColumnForcing forcing;

    /** The benchmark on a grid with a forcing. */
    public OceanColumn(ColumnGrid grid, ColumnForcing forcing) {
        if (grid == null || forcing == null) {
            throw new IllegalArgumentException("grid and forcing: required");
        }
        this.grid = grid;
        this.forcing = forcing;
    }

    /** The standard column (16 layers, 2,186 m) under the mid-latitude forcing. */
    public static OceanColumn standard() {
        return new OceanColumn(ColumnGrid.standard(), ColumnForcing.midLatitude());
    }

    /** The levels. */
    public ColumnGrid grid() {
        return grid;
    }

    /** The forcing. */
    public ColumnForcing forcing() {
        return forcing;
    }

    /** Number of layers N. */
    public int levels() {
        return grid.levels();
    }

    @Override
    public int nx() {
        return 2 * grid.levels() + 2;
    }

    @Override
    public String[] parameterNames() {
        return ColumnParameter.names();
    }

    @Override
    public double[] defaultParameters() {
        return ColumnParameter.references();
    }

    /**
     * The largest total diffusivity κ_b + κ_c (m² s⁻¹) that explicit RK4 with step {@code dtDays}
     * keeps stable: the diffusion eigenvalues are at most 4·86400 κ / h_min² per day and RK4 is
     * stable to |λ dt| ≈ 2.78.
     */
    public double maxDiffusivity(double dtDays) {
        double h = grid.thinnest();
        return 2.78 * h * h / (4 * DAY * dtDays);
    }

    /**
     * Checks that parameters are physical and stable with step {@code dtDays}.
     *
     * @throws IllegalArgumentException naming the parameter and its allowed range
     */
    public void checkParameters(double[] theta, double dtDays) {
        Check.length("theta", theta, 3);
        Check.allFinite("theta", theta);
        Check.positive("KAPPA_BACKGROUND", theta[0]);
        Check.nonNegative("KAPPA_CONVECTIVE", theta[1]);
        Check.nonNegative("PISTON_VELOCITY", theta[2]);
        double max = maxDiffusivity(dtDays);
        if (theta[0] + theta[1] > max) {
            throw new IllegalArgumentException(String.format("KAPPA_BACKGROUND + KAPPA_CONVECTIVE = %.3g m2/s: must be "
                    + "<= %.3g m2/s for a stable step of %.3g days (thinnest layer %.0f m)", theta[0] + theta[1], max,
                    dtDays, grid.thinnest()));
        }
        double piston = 2.78 * grid.thickness()[0] / dtDays;
        if (theta[2] > piston) {
            throw new IllegalArgumentException(String.format("PISTON_VELOCITY = %.3g m/day: must be <= %.3g m/day for "
                    + "a stable step of %.3g days", theta[2], piston, dtDays));
        }
    }

    /**
     * The state of a resting ocean at the start of a year {@code [2N + 2]}: uniform temperature and
     * salinity, seasonal phase c = 1, s = 0.
     */
    public double[] rest(double temperature, double salinity) {
        int n = grid.levels();
        double[] x = new double[nx()];
        for (int k = 0; k < n; k++) {
            x[k] = temperature;
            x[n + k] = salinity;
        }
        x[2 * n] = 1;
        return x;
    }

    /**
     * A stratified start with one statically unstable layer, for gradient checks {@code [2N + 2]}:
     * T_k = 14 − 0.6 k °C except a 4 K colder layer 2, S_k = 35 + 0.02 k g/kg, c = 1, s = 0.
     */
    public double[] stratifiedStart() {
        double[] x = rest(0, 0);
        int n = grid.levels();
        for (int k = 0; k < n; k++) {
            x[k] = 14 - 0.6 * k + (k == 2 ? -4 : 0);
            x[n + k] = 35 + 0.02 * k;
        }
        return x;
    }

    @Override
    public NDArray tendency(NDArray x, NDArray theta) {
        int n = grid.levels();
        var m = x.getManager();
        var type = x.getDataType();
        NDArray t = x.get(":, 0:" + n);
        NDArray s = x.get(":, " + n + ":" + 2 * n);
        NDArray c = x.get(":, " + 2 * n + ":" + (2 * n + 1));
        NDArray sn = x.get(":, " + (2 * n + 1) + ":");
        NDArray kb = column(theta, 0);
        NDArray kc = column(theta, 1);
        NDArray v = column(theta, 2);
        NDArray rho = Tensors.mul(s, RHO0 * BETA).sub(Tensors.mul(t, RHO0 * ALPHA));
        NDArray unstable = rho.get(":, 0:" + (n - 1)).sub(rho.get(":, 1:"));
        NDArray kappa = kb.add(kc.mul(Activation.sigmoid(Tensors.mul(unstable, 1 / SWITCH))));
        NDArray invSpacing = Tensors.create(m, inverse(grid.spacing(), DAY), new Shape(1, n - 1), type);
        NDArray conduct = kappa.mul(invSpacing);
        NDArray invH = Tensors.create(m, inverse(grid.thickness(), 1), new Shape(1, n), type);
        NDArray surface = Tensors.create(m, surfaceMask(n), new Shape(1, n), type);
        NDArray ta = Tensors.add(Tensors.mul(sn, forcing.temperatureAmplitude()), forcing.meanTemperature());
        NDArray sa = Tensors.add(Tensors.mul(sn, -forcing.salinityAmplitude()), forcing.meanSalinity());
        NDArray dt = divergence(conduct, t, invH).add(surface.mul(v).mul(ta.sub(t.get(":, 0:1"))));
        NDArray ds = divergence(conduct, s, invH).add(surface.mul(v).mul(sa.sub(s.get(":, 0:1"))));
        NDArray dc = Tensors.mul(sn, -OMEGA);
        NDArray dsn = Tensors.mul(c, OMEGA);
        return NDArrays.concat(new NDList(dt, ds, dc, dsn), 1);
    }

    /** (F_k − F_{k−1}) / h_k with F_k = conduct_k (q_{k+1} − q_k), zero flux at top and bottom. */
    private static NDArray divergence(NDArray conduct, NDArray q, NDArray invH) {
        long n = q.getShape().get(1);
        NDArray flux = conduct.mul(q.get(":, 1:").sub(q.get(":, 0:" + (n - 1))));
        NDArray zero = q.get(":, 0:1").zerosLike();
        NDArray below = flux.concat(zero, 1);
        NDArray above = zero.concat(flux, 1);
        return below.sub(above).mul(invH);
    }

    private static NDArray column(NDArray theta, int i) {
        return theta.getShape().dimension() == 1 ? theta.get(i + ":" + (i + 1)) : theta.get(":, " + i + ":" + (i + 1));
    }

    private static double[] inverse(double[] v, double scale) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = scale / v[i];
        }
        return out;
    }

    /** 1/h_0 at the surface layer, 0 elsewhere. */
    private double[] surfaceMask(int n) {
        double[] mask = new double[n];
        mask[0] = 1 / grid.thickness()[0];
        return mask;
    }

    @Override
    public String toString() {
        return "OceanColumn(" + grid.levels() + " layers, " + Math.round(grid.totalDepth()) + " m)";
    }
}
