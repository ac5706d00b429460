package org.climagrad.core;

import java.util.Locale;

/**
 * Run size of every experiment: {@link #FAST} for CI and laptops, {@link #PAPER} for the sizes of
 * the reproduced papers (meant for a GPU).
 *
 * <p>The one switch: system property {@value #PROPERTY}, else environment variable {@value #ENV},
 * else {@code fast}. Notebooks never branch on it; toolkit entry points read {@link #current()}.
 */
public enum Profile {
    /** Short runs, small ensembles: every notebook well under two minutes on two cores. */
    FAST,
    /** The paper-sized runs. */
    PAPER;

    /** System property holding the profile name. */
    public static final String PROPERTY = "climagrad.profile";
    /** Environment variable holding the profile name. */
    public static final String ENV = "CLIMAGRAD_PROFILE";

    /** The profile selected by the system property or environment variable (default FAST). */
    public static Profile current() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(ENV);
        }
        return v == null || v.isBlank() ? FAST : parse(v.trim());
    }

    /**
     * Parses a profile name.
     *
     * @throws IllegalArgumentException naming the setting and its allowed values
     */
    public static Profile parse(String name) {
        for (Profile p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                PROPERTY + "/" + ENV + " = '" + name + "': allowed values are "
                        + FAST.name().toLowerCase(Locale.ROOT) + " or " + PAPER.name().toLowerCase(Locale.ROOT));
    }

    /** Picks the value for this profile. */
    public <T> T pick(T fast, T paper) {
        return this == FAST ? fast : paper;
    }

    /** Picks the value for this profile. */
    public int pick(int fast, int paper) {
        return this == FAST ? fast : paper;
    }
}
