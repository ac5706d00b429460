package org.climagrad.basics;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;
import org.climagrad.core.Check;
import org.climagrad.core.Tensors;

/**
 * A fully connected network R^D → R^K with {@code depth} hidden layers of {@code width} units:
 * the first hidden layer per {@link FirstLayer}, the others tanh, a linear output. Parameters
 * are one flat vector: per layer W [in, out] row-major, then b [out]. Immutable; build with
 * {@link #builder()} (the canonical constructor validates but is not the way to make one).
 *
 * @param inputs D ≥ 1
 * @param width units per hidden layer ≥ 1
 * @param depth hidden layers ≥ 1
 * @param outputs K ≥ 1
 * @param first the first layer's activation
 * @param kappa κ &gt; 0 of {@link FirstLayer#SINE} (ignored for TANH)
 */
public record Mlp(int inputs, int width, int depth, int outputs, FirstLayer first, double kappa) {
    /** Validates. */
    public Mlp {
        Check.atLeast("inputs", inputs, 1);
        Check.atLeast("width", width, 1);
        Check.atLeast("depth", depth, 1);
        Check.atLeast("outputs", outputs, 1);
        if (first == null) {
            throw new IllegalArgumentException("first: required (TANH or SINE)");
        }
        Check.positive("kappa", kappa);
    }

    /** A builder: width and depth required; one input, one output and a tanh first layer by default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this architecture. */
    public Builder toBuilder() {
        Builder b = new Builder().optInputs(inputs).setWidth(width).setDepth(depth).optOutputs(outputs);
        return first == FirstLayer.SINE ? b.optSine(kappa) : b;
    }

    /** Builds an {@link Mlp}. */
    public static final class Builder {
        private int inputs = 1;
        private Integer width;
        private Integer depth;
        private int outputs = 1;
        private FirstLayer first = FirstLayer.TANH;
        private double kappa = 1;

        private Builder() {}

        /** Units per hidden layer ≥ 1 (required). */
        public Builder setWidth(int width) {
            this.width = width;
            return this;
        }

        /** Hidden layers ≥ 1 (required). */
        public Builder setDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /** Inputs D ≥ 1 (default 1). */
        public Builder optInputs(int inputs) {
            this.inputs = inputs;
            return this;
        }

        /** Outputs K ≥ 1 (default 1). */
        public Builder optOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        /** A first layer sin(κ(Wx + b)), κ &gt; 0 (default: a tanh first layer). */
        public Builder optSine(double kappa) {
            this.first = FirstLayer.SINE;
            this.kappa = kappa;
            return this;
        }

        /** A tanh first layer (the default). */
        public Builder optTanh() {
            this.first = FirstLayer.TANH;
            this.kappa = 1;
            return this;
        }

        /** Validates (the message names the field and its range) and builds. */
        public Mlp build() {
            if (width == null) {
                throw new IllegalArgumentException("width: required (>= 1)");
            }
            if (depth == null) {
                throw new IllegalArgumentException("depth: required (>= 1)");
            }
            return new Mlp(inputs, width, depth, outputs, first, kappa);
        }
    }

    private int in(int layer) {
        return layer == 0 ? inputs : width;
    }

    private int out(int layer) {
        return layer == depth ? outputs : width;
    }

    /** Number of parameters. */
    public int size() {
        int p = 0;
        for (int l = 0; l <= depth; l++) {
            p += in(l) * out(l) + out(l);
        }
        return p;
    }

    /**
     * Initial parameters: Xavier-normal weights N(0, 2/(in + out)) and zero biases, except a
     * {@link FirstLayer#SINE} first layer, whose weights and biases are N(0, 1).
     */
    public double[] initial(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[size()];
        int o = 0;
        for (int l = 0; l <= depth; l++) {
            boolean sine = l == 0 && first == FirstLayer.SINE;
            double sd = sine ? 1 : Math.sqrt(2.0 / (in(l) + out(l)));
            for (int i = 0; i < in(l) * out(l); i++) {
                p[o++] = sd * gaussian(rng);
            }
            for (int i = 0; i < out(l); i++) {
                p[o++] = sine ? gaussian(rng) : 0;
            }
        }
        return p;
    }

    /**
     * The network on a batch.
     *
     * @param theta parameters {@code [size()]}
     * @param x inputs {@code [N, D]}
     * @return outputs {@code [N, K]}
     */
    public NDArray forward(NDArray theta, NDArray x) {
        NDArray h = x;
        int o = 0;
        for (int l = 0; l <= depth; l++) {
            NDArray w = theta.get(o + ":" + (o + in(l) * out(l))).reshape(in(l), out(l));
            o += in(l) * out(l);
            NDArray b = theta.get(o + ":" + (o + out(l)));
            o += out(l);
            NDArray z = h.matMul(w).add(b);
            if (l == depth) {
                h = z;
            } else if (l == 0 && first == FirstLayer.SINE) {
                h = Tensors.mul(z, kappa).sin();
            } else {
                h = z.tanh();
            }
        }
        return h;
    }

    static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
