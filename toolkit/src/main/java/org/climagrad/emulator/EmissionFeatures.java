package org.climagrad.emulator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.climagrad.core.Tensors;
import org.climagrad.scenario.Agent;
import org.climagrad.scm.Scm;

/**
 * The emulator inputs of Womack et al. (2026): for each agent and year t, from the emission
 * anomaly d = E − E_1750 (zero before the scenario starts, i.e. a pre-industrial past):
 * the previous year's d_{t−1}, causal moving averages of d over the {@link #WINDOWS} years before
 * t, and the cumulative Σ_{s&lt;t} d_s. Each is divided by a fixed per-agent scale (the cumulative
 * by 100 × that), so features are O(1) for the CMIP7 pathways; the map is linear in the
 * emissions, hence differentiable for scenario design.
 */
public final class EmissionFeatures {
    /** Moving-average windows, years. */
    public static final int[] WINDOWS = {5, 30, 100};
    /** Features per agent: previous year, one per window, cumulative. */
    public static final int PER_AGENT = 2 + WINDOWS.length;
    /** Total features F = 6 agents × {@link #PER_AGENT}. */
    public static final int COUNT = Agent.values().length * PER_AGENT;
    /** Scales per agent ({@link Agent} order), in the agent's unit: roughly the 2020 magnitudes. */
    private static final double[] SCALE = {40, 5, 350, 12, 100, 7};
    private static final int CUMULATIVE_SCALE = 100;

    private EmissionFeatures() {}

    /** The per-agent scales (agent units per year) that make features O(1). */
    public static double[] scales() {
        return SCALE.clone();
    }

    /**
     * @param emissions {@code [batch, 6, years]} in agent units (float64)
     * @return features {@code [batch, years, F]}, agent-major (agent a's features at {@code a·PER_AGENT ..})
     */
    public static NDArray of(NDArray emissions) {
        Shape s = emissions.getShape();
        int batch = (int) s.get(0);
        int years = (int) s.get(2);
        NDArray pre = Tensors.create(emissions.getManager(), Scm.preindustrialEmissions(), new Shape(1, 6, 1),
                emissions.getDataType());
        NDArray scale = Tensors.create(emissions.getManager(), SCALE, new Shape(1, 6, 1), emissions.getDataType());
        NDArray d = emissions.sub(pre).div(scale);
        int pad = WINDOWS[WINDOWS.length - 1] + 1;
        // c[k] = Σ_{s < k − pad} d_s on a zero-padded axis: index pad + t holds the sum before year t.
        NDArray zeros = emissions.getManager().zeros(new Shape(batch, 6, pad + 1), emissions.getDataType());
        NDArray c = zeros.concat(d.cumSum(2), 2);
        NDArray now = c.get(":, :, " + (pad) + ":" + (pad + years));
        NDList f = new NDList();
        NDArray prev1 = c.get(":, :, " + (pad - 1) + ":" + (pad - 1 + years));
        f.add(now.sub(prev1));
        for (int w : WINDOWS) {
            NDArray back = c.get(":, :, " + (pad - w) + ":" + (pad - w + years));
            f.add(Tensors.mul(now.sub(back), 1.0 / w));
        }
        f.add(Tensors.mul(now, 1.0 / CUMULATIVE_SCALE));
        // [batch, 6, PER_AGENT, years] → [batch, years, 6 · PER_AGENT]
        return NDArrays.stack(f, 2).transpose(0, 3, 1, 2).reshape(batch, years, COUNT);
    }
}
