package org.climagrad.coda;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;

/**
 * The data-assimilation network of CODA (Zinchenko &amp; Greenberg 2024, "Combined optimization
 * of dynamics and assimilation with end-to-end learning on sparse observations", Sec. 2.2 and
 * Fig. 2): a "1.5-D U-Net" that maps an observation window to the state at the window centre,
 * x̂_t = A_φ(y_{t−w..t+w}, m_{t−w..t+w}).
 *
 * <p>Input {@code [batch, 2, T, K]}, {@code T = 2w + 1} observation times and K grid points on a
 * periodic domain; channel {@value #VALUES} holds the observed values (0 where missing), channel
 * {@value #MASK} the mask (1 observed, 0 missing); see {@link ObservationWindows}. Output
 * {@code [batch, K]}.
 *
 * <p>Architecture, with channels c_0..c_{L−1} (default 32, 64, 128, so L = 3 levels):
 * <ul>
 *   <li>Encoder level l (2-D over (time, space)): two blocks of [circular pad in space, 2-D
 *       convolution with zero padding in time, BatchNorm, ReLU] with c_l channels; between levels
 *       a max-pool over space by 2, so level l has K / 2^l points. T is kept at every level.
 *   <li>Skips: each level's feature map is reduced by a global max over time,
 *       {@code [batch, c_l, T, K_l] → [batch, c_l, K_l]}; the deepest one is the bottleneck.
 *   <li>Decoder level l = L−2..0 (1-D over space): transposed 1-D convolution (kernel 2, stride
 *       2) to c_l channels, written as a kernel-1 convolution to 2c_l channels whose two halves
 *       are interleaved in space (DJL's PyTorch engine has no deconvolution), concatenation with the skip of level l, two blocks of [circular pad,
 *       1-D convolution, BatchNorm, ReLU].
 *   <li>Output: circular pad and a 1-D convolution to one channel, squeezed to {@code [batch, K]}.
 * </ul>
 * The reference code (m-dml/coda) uses the same encoder/decoder layout; its configuration pools
 * (time, space) by averages, where this block max-pools space only, as the toolkit specifies.
 *
 * <p>Because every spatial operation is circular and pooling/upsampling act on blocks of
 * 2^(L−1) points, rolling the input in space by a multiple of 2^(L−1) rolls the output by the
 * same amount (in inference mode). K must be divisible by 2^(L−1); this is checked when the
 * block is initialized and on every forward pass. The forward pass never combines an array with
 * a Java number, so it is safe inside a {@code GradientCollector}.
 */
public final class CodaNet extends AbstractBlock {
    /** Input channel of the observed values. */
    public static final int VALUES = 0;
    /** Input channel of the observation mask. */
    public static final int MASK = 1;
    /** Number of input channels. */
    public static final int INPUT_CHANNELS = 2;
    /** Input axes: batch, channel, time, space. */
    public static final int AXIS_CHANNEL = 1;
    /** Time axis of the input and of encoder feature maps. */
    public static final int AXIS_TIME = 2;
    /** Space axis of the input. */
    public static final int AXIS_SPACE = 3;
    /** Convolution blocks per encoder or decoder level. */
    public static final int CONVS_PER_LEVEL = 2;

    private static final byte VERSION = 1;

    private final int[] channels;
    private final int kernelSize;
    private final int pad;
    private final List<Block> encoder = new ArrayList<>(); // conv, bn, conv, bn per level
    private final List<Block> upsample = new ArrayList<>(); // index l = level l (0..L-2)
    private final List<Block> decoder = new ArrayList<>(); // conv, bn, conv, bn per level 0..L-2
    private final Block output;

    private CodaNet(Builder b) {
        super(VERSION);
        this.channels = b.channels.clone();
        this.kernelSize = b.kernelSize;
        this.pad = kernelSize / 2;
        int levels = channels.length;
        for (int l = 0; l < levels; l++) {
            for (int i = 0; i < CONVS_PER_LEVEL; i++) {
                encoder.add(addChildBlock("enc" + l + "_conv" + i, Conv2d.builder()
                        .setKernelShape(new Shape(kernelSize, kernelSize)).setFilters(channels[l])
                        .optPadding(new Shape(pad, 0)).build()));
                encoder.add(addChildBlock("enc" + l + "_bn" + i, BatchNorm.builder().build()));
            }
        }
        for (int l = 0; l < levels - 1; l++) {
            upsample.add(addChildBlock("dec" + l + "_up",
                    Conv1d.builder().setKernelShape(new Shape(1)).setFilters(2 * channels[l]).build()));
            for (int i = 0; i < CONVS_PER_LEVEL; i++) {
                decoder.add(addChildBlock("dec" + l + "_conv" + i, Conv1d.builder()
                        .setKernelShape(new Shape(kernelSize)).setFilters(channels[l]).build()));
                decoder.add(addChildBlock("dec" + l + "_bn" + i, BatchNorm.builder().build()));
            }
        }
        output = addChildBlock("out_conv",
                Conv1d.builder().setKernelShape(new Shape(kernelSize)).setFilters(1).build());
    }

    /** A builder; every setting has a default (channels 32, 64, 128; kernel size 3). */
    public static Builder builder() {
        return new Builder();
    }

    /** Channels per level c_0..c_{L−1} (copy). */
    public int[] channels() {
        return channels.clone();
    }

    /** Number of levels L. */
    public int levels() {
        return channels.length;
    }

    /** Convolution kernel size (time and space). */
    public int kernelSize() {
        return kernelSize;
    }

    /** The pooling factor 2^(L−1): K must be a multiple of it; equivariant shifts are too. */
    public int poolingFactor() {
        return 1 << (channels.length - 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        checkInput(x.getShape());
        int levels = channels.length;
        NDArray[] skips = new NDArray[levels];
        for (int l = 0; l < levels; l++) {
            if (l > 0) {
                x = Pool.maxPool2d(x, new Shape(1, 2), new Shape(1, 2), new Shape(0, 0), false);
            }
            for (int i = 0; i < CONVS_PER_LEVEL; i++) {
                int c = 2 * (l * CONVS_PER_LEVEL + i);
                x = apply(encoder.get(c), ps, circularPad(x, pad), training, params);
                x = Activation.relu(apply(encoder.get(c + 1), ps, x, training, params));
            }
            skips[l] = x.max(new int[] {AXIS_TIME}); // [batch, c_l, K_l]
        }
        NDArray y = skips[levels - 1];
        for (int l = levels - 2; l >= 0; l--) {
            y = upsample(apply(upsample.get(l), ps, y, training, params));
            y = y.concat(skips[l], AXIS_CHANNEL);
            for (int i = 0; i < CONVS_PER_LEVEL; i++) {
                int c = 2 * (l * CONVS_PER_LEVEL + i);
                y = apply(decoder.get(c), ps, circularPad(y, pad), training, params);
                y = Activation.relu(apply(decoder.get(c + 1), ps, y, training, params));
            }
        }
        y = apply(output, ps, circularPad(y, pad), training, params);
        return new NDList(y.squeeze(AXIS_CHANNEL));
    }

    /**
     * The second half of a transposed convolution with kernel 2 and stride 2: {@code z} holds the
     * two taps r = 0, 1 as channels r·c + j; they are interleaved in space,
     * {@code [batch, 2c, n] → [batch, c, 2n]} with {@code out[b, j, 2i + r] = z[b, r·c + j, i]}.
     */
    private static NDArray upsample(NDArray z) {
        long batch = z.getShape().get(0);
        long c = z.getShape().get(1) / 2;
        long n = z.getShape().get(2);
        return z.reshape(batch, 2, c, n).transpose(0, 2, 3, 1).reshape(batch, c, 2 * n);
    }

    private static NDArray apply(Block b, ParameterStore ps, NDArray x, boolean training,
            PairList<String, Object> params) {
        return b.forward(ps, new NDList(x), training, params).singletonOrThrow();
    }

    /**
     * Periodic padding of the last axis: {@code [..., K] → [..., K + 2p]} with
     * {@code out[..., j] = x[..., (j − p) mod K]}. Differentiable (slices and one concat).
     *
     * @param x any array whose last axis is space, with K ≥ p
     * @param p padding on each side, ≥ 0
     */
    public static NDArray circularPad(NDArray x, int p) {
        if (p == 0) {
            return x;
        }
        int axis = x.getShape().dimension() - 1;
        long k = x.getShape().get(axis);
        if (p > k) {
            throw new IllegalArgumentException("padding " + p + " exceeds the space axis length " + k);
        }
        NDArray left = x.get("..., " + (k - p) + ":");
        NDArray right = x.get("..., :" + p);
        return left.concat(x, axis).concat(right, axis);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(AXIS_SPACE))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Devices.engine(); // the convolution self-check, also when the block is used outside the toolkit
        Shape s = inputShapes[0];
        checkInput(s);
        long batch = s.get(0);
        long time = s.get(AXIS_TIME);
        long k = s.get(AXIS_SPACE);
        long in = INPUT_CHANNELS;
        for (int l = 0; l < channels.length; l++) {
            long kl = k >> l;
            for (int i = 0; i < CONVS_PER_LEVEL; i++) {
                int c = 2 * (l * CONVS_PER_LEVEL + i);
                encoder.get(c).initialize(manager, dataType, new Shape(batch, in, time, kl + 2L * pad));
                in = channels[l];
                encoder.get(c + 1).initialize(manager, dataType, new Shape(batch, in, time, kl));
            }
        }
        for (int l = channels.length - 2; l >= 0; l--) {
            long kl = k >> l;
            upsample.get(l).initialize(manager, dataType, new Shape(batch, in, kl / 2));
            in = 2L * channels[l];
            for (int i = 0; i < CONVS_PER_LEVEL; i++) {
                int c = 2 * (l * CONVS_PER_LEVEL + i);
                decoder.get(c).initialize(manager, dataType, new Shape(batch, in, kl + 2L * pad));
                in = channels[l];
                decoder.get(c + 1).initialize(manager, dataType, new Shape(batch, in, kl));
            }
        }
        output.initialize(manager, dataType, new Shape(batch, in, k + 2L * pad));
    }

    /** Validates an input shape {@code [batch, 2, T, K]}; throws naming the bad dimension. */
    void checkInput(Shape s) {
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("input has shape " + s + ": expected [batch, 2, T, K]");
        }
        if (s.get(AXIS_CHANNEL) != INPUT_CHANNELS) {
            throw new IllegalArgumentException("input has " + s.get(AXIS_CHANNEL)
                    + " channels: expected 2 (observed values, mask), shape [batch, 2, T, K]");
        }
        Check.atLeast("T", (int) s.get(AXIS_TIME), 1);
        long k = s.get(AXIS_SPACE);
        int f = poolingFactor();
        if (k % f != 0 || k / f < Math.max(1, pad)) {
            throw new IllegalArgumentException("K = " + k + ": must be a positive multiple of 2^(levels-1) = " + f
                    + " (levels = " + channels.length + ", channels " + Arrays.toString(channels)
                    + ") with K / " + f + " >= " + Math.max(1, pad) + " (kernelSize / 2)");
        }
    }

    @Override
    public String toString() {
        return "CodaNet(channels=" + Arrays.toString(channels) + ", kernelSize=" + kernelSize + ")";
    }

    /** Builder in DJL style: {@code optX} settings, {@link #build()} validates. */
    public static final class Builder {
        private int[] channels = {32, 64, 128};
        private int kernelSize = 3;

        private Builder() {}

        /** Channels per level, one entry per level, each ≥ 1 (default 32, 64, 128). */
        public Builder optChannels(int... channels) {
            this.channels = channels.clone();
            return this;
        }

        /** Odd convolution kernel size ≥ 1, used in time and space (default 3). */
        public Builder optKernelSize(int kernelSize) {
            this.kernelSize = kernelSize;
            return this;
        }

        /** Validates and builds. */
        public CodaNet build() {
            Check.inRange("levels (number of channels)", channels.length, 1, 8);
            for (int l = 0; l < channels.length; l++) {
                Check.atLeast("channels[" + l + "]", channels[l], 1);
            }
            if (kernelSize < 1 || kernelSize % 2 == 0) {
                throw new IllegalArgumentException("kernelSize = " + kernelSize + ": must be odd and >= 1");
            }
            return new CodaNet(this);
        }
    }
}
