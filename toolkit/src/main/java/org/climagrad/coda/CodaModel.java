package org.climagrad.coda;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.climagrad.core.Devices;
import org.climagrad.core.KernelCheck;
import org.climagrad.obs.Observations;

/**
 * A trained CODA data-assimilation network g_DA with its window half-width w: maps the
 * observations y_{t−w..t+w} to the state x̂_t (Zinchenko &amp; Greenberg 2024, Sec. 2).
 *
 * <p>Owns the network's native memory for the life of the JVM; {@link #close()} frees it earlier.
 */
public final class CodaModel implements AutoCloseable {
    private static final int CHUNK = 256;
    static final String NAME = "coda-da";
    private final Model model;
    private final int halfWidth;
    private final int nx;
    private final double[] theta;
    private final CodaInputs inputs;

    CodaModel(Model model, int halfWidth, int nx, double[] theta, CodaInputs inputs) {
        this.model = model;
        this.inputs = inputs;
        this.halfWidth = halfWidth;
        this.nx = nx;
        this.theta = theta.clone();
    }

    /** The model parameters θ trained with (tuned or fixed). */
    public double[] theta() {
        return theta.clone();
    }

    /**
     * Saves the network (DJL's parameter format) with w, nx and θ as model properties into
     * {@code directory} (created if missing), as {@value #NAME}-0000.params.
     *
     * @return the directory
     */
    public Path save(Path directory) {
        try {
            Files.createDirectories(directory);
            model.setProperty("halfWidth", Integer.toString(halfWidth));
            model.setProperty("nx", Integer.toString(nx));
            model.setProperty("theta", join(theta));
            model.setProperty("inputs", inputs.name());
            model.save(directory, NAME);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the CODA model to " + directory, e);
        }
    }

    /**
     * Loads a model saved by {@link #save} into a fresh network of the same architecture.
     *
     * @param directory the folder given to {@link #save}
     * @param architecture an untrained network built with the same settings as the saved one
     * @throws IllegalArgumentException when the files are missing or do not match the architecture
     */
    public static CodaModel load(Path directory, Block architecture) {
        Path params = directory.resolve(NAME + "-0000.params");
        if (!Files.isRegularFile(params)) {
            throw new IllegalArgumentException("directory " + directory + ": no saved CODA model (" + params.getFileName()
                    + " missing)");
        }
        Model model = Model.newInstance(NAME, Devices.preferred());
        try {
            model.setBlock(architecture);
            model.load(directory, NAME);
            int w = Integer.parseInt(required(model, "halfWidth", directory));
            int nx = Integer.parseInt(required(model, "nx", directory));
            double[] theta = split(required(model, "theta", directory));
            CodaInputs inputs = CodaInputs.valueOf(required(model, "inputs", directory));
            if (architecture instanceof CodaNet net && net.inputs() != inputs) {
                throw new IllegalArgumentException("directory " + directory + ": saved with inputs " + inputs
                        + ", the given architecture takes " + net.inputs());
            }
            checkArchitecture(model, w, nx, inputs, directory);
            return new CodaModel(model, w, nx, theta, inputs);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("directory " + directory + ": the saved network does not match the given "
                    + "architecture (" + e.getMessage() + ")", e);
        }
    }

    private static void checkArchitecture(Model model, int w, int nx, CodaInputs inputs, Path directory) {
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray in = m.zeros(new Shape(1, inputs.channels(), 2 * w + 1, nx), DataType.FLOAT32);
            Shape out = model.getBlock().forward(new ParameterStore(m, false), new NDList(in), false).singletonOrThrow()
                    .getShape();
            if (!out.equals(new Shape(1, nx))) {
                throw new IllegalArgumentException("directory " + directory + ": the network maps a window to " + out
                        + ", expected (1, " + nx + ")");
            }
        }
    }

    private static String required(Model model, String key, Path directory) {
        String v = model.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("directory " + directory + ": property '" + key + "' missing; not saved by "
                    + "CodaModel.save");
        }
        return v;
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(Double.toString(v[i]));
        }
        return b.toString();
    }

    private static double[] split(String s) {
        String[] parts = s.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        return v;
    }

    /**
     * The DA network g_DA inside this model (without a jointly trained correction block), for
     * warm-starting another training from its weights.
     */
    Block network() {
        Block block = model.getBlock();
        return block instanceof JointBlock joint ? joint.network() : block;
    }

    /** The input channel layout the network was trained with. */
    public CodaInputs inputs() {
        return inputs;
    }

    /** The window half-width w (the network sees 2w+1 observation times). */
    public int halfWidth() {
        return halfWidth;
    }

    /**
     * Analyses a whole observation record by sliding the window, all windows in parallel (in
     * chunks), in inference mode.
     *
     * @param observations values and mask {@code [T][nx]}, T ≥ 2w+1
     * @return x̂ {@code [T − 2w][nx]}: row i is the analysis at time w + i
     */
    public double[][] analyse(Observations observations) {
        CodaBatches batches = new CodaBatches(observations, halfWidth, 0, inputs);
        int n = batches.times() - 2 * halfWidth;
        double[][] out = new double[n][];
        Block net = network();
        boolean aligned = net instanceof CodaNet c && c.oneDnnAligned();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            for (int start = 0; start < n; start += CHUNK) {
                int len = Math.min(CHUNK, n - start);
                int[] centres = new int[len];
                for (int i = 0; i < len; i++) {
                    centres[i] = halfWidth + start + i;
                }
                try (NDManager chunk = manager.newSubManager();
                        KernelCheck.Scope fast = KernelCheck.alignedScope(aligned)) {
                    NDArray x = model.getBlock().forward(store, new NDList(batches.inputs(chunk, centres)), false)
                            .singletonOrThrow();
                    float[] flat = x.toFloatArray();
                    int nx = batches.nx();
                    for (int i = 0; i < len; i++) {
                        double[] row = new double[nx];
                        for (int k = 0; k < nx; k++) {
                            row[k] = flat[i * nx + k];
                        }
                        out[start + i] = row;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Analyses every time of a record, edges included: the record is extended by w times without
     * observations (mask 0) at each end, so windows near an edge see only the observations that
     * exist.
     *
     * @param observations values and mask {@code [T][nx]}
     * @return x̂ {@code [T][nx]}
     */
    public double[][] analyseAll(Observations observations) {
        int times = observations.times();
        int n = observations.nx();
        double[][] values = new double[times + 2 * halfWidth][n];
        boolean[][] mask = new boolean[times + 2 * halfWidth][n];
        double[][] v = observations.values();
        boolean[][] m = observations.mask();
        for (int t = 0; t < times; t++) {
            values[halfWidth + t] = v[t];
            mask[halfWidth + t] = m[t];
        }
        return analyse(new Observations(values, mask, observations.sigma()));
    }

    /** The underlying DJL model (for saving with {@code Model.save}). */
    public Model djlModel() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
