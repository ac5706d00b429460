package org.climagrad.basics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.climagrad.calibration.Estimate;
import org.climagrad.calibration.Objective;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;
import org.climagrad.core.Tensors;

/**
 * The mean squared error J(θ) = mean_{n,k} (net_θ(x_n)_k − y_nk)² of an {@link Mlp} on a data set,
 * in float64, as an {@link Objective} whose gradient comes from DJL autograd; trained by {@link
 * Training} (Adam, then L-BFGS). Immutable.
 */
public final class NetworkFit implements Objective {
    private final Mlp net;
    private final double[] x;
    private final double[] y;
    private final int n;

    /**
     * @param net the architecture (its inputs and outputs fix D and K)
     * @param x inputs {@code [N][D]}
     * @param y targets {@code [N][K]}
     */
    public NetworkFit(Mlp net, double[][] x, double[][] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("x, y: need equal non-zero sample counts, got " + x.length + " and "
                    + y.length);
        }
        this.net = net;
        this.n = x.length;
        this.x = flatten("x", x, net.inputs());
        this.y = flatten("y", y, net.outputs());
    }

    /** The architecture. */
    public Mlp net() {
        return net;
    }

    @Override
    public int dimension() {
        return net.size();
    }

    @Override
    public boolean differentiable() {
        return true;
    }

    @Override
    public double value(double[] theta) {
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            return loss(m, m.create(theta)).getDouble();
        }
    }

    @Override
    public Estimate valueAndGradient(double[] theta) {
        Check.length("theta", theta, net.size());
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDArray t = m.create(theta);
            t.setRequiresGradient(true);
            double value;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray loss = loss(m, t);
                value = loss.getDouble();
                gc.backward(loss);
            }
            return new Estimate(value, t.getGradient().toDoubleArray(), 2);
        }
    }

    private NDArray loss(NDManager m, NDArray theta) {
        NDArray xs = Tensors.create(m, x, new Shape(n, net.inputs()), DataType.FLOAT64);
        NDArray ys = Tensors.create(m, y, new Shape(n, net.outputs()), DataType.FLOAT64);
        return net.forward(theta, xs).sub(ys).square().mean();
    }

    /** The network's outputs {@code [N][K]} at {@code points} {@code [N][D]}. */
    public static double[][] predict(Mlp net, double[] theta, double[][] points) {
        try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
            NDArray xs = Tensors.create(m, flatten("points", points, net.inputs()), new Shape(points.length, net.inputs()),
                    DataType.FLOAT64);
            return Tensors.toMatrix(net.forward(m.create(theta), xs));
        }
    }

    private static double[] flatten(String name, double[][] a, int columns) {
        double[] f = new double[a.length * columns];
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != columns) {
                throw new IllegalArgumentException(name + "[" + i + "]: need " + columns + " values, got " + a[i].length);
            }
            Check.allFinite(name + "[" + i + "]", a[i]);
            System.arraycopy(a[i], 0, f, i * columns, columns);
        }
        return f;
    }
}
