package org.climagrad.coda;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.climagrad.obs.Observations;

/**
 * A trained CODA data-assimilation network g_DA with its window half-width w: maps the
 * observations y_{t−w..t+w} to the state x̂_t (Zinchenko &amp; Greenberg 2024, Sec. 2).
 *
 * <p>Owns the network's native memory for the life of the JVM; {@link #close()} frees it earlier.
 */
public final class CodaModel implements AutoCloseable {
    private static final int CHUNK = 256;
    private final Model model;
    private final int halfWidth;

    CodaModel(Model model, int halfWidth) {
        this.model = model;
        this.halfWidth = halfWidth;
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
        CodaBatches batches = new CodaBatches(observations, halfWidth, 0);
        int n = batches.times() - 2 * halfWidth;
        double[][] out = new double[n][];
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            for (int start = 0; start < n; start += CHUNK) {
                int len = Math.min(CHUNK, n - start);
                int[] centres = new int[len];
                for (int i = 0; i < len; i++) {
                    centres[i] = halfWidth + start + i;
                }
                try (NDManager chunk = manager.newSubManager()) {
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

    /** The underlying DJL model (for saving with {@code Model.save}). */
    public Model djlModel() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
