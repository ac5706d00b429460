package org.climagrad.da;

import org.climagrad.obs.Twin;

/**
 * A data-assimilation method: a small immutable strategy with one operation (DAPPER's
 * {@code da_method.assimilate}). The method reads the experiment's configuration from the twin
 * (rollout, parameters θ, obsEvery, σ) and its observations; the truth is used only to score the
 * returned {@link DaResult}.
 */
public interface DaMethod {
    /**
     * Assimilates the twin's observations at its T observation times, t = 0 first (the prior at
     * t = 0 is the method's own: climatology or an initial ensemble).
     *
     * @throws IllegalArgumentException before any work if the twin does not fit the method's
     *     configuration (state size, σ = 0)
     */
    DaResult assimilate(Twin twin);
}
