package org.climagrad.core;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * The one place in climagrad that chooses a DJL {@link Device}.
 *
 * <p>Order of precedence: the system property {@value #PROPERTY}, then the environment variable
 * {@value #ENV}, then the GPU when DJL sees one, else the CPU. Accepted values: {@code cpu},
 * {@code gpu} (first GPU) or {@code gpu:N}.
 */
public final class Devices {
    /** System property that overrides the device choice. */
    public static final String PROPERTY = "climagrad.device";
    /** Environment variable that overrides the device choice. */
    public static final String ENV = "CLIMAGRAD_DEVICE";

    private Devices() {}

    /** The device every toolkit tensor is created on. */
    public static Device preferred() {
        String choice = System.getProperty(PROPERTY);
        if (choice == null || choice.isBlank()) {
            choice = System.getenv(ENV);
        }
        if (choice != null && !choice.isBlank()) {
            return parse(choice.trim());
        }
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /**
     * Parses a device name.
     *
     * @param name {@code cpu}, {@code gpu} or {@code gpu:N} with N ≥ 0
     * @return the device
     * @throws IllegalArgumentException naming the setting and the allowed values
     */
    public static Device parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (n.equals("gpu")) {
            return Device.gpu();
        }
        if (n.startsWith("gpu:")) {
            try {
                int id = Integer.parseInt(n.substring(4));
                if (id >= 0) {
                    return Device.gpu(id);
                }
            } catch (NumberFormatException ignored) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException(
                PROPERTY + "/" + ENV + " = '" + name + "': allowed values are cpu, gpu or gpu:N (N >= 0)");
    }
}
