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
 * deviation. Immutable settings; {@link #fit} returns a {@link Trained} model that encodes and
 * decodes plain arrays.
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

    /** Random start. */
    public FieldAutoencoder(int latent, int hidden, int epochs, int batchSize, double learningRate, long seed) {
        this(latent, hidden, epochs, batchSize, learningRate, seed, Start.RANDOM);
    }

    /** The same settings with another latent size. */
    public FieldAutoencoder withLatent(int d) {
        return new FieldAutoencoder(d, hidden, epochs, batchSize, learningRate, seed, start);
    }

    /** The same settings with another start. */
    public FieldAutoencoder withStart(Start s) {
        return new FieldAutoencoder(latent, hidden, epochs, batchSize, learningRate, seed, s);
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
        Devices.engine().setRandomSeed((int) seed);
        SplittableRandom rng = new SplittableRandom(seed);
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(batchSize, nx));
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

    /** File prefix of saved autoencoders ({@value}-0000.params). */
    public static final String NAME = "field-autoencoder";

    private Block encoder() {
        return withLinearPath(latent);
    }

    private Block decoder(int nx) {
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
     * Loads an autoencoder saved by {@link Trained#save} into these settings' architecture.
     *
     * @throws IllegalArgumentException when the folder holds no saved autoencoder or one with another
     *     latent size, hidden size or field size
     */
    public Trained load(java.nio.file.Path directory, int nx) {
        java.nio.file.Path params = directory.resolve(NAME + "-0000.params");
        if (!java.nio.file.Files.isRegularFile(params)) {
            throw new IllegalArgumentException("directory " + directory + ": no saved autoencoder (" + params.getFileName()
                    + " missing)");
        }
        Model model = Model.newInstance(NAME, Devices.preferred());
        Block encoder = encoder();
        Block decoder = decoder(nx);
        model.setBlock(new SequentialBlock().add(encoder).add(decoder));
        try {
            model.load(directory, NAME);
            String saved = model.getProperty("latent") + "/" + model.getProperty("hidden") + "/" + model.getProperty("nx");
            String wanted = latent + "/" + hidden + "/" + nx;
            if (!saved.equals(wanted)) {
                throw new IllegalArgumentException("directory " + directory + ": saved latent/hidden/nx = " + saved
                        + ", these settings expect " + wanted);
            }
            return new Trained(model, encoder, decoder, Double.parseDouble(model.getProperty("scale")), nx, latent,
                    hidden);
        } catch (java.io.IOException | ai.djl.MalformedModelException | RuntimeException e) {
            model.close();
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("directory " + directory + ": the saved autoencoder does not match "
                    + "these settings (" + e.getMessage() + ")", e);
        }
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

        /**
         * Saves the weights (DJL's parameter format) with the scale and sizes as model properties
         * into {@code directory} (created if missing).
         *
         * @return the directory
         */
        public java.nio.file.Path save(java.nio.file.Path directory) {
            try {
                java.nio.file.Files.createDirectories(directory);
                model.setProperty("scale", Double.toString(scale));
                model.setProperty("nx", Integer.toString(nx));
                model.setProperty("latent", Integer.toString(latent));
                model.setProperty("hidden", Integer.toString(hidden));
                model.save(directory, NAME);
                return directory;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("could not save the autoencoder to " + directory, e);
            }
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
