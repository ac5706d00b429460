package org.climagrad.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The toolkit's one idiom against the DJL autograd pitfall: never pass a Java number to
 * {@code NDArray.mul/div/pow/add/sub} inside a {@code GradientCollector}. The temporary tensor DJL
 * makes for the number can be freed by the garbage collector while the autograd graph still uses
 * it, which gives wrong gradients. Constants made here are attached to the manager of the array
 * they combine with, so they stay open until that manager closes, i.e. after {@code backward()}.
 */
public final class Tensors {
    private Tensors() {}

    /** A scalar constant with the data type, device and manager of {@code like}. */
    public static NDArray scalar(NDArray like, double value) {
        return scalar(like.getManager(), like.getDataType(), value);
    }

    /** A scalar constant of the given type, attached to {@code manager}. */
    public static NDArray scalar(NDManager manager, DataType type, double value) {
        NDArray c = type == DataType.FLOAT64 ? manager.create(value) : manager.create((float) value);
        return type == DataType.FLOAT64 || type == DataType.FLOAT32 ? c : c.toType(type, false);
    }

    /** {@code x * value}, safe inside a gradient collector. */
    public static NDArray mul(NDArray x, double value) {
        return x.mul(scalar(x, value));
    }

    /** {@code x + value}, safe inside a gradient collector. */
    public static NDArray add(NDArray x, double value) {
        return x.add(scalar(x, value));
    }

    /** A row-major array of {@code values} with the given shape and type on {@code manager}. */
    public static NDArray create(NDManager manager, double[] values, Shape shape, DataType type) {
        NDArray a = manager.create(values, shape);
        return type == DataType.FLOAT64 ? a : a.toType(type, false);
    }

    /** A [rows, cols] array from a rectangular Java matrix. */
    public static NDArray create(NDManager manager, double[][] values, DataType type) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        double[] flat = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(values[i], 0, flat, i * cols, cols);
        }
        return create(manager, flat, new Shape(rows, cols), type);
    }

    /** The values of a 2-D array as a Java matrix, in double precision. */
    public static double[][] toMatrix(NDArray a) {
        if (a.getShape().dimension() != 2) {
            throw new IllegalArgumentException("array has shape " + a.getShape() + ": expected 2 dimensions");
        }
        int rows = (int) a.getShape().get(0);
        int cols = (int) a.getShape().get(1);
        double[] flat = a.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, m[i], 0, cols);
        }
        return m;
    }

    /** The values of any array as a flat row-major double vector. */
    public static double[] toDoubles(NDArray a) {
        return a.toType(DataType.FLOAT64, false).toDoubleArray();
    }
}
