package org.climagrad.coda;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;
import org.climagrad.core.KernelCheck;

/**
 * The data-assimilation network of CODA (Zinchenko &amp; Greenberg 2024, "Combined optimization
 * of dynamics and assimilation with end-to-end learning on sparse observations", Sec. 2.2 and
 * Fig. 2): a "1.5-D U-Net" that maps an observation window to the state at the window centre,
 * x̂_t = A_φ(y_{t−w..t+w}, m_{t−w..t+w}). The defaults are the reference configuration
 * (m-dml/coda, {@code conf/assimilation_network/unet.yaml}).
 *
 * <p>Input {@code [batch, C, T, K]}: C channels in the layout of {@link #inputs()} (default the
 * reference's four: values, mask, relative time index k, k × value; see {@link CodaInputs}),
 * {@code T = 2w + 1} observation times and K grid points on a periodic domain. Output
 * {@code [batch, K]}.
 *
 * <p>Architecture, with channels c_0..c_{L−1} (default 32, 64, 128, so L = 3 levels); a "block"
 * (in → c → d) is [convolution in → c, BatchNorm (optional, default on), ReLU, convolution c → d],
 * every convolution with kernel 3 and circular padding:
 * <ul>
 *   <li>Encoder level l: a 2-D block (C or c_{l−1}) → c_l → c_l over (time, space), circular in
 *       both axes as the reference's {@code padding_mode="circular"}; between levels a 2 × 2
 *       max-pool over time and space ({@link Pooling#TIME_AND_SPACE}, the reference) or 1 × 2
 *       over space only ({@link Pooling#SPACE}).
 *   <li>Skips and bottleneck: each level's block output before pooling, reduced by a maximum over
 *       time, {@code [batch, c_l, T_l, K_l] → [batch, c_l, K_l]}.
 *   <li>Decoder (1-D over space): a block c_{L−1} → c_{L−1} → c_{L−2} on the bottleneck; then for
 *       l = L−2..0: a transposed 1-D convolution (kernel 2, stride 2; written as a kernel-1
 *       convolution to 2c_l channels whose halves are interleaved in space, since DJL's PyTorch
 *       engine has no deconvolution), concatenation with skip l, a block 2c_l → c_l → c_{l−1}
 *       (c_0 at l = 0).
 *   <li>Output: a circular 1-D convolution c_0 → 1 to {@code [batch, K]}, computed as one linear
 *       map of the kernel's neighbours (the same function and parameter count; no convolution
 *       with one output channel, see {@link #oneDnnAligned()}).
 * </ul>
 *
 * <p>Because every spatial operation is circular and pooling/upsampling act on blocks of
 * 2^(L−1) points, rolling the input in space by a multiple of 2^(L−1) rolls the output by the
 * same amount (in inference mode). K must be divisible by 2^(L−1) and, with time pooling,
 * T ≥ 2^(L−1); both are checked when the block is initialized and on every forward pass. The
 * forward pass never combines an array with a Java number, so it is safe inside a
 * {@code GradientCollector}.
 */
public final class CodaNet extends AbstractBlock {
    /** Input axes: batch, channel, time, space. */
    public static final int AXIS_CHANNEL = 1;
    /** Time axis of the input and of encoder feature maps. */
    public static final int AXIS_TIME = 2;
    /** Space axis of the input. */
    public static final int AXIS_SPACE = 3;

    /** Pooling between encoder levels. */
    public enum Pooling {
        /** 2 × 2 max-pooling over time and space (the reference). */
        TIME_AND_SPACE,
        /** 1 × 2 max-pooling over space only (T kept at every level; about 2.5× the FLOPs). */
        SPACE
    }

    private static final byte VERSION = 2;

    private final int[] channels;
    private final int kernelSize;
    private final int pad;
    private final Pooling pooling;
    private final CodaInputs inputs;
    private final boolean batchNorm;
    private final List<Block[]> encoder = new ArrayList<>(); // {conv, bn or null, conv} per level
    private final List<Block[]> decoder = new ArrayList<>(); // index 0 = bottleneck block, i = level L-1-i
    private final List<Block> upsample = new ArrayList<>(); // index l = level l (0..L-2)
    private final Block output;

    private CodaNet(Builder b) {
        super(VERSION);
        this.channels = b.channels.clone();
        this.kernelSize = b.kernelSize;
        this.pad = kernelSize / 2;
        this.pooling = b.pooling;
        this.inputs = b.inputs;
        this.batchNorm = b.batchNorm;
        int levels = channels.length;
        for (int l = 0; l < levels; l++) {
            encoder.add(block("enc" + l, true, channels[l], channels[l]));
        }
        int top = levels - 1;
        decoder.add(block("dec" + top, false, channels[top], channels[Math.max(top - 1, 0)]));
        for (int l = 0; l < levels - 1; l++) {
            upsample.add(addChildBlock("up" + l,
                    Conv1d.builder().setKernelShape(new Shape(1)).setFilters(2 * channels[l]).build()));
        }
        for (int l = levels - 2; l >= 0; l--) {
            decoder.add(block("dec" + l, false, channels[l], channels[Math.max(l - 1, 0)]));
        }
        output = addChildBlock("out_conv", Linear.builder().setUnits(1).build());
    }

    private Block[] block(String name, boolean twoD, int mid, int out) {
        Block first = addChildBlock(name + "_conv0", conv(twoD, mid));
        Block bn = batchNorm ? addChildBlock(name + "_bn0", BatchNorm.builder().build()) : null;
        Block second = addChildBlock(name + "_conv1", conv(twoD, out));
        return new Block[] {first, bn, second};
    }

    private Block conv(boolean twoD, int filters) {
        return twoD ? Conv2d.builder().setKernelShape(new Shape(kernelSize, kernelSize)).setFilters(filters).build()
                : Conv1d.builder().setKernelShape(new Shape(kernelSize)).setFilters(filters).build();
    }

    /** A builder; every setting has a default (the reference configuration). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset to this network's settings (for a fresh, untrained copy). */
    public Builder toBuilder() {
        return new Builder().optChannels(channels).optKernelSize(kernelSize).optPooling(pooling).optInputs(inputs)
                .optBatchNorm(batchNorm);
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

    /** Pooling between encoder levels. */
    public Pooling pooling() {
        return pooling;
    }

    /** The input channel layout. */
    public CodaInputs inputs() {
        return inputs;
    }

    /** Whether each block has a BatchNorm after its first convolution. */
    public boolean batchNorm() {
        return batchNorm;
    }

    /**
     * Whether every convolution has a multiple of {@value KernelCheck#ALIGNMENT} output channels
     * (every c_l a multiple of 16, as the reference's 32/64/128 and 16/32/64): then the trainer
     * may use oneDNN on a CPU where it is wrong only for other channel counts
     * ({@link KernelCheck#alignedScope}).
     */
    public boolean oneDnnAligned() {
        return Arrays.stream(channels).allMatch(c -> c % KernelCheck.ALIGNMENT == 0);
    }

    /** The pooling factor 2^(L−1): K must be a multiple of it; equivariant shifts are too. */
    public int poolingFactor() {
        return 1 << (channels.length - 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training,
            PairList<String, Object> params) {
        NDArray x = in.singletonOrThrow();
        checkInput(x.getShape());
        int levels = channels.length;
        Shape poolShape = pooling == Pooling.TIME_AND_SPACE ? new Shape(2, 2) : new Shape(1, 2);
        NDArray[] skips = new NDArray[levels];
        for (int l = 0; l < levels; l++) {
            if (l > 0) {
                x = Pool.maxPool2d(x, poolShape, poolShape, new Shape(0, 0), false);
            }
            x = apply(encoder.get(l), ps, x, true, training, params);
            skips[l] = x.max(new int[] {AXIS_TIME}); // [batch, c_l, K_l]
        }
        NDArray y = apply(decoder.get(0), ps, skips[levels - 1], false, training, params);
        for (int l = levels - 2; l >= 0; l--) {
            y = upsample(upsample.get(l).forward(ps, new NDList(y), training, params).singletonOrThrow());
            y = y.concat(skips[l], AXIS_CHANNEL);
            y = apply(decoder.get(levels - 1 - l), ps, y, false, training, params);
        }
        return new NDList(outputLayer(ps, y, training, params));
    }

    /** The output convolution c_0 → 1 (circular) as a linear map of each point's kernel neighbourhood. */
    private NDArray outputLayer(ParameterStore ps, NDArray y, boolean training, PairList<String, Object> params) {
        long batch = y.getShape().get(0);
        long k = y.getShape().get(2);
        NDArray neighbours = neighbourhoods(y);
        NDArray flat = neighbours.transpose(0, 2, 1).reshape(batch * k, neighbours.getShape().get(1));
        return output.forward(ps, new NDList(flat), training, params).singletonOrThrow().reshape(batch, k);
    }

    /** {@code [batch, c, K] → [batch, kernelSize·c, K]}: channel j·c + i holds x[i, (s + j − p) mod K]. */
    private NDArray neighbourhoods(NDArray y) {
        long k = y.getShape().get(2);
        NDArray padded = circularPad(y, pad);
        NDList shifted = new NDList();
        for (int j = 0; j < kernelSize; j++) {
            shifted.add(padded.get(":, :, " + j + ":" + (j + k)));
        }
        return NDArrays.concat(shifted, AXIS_CHANNEL);
    }

    /** One block: conv, BatchNorm (optional), ReLU, conv, each conv circular in every axis it covers. */
    private NDArray apply(Block[] b, ParameterStore ps, NDArray x, boolean twoD, boolean training,
            PairList<String, Object> params) {
        NDArray h = b[0].forward(ps, new NDList(pad(x, twoD)), training, params).singletonOrThrow();
        if (b[1] != null) {
            h = b[1].forward(ps, new NDList(h), training, params).singletonOrThrow();
        }
        h = Activation.relu(h);
        return b[2].forward(ps, new NDList(pad(h, twoD)), training, params).singletonOrThrow();
    }

    private NDArray pad(NDArray x, boolean twoD) {
        NDArray p = circularPad(x, pad);
        return twoD ? circularPad(p, pad, AXIS_TIME) : p;
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

    /**
     * Periodic padding of the last axis: {@code [..., K] → [..., K + 2p]} with
     * {@code out[..., j] = x[..., (j − p) mod K]}. Differentiable (two slices and one concatenation).
     *
     * @param x any array whose last axis is space, with K ≥ p
     * @param p padding on each side, ≥ 0
     */
    public static NDArray circularPad(NDArray x, int p) {
        return circularPad(x, p, x.getShape().dimension() - 1);
    }

    /**
     * Periodic padding of one axis by p on each side (p ≤ the axis length).
     *
     * @param x any array
     * @param p padding on each side, ≥ 0
     * @param axis the padded axis
     */
    public static NDArray circularPad(NDArray x, int p, int axis) {
        if (p == 0) {
            return x;
        }
        long k = x.getShape().get(axis);
        if (p > k) {
            throw new IllegalArgumentException("padding " + p + " exceeds the length " + k + " of axis " + axis);
        }
        String lead = ", ".repeat(axis).replace(", ", ":, ");
        NDArray left = x.get(lead + (k - p) + ":");
        NDArray right = x.get(lead + ":" + p);
        return NDArrays.concat(new NDList(left, x, right), axis); // one copy, not two
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
        long in = inputs.channels();
        int levels = channels.length;
        for (int l = 0; l < levels; l++) {
            long kl = k >> l;
            in = init(encoder.get(l), manager, dataType, batch, in, time, kl, channels[l]);
            if (pooling == Pooling.TIME_AND_SPACE && l < levels - 1) {
                time /= 2;
            }
        }
        in = init(decoder.get(0), manager, dataType, batch, in, -1, k >> (levels - 1), channels[levels - 1]);
        for (int l = levels - 2; l >= 0; l--) {
            long kl = k >> l;
            upsample.get(l).initialize(manager, dataType, new Shape(batch, in, kl / 2));
            in = init(decoder.get(levels - 1 - l), manager, dataType, batch, in + channels[l], -1, kl, channels[l]);
        }
        output.initialize(manager, dataType, new Shape(batch * k, in * kernelSize));
    }

    /** Initialises a block on input {@code [batch, in, (time,) k]} (time < 0: 1-D); returns its output channels. */
    private long init(Block[] b, NDManager manager, DataType dataType, long batch, long in, long time, long k,
            long mid) {
        long tp = time + 2L * pad;
        long kp = k + 2L * pad;
        b[0].initialize(manager, dataType, time < 0 ? new Shape(batch, in, kp) : new Shape(batch, in, tp, kp));
        if (b[1] != null) {
            b[1].initialize(manager, dataType, time < 0 ? new Shape(batch, mid, k) : new Shape(batch, mid, time, k));
        }
        b[2].initialize(manager, dataType, time < 0 ? new Shape(batch, mid, kp) : new Shape(batch, mid, tp, kp));
        return b[2].getOutputShapes(new Shape[] {time < 0 ? new Shape(batch, mid, kp)
                : new Shape(batch, mid, tp, kp)})[0].get(1);
    }

    /** Validates an input shape {@code [batch, C, T, K]}; throws naming the bad dimension. */
    void checkInput(Shape s) {
        int c = inputs.channels();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("input has shape " + s + ": expected [batch, " + c + ", T, K]");
        }
        if (s.get(AXIS_CHANNEL) != c) {
            throw new IllegalArgumentException("input has " + s.get(AXIS_CHANNEL) + " channels: expected " + c
                    + " (" + inputs + "), shape [batch, " + c + ", T, K]");
        }
        int f = poolingFactor();
        int minTime = pooling == Pooling.TIME_AND_SPACE ? Math.max(f, pad) : 1;
        Check.atLeast("T (observation times in the window, 2w + 1)", (int) s.get(AXIS_TIME), minTime);
        long k = s.get(AXIS_SPACE);
        if (k % f != 0 || k / f < Math.max(1, pad)) {
            throw new IllegalArgumentException("K = " + k + ": must be a positive multiple of 2^(levels-1) = " + f
                    + " (levels = " + channels.length + ", channels " + Arrays.toString(channels)
                    + ") with K / " + f + " >= " + Math.max(1, pad) + " (kernelSize / 2)");
        }
    }

    @Override
    public String toString() {
        return "CodaNet(channels=" + Arrays.toString(channels) + ", kernelSize=" + kernelSize + ", pooling="
                + pooling + ", inputs=" + inputs + ", batchNorm=" + batchNorm + ")";
    }

    /** Builder in DJL style: {@code optX} settings, {@link #build()} validates. */
    public static final class Builder {
        private int[] channels = {32, 64, 128};
        private int kernelSize = 3;
        private Pooling pooling = Pooling.TIME_AND_SPACE;
        private CodaInputs inputs = CodaInputs.VALUES_MASK_TIME;
        private boolean batchNorm = true;

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

        /** Pooling between encoder levels (default {@link Pooling#TIME_AND_SPACE}, the reference). */
        public Builder optPooling(Pooling pooling) {
            this.pooling = pooling;
            return this;
        }

        /** The input channel layout (default {@link CodaInputs#VALUES_MASK_TIME}, the reference). */
        public Builder optInputs(CodaInputs inputs) {
            this.inputs = inputs;
            return this;
        }

        /** BatchNorm after the first convolution of every block (default true). */
        public Builder optBatchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
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
            if (pooling == null) {
                throw new IllegalArgumentException("pooling: must not be null (TIME_AND_SPACE or SPACE)");
            }
            if (inputs == null) {
                throw new IllegalArgumentException("inputs: must not be null (VALUES_MASK_TIME or VALUES_MASK)");
            }
            return new CodaNet(this);
        }
    }
}
