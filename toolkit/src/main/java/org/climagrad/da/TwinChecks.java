package org.climagrad.da;

import org.climagrad.obs.Twin;

/** Checks of a twin against a method's configuration, thrown before any work starts. */
final class TwinChecks {
    private TwinChecks() {}

    /** Requires the twin's state size to equal {@code nx} and σ &gt; 0. */
    static void require(Twin twin, int nx, String source) {
        if (twin.nx() != nx) {
            throw new IllegalArgumentException("twin nx = " + twin.nx() + ": must equal the " + source + "'s nx = " + nx);
        }
        double sigma = twin.observations().sigma();
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("observation sigma = " + sigma
                    + ": must be > 0 for assimilation (R = sigma^2 I must be invertible)");
        }
    }
}
