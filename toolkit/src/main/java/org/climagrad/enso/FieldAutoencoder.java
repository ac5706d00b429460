package org.climagrad.enso;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.climagrad.core.Check;
import org.climagrad.core.Devices;
import org.climagrad.core.Tensors;

/**
 * A dense autoencoder of equatorial SST fields (Behnoudfar et al. 2025, Sec. 2): encoder
 * nx → hidden → d (tanh), decoder d → hidden → nx (tanh hidden layer, linear output), each with a
 * linear skip path (out = W x + MLP(x)), so that states beyond the training range (stronger El
 * Niños than the operational model makes) still decode, linearly, instead of saturating; trained with
 * Adam on the mean squared reconstruction error of fields scaled by their overall standard
 * deviation. Immutable settings, made by {@link #builder()}; {@link #fit} returns a {@link
 * Trained} model that encodes and decodes plain arrays; {@link AutoencoderFiles} saves and loads
 * trained models.
 *
 * <p>Every fit starts afresh: the weights are drawn from {@code java.util.Random(seed)} (DJL's
 * default rule for dense layers, Xavier-uniform weights on ±√(6 / ((fan_in + fan_out) / 2)) and
 * zero biases) and the batch order from {@code SplittableRandom(seed)}; no global engine seed is
 * set and nothing given to {@code fit} is changed, so two fits of the same settings on the same
 * fields give identical models.
 *
 * <p>{@link Start#EOF} starts the training from the leading EOFs: the encoder's linear path
 * projects onto the d leading eigenvectors of the training fields' second-moment matrix, the
 * decoder's maps back, and both MLP paths start at zero output, so that training begins at the
 * best linear autoencoder (PCA) and adds nonlinear corrections. From random weights, Adam learns
 * the weak EOFs slowly (the fit lags behind PCA in exactly the directions in which the truth's
 * eastern pattern differs from the operational one), and the result changes with the seed.
 *
 * @param latent latent dimension d ≥ 1
 * @param hidden hidden units ≥ 1
 * @param epochs passes over the data ≥ 1
 * @param batchSize ≥ 1
 * @param learningRate Adam learning rate &gt; 0
 * @param seed seed of the weights and the batch order
 * @param start where training starts
 */
public record FieldAutoencoder(int latent, int hidden, int epochs, int batchSize, double learningRate, long seed,
        Start start) {
    /** Where training starts. */
    public enum Start {
        /** DJL's default random weights. */
        RANDOM,
        /** The best linear autoencoder: leading EOFs on the linear paths, MLP paths at zero output. */
        EOF
    }

    /** Validates the ranges. */
    public FieldAutoencoder {
        Check.atLeast("latent", latent, 1);
        Check.atLeast("hidden", hidden, 1);
        Check.atLeast("epochs", epochs, 1);
        Check.atLeast("batchSize", batchSize, 1);
        Check.positive("learningRate", learningRate);
        java.util.Objects.requireNonNull(start, "start");
    }

    /** The same settings with another latent size. */
    public FieldAutoencoder withLatent(int d) {
        return toBuilder().setLatent(d).build();
    }

    /** The same settings with another start. */
    public FieldAutoencoder withStart(Start s) {
        return toBuilder().optStart(s).build();
    }

    /** The same settings with another seed (weights and batch order). */
    public FieldAutoencoder withSeed(long s) {
        return toBuilder().optSeed(s).build();
    }

    /**
     * A builder: {@code setLatent}, {@code setHidden}, {@code setEpochs}, {@code setBatchSize} and
     * {@code setLearningRate} required; {@code optSeed} (default 0) and {@code optStart} (default
     * {@link Start#RANDOM}) optional.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings (for variants). */
    public Builder toBuilder() {
        return new Builder().setLatent(latent).setHidden(hidden).setEpochs(epochs).setBatchSize(batchSize)
                .setLearningRate(learningRate).optSeed(seed).optStart(start);
    }

    /** Builds {@link FieldAutoencoder} settings (DJL style); {@link #build()} validates and names the bad field. */
    public static final class Builder {
        private Integer latent;
        private Integer hidden;
        private Integer epochs;
        private Integer batchSize;
        private Double learningRate;
        private long seed;
        private Start start = Start.RANDOM;

        private Builder() {}

        /** Latent dimension d ≥ 1, below the field size (required). */
        public Builder setLatent(int latent) {
            this.latent = latent;
            return this;
        }

        /** Hidden units ≥ 1 of the encoder's and the decoder's MLP paths (required). */
        public Builder setHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Passes over the data ≥ 1 (required). */
        public Builder setEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Samples per Adam step ≥ 1 (required). */
        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Adam learning rate &gt; 0 (required). */
        public Builder setLearningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Seed of the initial weights and of the batch order (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Where training starts (default {@link Start#RANDOM}). */
        public Builder optStart(Start start) {
            this.start = start;
            return this;
        }

        /** Validates (the message names the field and its range) and builds. */
        public FieldAutoencoder build() {
            return new FieldAutoencoder(required("latent", latent), required("hidden", hidden),
                    required("epochs", epochs), required("batchSize", batchSize),
                    required("learningRate", learningRate), seed, start);
        }

        private static <T> T required(String name, T value) {
            if (value == null) {
                throw new IllegalArgumentException(name + ": required (set" + Character.toUpperCase(name.charAt(0))
                        + name.substring(1) + ")");
            }
            return value;
        }
    }

    /**
     * Trains on fields {@code [samples][nx]}.
     *
     * @param progress receives each finished epoch number, or null
     * @throws IllegalArgumentException when the latent size is not below nx or the samples are fewer than a batch
     */
    public Trained fit(double[][] fields, IntConsumer progress) {
        int n = fields.length;
        int nx = fields[0].length;
        if (latent >= nx) {
            throw new IllegalArgumentException("latent = " + latent + ": must be < the field size nx = " + nx);
        }
        if (n < batchSize) {
            throw new IllegalArgumentException("fields: " + n + " samples, fewer than batchSize = " + batchSize);
        }
        double scale = Math.sqrt(meanSquare(fields));
        Model model = Model.newInstance(NAME, Devices.preferred());
        Block encoder = encoder();
        Block decoder = decoder(nx);
        model.setBlock(new SequentialBlock().add(encoder).add(decoder));
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l1Loss()) // unused: the loss is written below
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build());
        SplittableRandom rng = new SplittableRandom(seed);
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(batchSize, nx));
            seededXavier(model.getBlock(), new Random(seed));
            if (start == Start.EOF) {
                startAtEofs(encoder, decoder, leadingEofs(fields, scale, latent));
            }
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int epoch = 1; epoch <= epochs; epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int b = 0; b + batchSize <= n; b += batchSize) {
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        double[] flat = new double[batchSize * nx];
                        for (int k = 0; k < batchSize; k++) {
                            for (int i = 0; i < nx; i++) {
                                flat[k * nx + i] = fields[order[b + k]][i] / scale;
                            }
                        }
                        NDArray x = m.create(flat, new Shape(batchSize, nx)).toType(DataType.FLOAT32, false);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray y = trainer.forward(new NDList(x)).singletonOrThrow();
                            gc.backward(y.sub(x).square().mean());
                        }
                        trainer.step();
                    }
                }
                if (progress != null) {
                    progress.accept(epoch);
                }
            }
        }
        return new Trained(model, encoder, decoder, scale, nx, latent, hidden);
    }

    /** Name of the DJL model (and file prefix of saved autoencoders, see {@link AutoencoderFiles}). */
    public static final String NAME = "field-autoencoder";

    /**
     * Overwrites the initialised parameters in place, drawn from {@code rng}: weights {@code [out,
     * in]} Xavier-uniform on ±√(6 / ((in + out) / 2)) (DJL's default for dense layers), biases 0.
     */
    static void seededXavier(Block block, Random rng) {
        for (var pair : block.getParameters()) {
            NDArray a = pair.getValue().getArray();
            Shape s = a.getShape();
            float[] v = new float[Math.toIntExact(s.size())];
            if (pair.getValue().getType() == ai.djl.nn.Parameter.Type.WEIGHT) {
                double fanOut = s.get(0);
                double fanIn = s.size() / fanOut;
                double bound = Math.sqrt(6 / ((fanIn + fanOut) / 2));
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
                }
            }
            a.set(v);
        }
    }

    Block encoder() {
        return withLinearPath(latent);
    }

    Block decoder(int nx) {
        return withLinearPath(nx);
    }

    /** out = Linear(x) + Linear(tanh(Linear_hidden(x))): an MLP with a linear skip path. */
    private Block withLinearPath(int units) {
        Block mlp = new SequentialBlock().add(Linear.builder().setUnits(hidden).build()).add(Activation::tanh)
                .add(Linear.builder().setUnits(units).build());
        Block linear = Linear.builder().setUnits(units).optBias(false).build();
        return new ParallelBlock(l -> new NDList(l.get(0).singletonOrThrow().add(l.get(1).singletonOrThrow())),
                java.util.List.of(linear, mlp));
    }

    /**
     * The d leading eigenvectors of the second-moment matrix Σ_t x_t x_tᵀ / n of the scaled fields
     * (the linear paths have no bias, so the moments are not centred) {@code [d][nx]}.
     */
    static double[][] leadingEofs(double[][] fields, double scale, int d) {
        int nx = fields[0].length;
        double[][] c = new double[nx][nx];
        for (double[] row : fields) {
            for (int i = 0; i < nx; i++) {
                double a = row[i] / scale / fields.length;
                for (int j = 0; j < nx; j++) {
                    c[i][j] += a * row[j] / scale;
                }
            }
        }
        org.apache.commons.math3.linear.EigenDecomposition e =
                new org.apache.commons.math3.linear.EigenDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(c));
        double[] values = e.getRealEigenvalues();
        Integer[] order = new Integer[nx];
        for (int i = 0; i < nx; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double[][] eofs = new double[d][];
        for (int k = 0; k < d; k++) {
            eofs[k] = e.getEigenvector(order[k]).toArray();
        }
        return eofs;
    }

    /** Linear paths ← EOFs (encoder E, decoder Eᵀ), the MLP paths' output layers ← 0. */
    private static void startAtEofs(Block encoder, Block decoder, double[][] eofs) {
        int d = eofs.length;
        int nx = eofs[0].length;
        float[] enc = new float[d * nx];
        float[] dec = new float[nx * d];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < nx; i++) {
                enc[k * nx + i] = (float) eofs[k][i];
                dec[i * d + k] = (float) eofs[k][i];
            }
        }
        setLinearPath(encoder, enc);
        setLinearPath(decoder, dec);
    }

    /** Sets the linear path's weight {@code [units, in]} (row-major) and zeroes the MLP's last layer. */
    private static void setLinearPath(Block path, float[] weight) {
        java.util.List<Block> children = path.getChildren().values();
        children.get(0).getParameters().get("weight").getArray().set(weight);
        Block mlp = children.get(1);
        Block out = mlp.getChildren().values().get(mlp.getChildren().size() - 1);
        for (ai.djl.nn.Parameter p : out.getParameters().values()) {
            NDArray a = p.getArray();
            a.set(new float[(int) a.size()]);
        }
    }

    /**
     * 1 − Σ(r − f)² / Σ(f − its time mean)² of a reconstruction r of fields f, both
     * {@code [samples][nx]}.
     */
    static double explainedVariance(double[][] fields, double[][] r) {
        int nx = fields[0].length;
        double[] mean = new double[nx];
        for (double[] row : fields) {
            for (int i = 0; i < nx; i++) {
                mean[i] += row[i] / fields.length;
            }
        }
        double err = 0;
        double var = 0;
        for (int t = 0; t < fields.length; t++) {
            for (int i = 0; i < nx; i++) {
                err += (r[t][i] - fields[t][i]) * (r[t][i] - fields[t][i]);
                var += (fields[t][i] - mean[i]) * (fields[t][i] - mean[i]);
            }
        }
        return 1 - err / var;
    }

    private static double meanSquare(double[][] f) {
        double s = 0;
        long n = 0;
        for (double[] row : f) {
            for (double v : row) {
                s += v * v;
                n++;
            }
        }
        return s / n;
    }

    /**
     * A trained autoencoder. Owns native memory for the life of the JVM; {@link #close()} frees it.
     */
    public static final class Trained implements AutoCloseable {
        private final Model model;
        private final Block encoder;
        private final Block decoder;
        private final double scale;
        private final int nx;
        private final int latent;
        private final int hidden;

        Trained(Model model, Block encoder, Block decoder, double scale, int nx, int latent, int hidden) {
            this.model = model;
            this.encoder = encoder;
            this.decoder = decoder;
            this.scale = scale;
            this.nx = nx;
            this.latent = latent;
            this.hidden = hidden;
        }

        /** Field size nx. */
        public int fieldSize() {
            return nx;
        }

        /** Latent dimension d. */
        public int latent() {
            return latent;
        }

        /** Hidden units of the MLP paths. */
        public int hidden() {
            return hidden;
        }

        /** The overall scale the fields are divided by before encoding, K. */
        public double scale() {
            return scale;
        }

        /** The DJL model (for {@link AutoencoderFiles}). */
        Model model() {
            return model;
        }

        /** Latent states {@code [samples][d]} of fields {@code [samples][nx]}. */
        public double[][] encode(double[][] fields) {
            for (int i = 0; i < fields.length; i++) {
                Check.length("fields[" + i + "]", fields[i], nx);
            }
            return apply(encoder, fields, 1 / scale, 1);
        }

        /** Fields {@code [samples][nx]} of latent states {@code [samples][d]}. */
        public double[][] decode(double[][] latents) {
            for (int i = 0; i < latents.length; i++) {
                Check.length("latents[" + i + "]", latents[i], latent);
            }
            return apply(decoder, latents, 1, scale);
        }

        /**
         * The decoder Jacobian J = ∂f/∂z at a latent state, K per latent unit {@code [nx][d]}: column
         * k is the physical pattern that a small move along latent direction k adds (the sensitivity
         * map of Behnoudfar et al. 2025, Sec. 4). Reverse-mode autograd, every row in one backward
         * pass: z repeated nx times, the diagonal of the decoded batch summed.
         *
         * @param z latent state {@code [d]}
         */
        public double[][] jacobian(double[] z) {
            return jacobian(z, null);
        }

        /** {@link #jacobian(double[])} with a hook run just before the backward pass (tests force GC there). */
        double[][] jacobian(double[] z, Runnable beforeBackward) {
            Check.length("z", z, latent);
            Check.allFinite("z", z);
            double[][] rows = new double[nx][];
            for (int i = 0; i < nx; i++) {
                rows[i] = z;
            }
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDArray in = Tensors.create(m, rows, DataType.FLOAT32);
                NDArray eye = m.eye(nx, nx, 0, DataType.FLOAT32);
                in.setRequiresGradient(true);
                try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray out = decoder.forward(new ParameterStore(m, false), new NDList(in), true).singletonOrThrow();
                    NDArray diagonal = out.mul(eye).sum();
                    if (beforeBackward != null) {
                        beforeBackward.run();
                    }
                    gc.backward(diagonal);
                }
                double[][] j = Tensors.toMatrix(in.getGradient().toType(DataType.FLOAT64, false));
                for (double[] row : j) {
                    for (int k = 0; k < row.length; k++) {
                        row[k] *= scale;
                    }
                }
                return j;
            }
        }

        /** 1 − Σ(reconstruction error)² / Σ(field − its time mean)² over all samples and points. */
        public double explainedVariance(double[][] fields) {
            return FieldAutoencoder.explainedVariance(fields, decode(encode(fields)));
        }

        private double[][] apply(Block block, double[][] in, double inScale, double outScale) {
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDArray x = Tensors.create(m, in, DataType.FLOAT32);
                x = Tensors.mul(x, inScale);
                NDArray y = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
                return Tensors.toMatrix(Tensors.mul(y.toType(DataType.FLOAT64, false), outScale));
            }
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
