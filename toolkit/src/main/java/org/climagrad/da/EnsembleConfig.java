package org.climagrad.da;

import java.util.Random;
import org.climagrad.core.Check;
import org.climagrad.obs.Climatology;

/**
 * The validated settings shared by {@link Enkf} and {@link Enks}. Immutable.
 *
 * @param update analysis flavour
 * @param ensembleSize N ≥ 2
 * @param inflation multiplicative inflation λ ≥ 1 of the analysis anomalies
 * @param localization taper, or null for none
 * @param seed seed of the initial draw and of the observation perturbations
 * @param climatology pool of the initial ensemble, or null when {@code initialEnsemble} is given
 * @param initialEnsemble the prior ensemble at t = 0 {@code [N][nx]}, or null to draw it
 */
record EnsembleConfig(EnkfUpdate update, int ensembleSize, double inflation, Localization localization, long seed,
        Climatology climatology, double[][] initialEnsemble) {

    /** Validates every setting. */
    EnsembleConfig {
        if (update == null) {
            throw new IllegalArgumentException("update: required, call setUpdate (PertObs, Sqrt or DEnKF)");
        }
        if (initialEnsemble != null) {
            if (ensembleSize <= 0) {
                ensembleSize = initialEnsemble.length;
            }
            if (initialEnsemble.length != ensembleSize) {
                throw new IllegalArgumentException("initialEnsemble has " + initialEnsemble.length
                        + " members: must equal ensembleSize = " + ensembleSize);
            }
        }
        Check.atLeast("ensembleSize", ensembleSize, 2);
        Check.finite("inflation", inflation);
        if (!(inflation >= 1)) {
            throw new IllegalArgumentException("inflation = " + inflation + ": must be finite and >= 1");
        }
        if (initialEnsemble != null) {
            Check.columns("initialEnsemble", initialEnsemble, initialEnsemble[0].length);
            Check.allFinite("initialEnsemble", initialEnsemble);
            initialEnsemble = Ensembles.copy(initialEnsemble);
        } else if (climatology == null) {
            throw new IllegalArgumentException("climatology: required (call setClimatology) unless optInitialEnsemble is given");
        } else if (climatology.sampleCount() < ensembleSize) {
            throw new IllegalArgumentException("ensembleSize = " + ensembleSize + ": must be <= the "
                    + climatology.sampleCount() + " climatology samples it is drawn from");
        }
    }

    /** State size of the prior. */
    int nx() {
        return initialEnsemble != null ? initialEnsemble[0].length : climatology.mean().length;
    }

    /** The prior ensemble {@code [N][nx]}: the given one, or N distinct climatology samples. */
    double[][] prior(Random rng) {
        return initialEnsemble != null ? Ensembles.copy(initialEnsemble)
                : Ensembles.draw(climatology.samples(), ensembleSize, rng);
    }

    /** A description such as {@code Sqrt, N=40, infl=1.01, GC c=4}. */
    String describe() {
        String loc = localization instanceof Localization.GaspariCohn g ? ", GC c=" + g.halfWidth() : "";
        return update.getClass().getSimpleName() + ", N=" + ensembleSize + ", infl=" + inflation + loc;
    }
}
