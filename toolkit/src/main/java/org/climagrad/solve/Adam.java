package org.climagrad.solve;

/**
 * The state of Adam (Kingma &amp; Ba 2015, Algorithm 1; β1 = 0.9, β2 = 0.999, no weight decay) for
 * a parameter vector of fixed length: the running first and second moments and the step count.
 * Mutable, one per optimisation; the loop that calls {@link #step} lives in a trainer. The
 * toolkit's one Adam on plain parameter vectors: every trainer (network fits, calibration, CODA's
 * θ, online learning) uses it; networks held by DJL blocks use DJL's Adam with the same β and
 * {@link #PAPER_EPSILON}.
 */
public final class Adam {
    /** ε of Kingma &amp; Ba (2015) and of PyTorch and DJL: 1e-8. */
    public static final double PAPER_EPSILON = 1e-8;
    /** ε of the network-basics lectures and the calibration work (Wang &amp; Lai 2024): 1e-12. */
    public static final double SMALL_EPSILON = 1e-12;

    private final double[] m;
    private final double[] v;
    private final double epsilon;
    private int k;

    /** Zero moments for {@code dimension} parameters, ε = {@link #SMALL_EPSILON}. */
    public Adam(int dimension) {
        this(dimension, SMALL_EPSILON);
    }

    /**
     * Zero moments for {@code dimension} parameters.
     *
     * @param dimension number of parameters ≥ 1
     * @param epsilon ε in the denominator, &gt; 0
     */
    public Adam(int dimension, double epsilon) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension: need >= 1, got " + dimension);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon: need a finite value > 0, got " + epsilon);
        }
        m = new double[dimension];
        v = new double[dimension];
        this.epsilon = epsilon;
    }

    /** The number of parameters. */
    public int dimension() {
        return m.length;
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
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate: need > 0, got " + learningRate);
        }
        k++;
        double c1 = 1 - Math.pow(0.9, k);
        double c2 = 1 - Math.pow(0.999, k);
        for (int i = 0; i < u.length; i++) {
            m[i] = 0.9 * m[i] + 0.1 * g[i];
            v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
            u[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
        }
    }
}
