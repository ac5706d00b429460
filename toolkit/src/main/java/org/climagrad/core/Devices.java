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
 *
 * <p>It is also where the toolkit configures the engine, before PyTorch loads: unless the user set
 * it, {@value #THREADS} (PyTorch's intra-op threads) is the number of CPUs the JVM may use. DJL's
 * own default ran the CODA training step 1.35× slower than PyTorch eager on a 2-core machine;
 * with one thread per CPU it is within 1.1× ({@code bash binder/climagrad.sh bench coda-step}).
 * Toolkit code reaches the engine through {@link #engine()} or {@link #preferred()}, so the
 * setting is in place whenever the toolkit loads PyTorch first, and so is the numerical
 * self-check of the convolution kernels ({@link KernelCheck}).
 */
public final class Devices {
    /** System property that overrides the device choice. */
    public static final String PROPERTY = "climagrad.device";
    /** Environment variable that overrides the device choice. */
    public static final String ENV = "CLIMAGRAD_DEVICE";

    /** DJL's system property for PyTorch's intra-op thread count. */
    public static final String THREADS = "ai.djl.pytorch.num_threads";

    static {
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }

    private Devices() {}

    /**
     * The DJL engine, configured as described above, after the once-per-JVM numerical self-check of
     * its CPU convolution kernels ({@link KernelCheck#ensure()}: oneDNN is switched off on CPUs
     * where it computes wrong gradients).
     *
     * @throws IllegalStateException if float32 convolution is wrong on this CPU and cannot be fixed
     */
    public static Engine engine() {
        KernelCheck.ensure();
        return Engine.getInstance();
    }

    /** The device every toolkit tensor is created on. */
    public static Device preferred() {
        String choice = System.getProperty(PROPERTY);
        if (choice == null || choice.isBlank()) {
            choice = System.getenv(ENV);
        }
        if (choice != null && !choice.isBlank()) {
            Device d = parse(choice.trim());
            KernelCheck.ensure();
            return d;
        }
        return engine().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
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
