package org.climagrad.solve;

/**
 * The state of Adam (Kingma &amp; Ba 2015, Algorithm 1; β1 = 0.9, β2 = 0.999, ε = 1e-12) for a
 * parameter vector of fixed length: the running first and second moments and the step count.
 * Mutable, one per optimisation; the loop that calls {@link #step} lives in a trainer.
 */
public final class Adam {
    private final double[] m;
    private final double[] v;
    private int k;

    /** Zero moments for {@code dimension} parameters. */
    public Adam(int dimension) {
        m = new double[dimension];
        v = new double[dimension];
    }

    /**
     * u ← u − lr · m̂ / (√v̂ + ε), in place.
     *
     * @param u parameters, updated
     * @param g gradient at u (finite)
     * @param learningRate lr &gt; 0
     */
    public void step(double[] u, double[] g, double learningRate) {
        if (u.length != m.length || g.length != m.length) {
            throw new IllegalArgumentException("u, g: need " + m.length + " values, got " + u.length + " and " + g.length);
        }
        k++;
        double c1 = 1 - Math.pow(0.9, k);
        double c2 = 1 - Math.pow(0.999, k);
        for (int i = 0; i < u.length; i++) {
            m[i] = 0.9 * m[i] + 0.1 * g[i];
            v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
            u[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-12);
        }
    }
}
