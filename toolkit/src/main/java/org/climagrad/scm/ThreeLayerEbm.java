package org.climagrad.scm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.climagrad.core.Tensors;

/**
 * The three-layer energy balance model of Cummins, Stephenson &amp; Stott (2020, J. Climate 33, 7853)
 * as in FaIR 2.1: with temperatures T = (T1, T2, T3) (K; T1 the surface) and forcing F (W m⁻²),
 *
 * <pre>
 *   C1 dT1/dt = F − κ1 T1 − κ2 (T1 − T2)
 *   C2 dT2/dt = κ2 (T1 − T2) − ε κ3 (T2 − T3)
 *   C3 dT3/dt = κ3 (T2 − T3)
 * </pre>
 *
 * i.e. dT/dt = A T + b F. A step of one year with F constant over the year is exact:
 * T_{n+1} = Φ T_n + Γ F_n with [[Φ, Γ], [0, 1]] = exp([[A, b], [0, 0]]) (scaling and squaring,
 * differentiable in the parameters). Equilibrium warming for constant F is F / κ1.
 */
public final class ThreeLayerEbm {
    private static final int SQUARINGS = 5;
    private static final int TAYLOR = 12;
    /** Years for CO2 to double at 1 % per year, ln 2 / ln 1.01. */
    public static final double DOUBLING_YEARS = Math.log(2) / Math.log(1.01);

    private ThreeLayerEbm() {}

    /**
     * The exact one-year discretisation.
     *
     * @param theta parameters {@code [batch, P]} (float64)
     * @return Φ {@code [batch, 3, 3]} and Γ {@code [batch, 3]}
     */
    public static NDList discretise(NDArray theta) {
        NDArray c1 = col(theta, ScmParameter.C1);
        NDArray c2 = col(theta, ScmParameter.C2);
        NDArray c3 = col(theta, ScmParameter.C3);
        NDArray k1 = col(theta, ScmParameter.KAPPA1);
        NDArray k2 = col(theta, ScmParameter.KAPPA2);
        NDArray k3 = col(theta, ScmParameter.KAPPA3);
        NDArray eps = col(theta, ScmParameter.EPSILON);
        NDArray z = c1.zerosLike();
        NDArray ek3 = eps.mul(k3);
        NDArray one = Tensors.scalar(c1, 1);
        NDArray[][] m = {
            {k1.add(k2).neg().div(c1), k2.div(c1), z, one.div(c1)},
            {k2.div(c2), k2.add(ek3).neg().div(c2), ek3.div(c2), z},
            {z, k3.div(c3), k3.neg().div(c3), z},
            {z, z, z, z}};
        NDList rows = new NDList();
        for (NDArray[] row : m) {
            rows.add(NDArrays.stack(new NDList(row), 1));
        }
        NDArray e = expm(NDArrays.stack(rows, 1));
        return new NDList(e.get(":, 0:3, 0:3"), e.get(":, 0:3, 3"));
    }

    /**
     * One year: T_{n+1} = Φ T_n + Γ F_n.
     *
     * @param t layer temperatures {@code [batch, 3]}, K
     * @param forcing {@code [batch]}, W m⁻²
     * @param phi Φ {@code [batch or 1, 3, 3]}
     * @param gamma Γ {@code [batch or 1, 3]}
     */
    public static NDArray step(NDArray t, NDArray forcing, NDArray phi, NDArray gamma) {
        return phi.mul(t.expandDims(1)).sum(new int[] {2}).add(gamma.mul(forcing.expandDims(1)));
    }

    /** exp(M) of a batch of square matrices {@code [batch, n, n]}: Taylor series after scaling by 2^-s. */
    static NDArray expm(NDArray m) {
        NDArray a = Tensors.mul(m, 1.0 / (1 << SQUARINGS));
        NDArray eye = a.getManager().eye((int) a.getShape().get(1)).toType(a.getDataType(), false).expandDims(0);
        NDArray term = eye;
        NDArray sum = eye;
        for (int k = 1; k <= TAYLOR; k++) {
            term = Tensors.mul(term.matMul(a), 1.0 / k);
            sum = sum.add(term);
        }
        for (int s = 0; s < SQUARINGS; s++) {
            sum = sum.matMul(sum);
        }
        return sum;
    }

    /**
     * Transient climate response: T1 after {@value #DOUBLING_YEARS} years of a linear forcing ramp to
     * F2x = F4x / 2 (1 %/yr CO2 with logarithmic forcing), from the model's exact solution.
     */
    public static double tcr(ScmParameters p) {
        double[][] a = matrix(p);
        double rate = p.get(ScmParameter.F4X) / 2 / DOUBLING_YEARS;
        // d/dt [T; F; 1] = [[A, b, 0], [0, 0, rate], [0, 0, 0]] [T; F; 1]; T(0) = 0, F(0) = 0.
        double[][] m = new double[5][5];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(a[i], 0, m[i], 0, 3);
        }
        m[0][3] = 1 / p.get(ScmParameter.C1);
        m[3][4] = rate;
        double[][] e = expm(m, DOUBLING_YEARS);
        return e[0][4];
    }

    /** The matrix A of dT/dt = A T + b F for one parameter set. */
    static double[][] matrix(ScmParameters p) {
        double c1 = p.get(ScmParameter.C1);
        double c2 = p.get(ScmParameter.C2);
        double c3 = p.get(ScmParameter.C3);
        double k1 = p.get(ScmParameter.KAPPA1);
        double k2 = p.get(ScmParameter.KAPPA2);
        double k3 = p.get(ScmParameter.KAPPA3);
        double ek3 = p.get(ScmParameter.EPSILON) * k3;
        return new double[][] {{-(k1 + k2) / c1, k2 / c1, 0}, {k2 / c2, -(k2 + ek3) / c2, ek3 / c2},
            {0, k3 / c3, -k3 / c3}};
    }

    /** exp(M t) in double precision (scaling and squaring). */
    static double[][] expm(double[][] m, double t) {
        int n = m.length;
        int squarings = 12;
        double scale = t / (1 << squarings);
        double[][] sum = identity(n);
        double[][] term = identity(n);
        for (int k = 1; k <= 20; k++) {
            term = product(term, m);
            for (double[] row : term) {
                for (int j = 0; j < n; j++) {
                    row[j] *= scale / k;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sum[i][j] += term[i][j];
                }
            }
        }
        for (int s = 0; s < squarings; s++) {
            sum = product(sum, sum);
        }
        return sum;
    }

    private static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    private static double[][] product(double[][] x, double[][] y) {
        int n = x.length;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    r[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return r;
    }

    static NDArray col(NDArray theta, ScmParameter p) {
        return theta.get(":, " + p.ordinal());
    }
}
