package org.climagrad.core;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A numerical self-check of the PyTorch CPU convolution kernels, run once per JVM the first time
 * the toolkit touches the engine ({@link Devices#engine()}, {@link Devices#preferred()}, or a
 * toolkit network's initialization).
 *
 * <p>Why: PyTorch's CPU natives (2.5.1 and 2.7.1, oneDNN 3.5.3 and 3.7.1) compute the
 * <em>data gradient</em> of a float32 convolution wrongly on some CPUs, without any error: on an
 * AMD EPYC (CPU family 26, AVX-512) virtual machine, oneDNN's JIT direct convolution,
 * backward-data pass, returns garbage (sometimes NaN) whenever the layer's output-channel count is
 * not a multiple of the vector block (16 floats with AVX-512, 8 with AVX2). The forward pass and
 * the weight gradient are right; float64 never reaches oneDNN and is right. CODA's network then
 * trains on wrong gradients and turns to NaN. See the README, "Known CPU faults".
 *
 * <p>What: for a few small 1-D and 2-D convolutions whose output channels are 1, 8, 15 and 16,
 * the float32 forward value, data gradient and weight gradient are compared with a
 * double-precision reference summed in Java (PyTorch's float64 path is not used: where NNPACK
 * cannot start, it warns on every call). If any relative error exceeds {@value #TOLERANCE} or is not
 * finite, oneDNN is switched off in this process (PyTorch's {@code torch.backends.mkldnn.enabled
 * = False}, and NNPACK with it, through the library's exported {@code at::Context} setters) so
 * that PyTorch's own convolution is used, and the check runs again. If it still fails, the
 * toolkit stops with an {@link IllegalStateException} naming the CPU and the failing operation:
 * no silent NaN.
 *
 * <p>The system property {@value #PROPERTY} (or environment variable {@value #ENV}) chooses the
 * {@link Mode}: {@code auto} (default: check, switch oneDNN off only if needed) or {@code off}
 * (always switch oneDNN off, then check).
 */
public final class KernelCheck {
    /** System property that chooses the {@link Mode}. */
    public static final String PROPERTY = "climagrad.onednn";
    /** Environment variable that chooses the {@link Mode} when the property is not set. */
    public static final String ENV = "CLIMAGRAD_ONEDNN";
    /** Largest accepted relative error of a float32 result against float64 (float32 reaches ~1e-7). */
    public static final double TOLERANCE = 1e-4;

    /** Whether PyTorch may use oneDNN for convolutions. */
    public enum Mode {
        /** Check; switch oneDNN off only if its results are wrong on this CPU. */
        AUTO,
        /** Always switch oneDNN off, then check. */
        OFF;

        /** Parses {@code auto} or {@code off} (any case); throws naming the setting otherwise. */
        public static Mode parse(String name) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(name.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException(
                    PROPERTY + "/" + ENV + " = '" + name + "': allowed values are auto or off");
        }
    }

    /**
     * The outcome of the check.
     *
     * @param cpu the CPU, as the operating system names it
     * @param oneDnnEnabled whether PyTorch still uses oneDNN for convolutions
     * @param firstError the worst relative error of the first pass (with oneDNN, unless mode OFF),
     *     against the double-precision reference
     * @param firstFailure the first failing operation of the first pass, or null if none failed
     * @param finalError the worst relative error with the kernels now in use
     */
    public record Report(String cpu, boolean oneDnnEnabled, double firstError, String firstFailure,
            double finalError, boolean alignedOneDnn) {}

    /** Output-channel multiple for which oneDNN's convolutions are checked separately (the AVX-512 block). */
    public static final int ALIGNMENT = 16;

    private static final java.util.concurrent.locks.ReentrantLock SCOPE = new java.util.concurrent.locks.ReentrantLock();
    private static Pointer context;
    private static NativeLibrary torchLibrary;

    private static Report report;

    private KernelCheck() {}

    /** The mode chosen by {@value #PROPERTY} / {@value #ENV} (default {@link Mode#AUTO}). */
    public static Mode mode() {
        String s = System.getProperty(PROPERTY);
        if (s == null || s.isBlank()) {
            s = System.getenv(ENV);
        }
        return s == null || s.isBlank() ? Mode.AUTO : Mode.parse(s);
    }

    /**
     * Runs the check once per JVM (later calls return the first report).
     *
     * @throws IllegalStateException if float32 convolutions are wrong even without oneDNN, or
     *     oneDNN is wrong and cannot be switched off
     */
    public static synchronized Report ensure() {
        if (report != null) {
            return report;
        }
        Mode mode = mode();
        Engine engine = Engine.getInstance();
        String cpu = cpuName();
        if (!"PyTorch".equals(engine.getEngineName())) {
            report = new Report(cpu, false, 0, null, 0, false);
            return report;
        }
        boolean enabled = true;
        if (mode == Mode.OFF) {
            disableOneDnn(cpu, "requested by " + PROPERTY + " = off");
            enabled = false;
        }
        Result first = run();
        Result last = first;
        if (first.failure != null && enabled) {
            disableOneDnn(cpu, first.failure);
            enabled = false;
            last = run();
            System.err.printf(Locale.ROOT, "[climagrad] PyTorch's oneDNN convolution gives wrong results on this CPU"
                    + " (%s): %s. oneDNN is switched off for this process; PyTorch's own convolution passes"
                    + " the check (worst relative error %.1e). See the README, \"Known CPU faults\".%n",
                    cpu, first.failure, last.worst);
        }
        if (last.failure != null) {
            throw new IllegalStateException("float32 convolution is wrong on this CPU (" + cpu + ") even with oneDNN"
                    + (enabled ? " enabled" : " switched off") + ": " + last.failure
                    + ". The toolkit will not train on wrong gradients. Set " + PROPERTY + "=off or run on another CPU;"
                    + " see the README, \"Known CPU faults\".");
        }
        boolean aligned = false;
        if (!enabled && mode == Mode.AUTO) {
            setOneDnn(true);
            try {
                aligned = run(ALIGNED_CASES).failure == null;
            } finally {
                setOneDnn(false);
            }
        }
        report = new Report(cpu, enabled, first.worst, first.failure, last.worst, aligned);
        return report;
    }

    /**
     * A scope in which oneDNN is switched back on for networks whose every convolution has a
     * multiple of {@value #ALIGNMENT} output channels, on a CPU where the check found oneDNN wrong
     * only for other channel counts: there its backward-data kernel was checked right for aligned
     * layers ({@link Report#alignedOneDnn()}) and is about four times faster than PyTorch's own
     * convolution. Everywhere else (a healthy CPU, {@code off} mode, an unaligned network, aligned
     * layers also wrong) the scope changes nothing. Open it around the forward and backward pass
     * of such a network only; one thread holds it at a time, and convolutions of other code run
     * in other threads meanwhile would see oneDNN too.
     *
     * @param allConvolutionsAligned whether every convolution the scope covers has a multiple of
     *     {@value #ALIGNMENT} output channels
     */
    public static Scope alignedScope(boolean allConvolutionsAligned) {
        Report r = ensure();
        if (!allConvolutionsAligned || r.oneDnnEnabled() || !r.alignedOneDnn()) {
            return () -> { };
        }
        SCOPE.lock();
        setOneDnn(true);
        return () -> {
            try {
                setOneDnn(false);
            } finally {
                SCOPE.unlock();
            }
        };
    }

    /** An open {@link #alignedScope}; closing it restores the process-wide setting. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private record Result(double worst, String failure) {}

    /** One conv case: batch, in, out channels, time (1 = 1-D), space. */
    private record Case(int batch, int in, int out, int time, int space) {
        String label() {
            return (time == 1 ? "conv1d" : "conv2d") + " " + in + "->" + out + " channels, batch " + batch
                    + (time == 1 ? "" : ", time " + time) + ", space " + space;
        }
    }

    private static final List<Case> CASES = List.of(new Case(4, 8, 1, 1, 16), new Case(4, 8, 8, 1, 16),
            new Case(4, 16, 15, 1, 16), new Case(4, 2, 8, 5, 12), new Case(4, 8, 16, 5, 12));

    /** Layers with a multiple of {@value #ALIGNMENT} output channels, as {@code CodaNet} has them. */
    private static final List<Case> ALIGNED_CASES = List.of(new Case(4, 4, 16, 5, 12), new Case(4, 4, 32, 7, 12),
            new Case(4, 16, 16, 5, 12), new Case(4, 32, 32, 1, 16), new Case(4, 48, 16, 1, 16),
            new Case(4, 16, 64, 3, 10), new Case(4, 4, 16, 1, 16));

    private static Result run() {
        return run(CASES);
    }

    private static Result run(List<Case> cases) {
        double worst = 0;
        String failure = null;
        String[] names = {"forward value", "data gradient", "weight gradient"};
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            for (Case c : cases) {
                Random rng = new Random(7L * c.in + 131L * c.out + 1009L * c.time + c.space);
                float[] x = gaussian(rng, c.batch * c.in * c.time * c.space, 1);
                float[] w = gaussian(rng, c.out * c.in * (c.time == 1 ? 1 : 3) * 3, 0.3);
                float[] g = gaussian(rng, c.batch * c.out * c.time * (c.space - 2), 1);
                double[][] single = torch(m, c, x, w, g);
                double[][] exact = reference(c, x, w, g);
                for (int i = 0; i < names.length; i++) {
                    double e = relativeError(single[i], exact[i]);
                    worst = Double.isNaN(worst) || Double.isNaN(e) ? Double.NaN : Math.max(worst, e);
                    if (failure == null && !(e <= TOLERANCE)) {
                        failure = c.label() + ": float32 " + names[i] + " relative error "
                                + String.format(Locale.ROOT, "%.2g", e) + " against a double-precision reference";
                    }
                }
            }
        }
        return new Result(worst, failure);
    }

    /** Forward value, data gradient and weight gradient of one case, float32, by PyTorch. */
    private static double[][] torch(NDManager m, Case c, float[] xv, float[] wv, float[] gv) {
        boolean oneD = c.time == 1;
        Shape xs = oneD ? new Shape(c.batch, c.in, c.space) : new Shape(c.batch, c.in, c.time, c.space);
        Shape ws = oneD ? new Shape(c.out, c.in, 3) : new Shape(c.out, c.in, 3, 3);
        Shape ys = oneD ? new Shape(c.batch, c.out, c.space - 2) : new Shape(c.batch, c.out, c.time, c.space - 2);
        try (NDManager s = m.newSubManager()) {
            NDArray x = s.create(xv, xs);
            NDArray w = s.create(wv, ws);
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                y = oneD ? Conv1d.conv1d(x, w, null, new Shape(1), new Shape(0), new Shape(1), 1).singletonOrThrow()
                        : Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 0), new Shape(1, 1), 1)
                                .singletonOrThrow();
                gc.backward(y.mul(s.create(gv, ys)).sum());
            }
            return new double[][] {y.toType(DataType.FLOAT64, false).toDoubleArray(),
                x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray(),
                w.getGradient().toType(DataType.FLOAT64, false).toDoubleArray()};
        }
    }

    /**
     * The same three results in double precision by direct summation: y[b,o,t,s] = Σ w[o,i,a,d]
     * x[b,i,t+a−p,s+d] (kernel 3, zero padding p = 1 in time for 2-D, none in space), its data
     * gradient Σ g·w and weight gradient Σ g·x.
     */
    private static double[][] reference(Case c, float[] x, float[] w, float[] g) {
        int kt = c.time == 1 ? 1 : 3;
        int pt = kt / 2;
        int ko = c.space - 2;
        double[] y = new double[g.length];
        double[] dx = new double[x.length];
        double[] dw = new double[w.length];
        for (int n = 0; n < c.batch; n++) {
            for (int o = 0; o < c.out; o++) {
                for (int t = 0; t < c.time; t++) {
                    for (int s = 0; s < ko; s++) {
                        int yi = ((n * c.out + o) * c.time + t) * ko + s;
                        for (int i = 0; i < c.in; i++) {
                            for (int a = 0; a < kt; a++) {
                                int ti = t + a - pt;
                                if (ti < 0 || ti >= c.time) {
                                    continue;
                                }
                                for (int d = 0; d < 3; d++) {
                                    int xi = ((n * c.in + i) * c.time + ti) * c.space + s + d;
                                    int wi = ((o * c.in + i) * kt + a) * 3 + d;
                                    y[yi] += (double) w[wi] * x[xi];
                                    dx[xi] += (double) g[yi] * w[wi];
                                    dw[wi] += (double) g[yi] * x[xi];
                                }
                            }
                        }
                    }
                }
            }
        }
        return new double[][] {y, dx, dw};
    }

    private static float[] gaussian(Random rng, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (scale * rng.nextGaussian());
        }
        return v;
    }

    /** max |a − b| / max |b|; NaN if a holds a NaN or an infinity. */
    static double relativeError(double[] a, double[] b) {
        double err = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                return Double.NaN;
            }
            err = Math.max(err, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return scale == 0 ? err : err / scale;
    }

    /**
     * Switches oneDNN (and NNPACK, which fails to start on the same machines and then warns on
     * every call) off in the loaded PyTorch library, as {@code torch.backends.mkldnn.enabled =
     * False} does in Python, and verifies that the switch took effect.
     */
    private static void disableOneDnn(String cpu, String reason) {
        String why = "oneDNN must be switched off (" + reason + ") on this CPU (" + cpu + ")";
        Path lib = loadedLibrary("libtorch_cpu.");
        if (lib == null) {
            throw new IllegalStateException(why + ", but the loaded libtorch_cpu library was not found in"
                    + " /proc/self/maps; set " + PROPERTY + "=auto on a CPU where the check passes");
        }
        try {
            NativeLibrary torch = NativeLibrary.getInstance(lib.toString());
            Pointer ctx = (Pointer) torch.getFunction("_ZN2at13globalContextEv").invoke(Pointer.class,
                    new Object[0]);
            torch.getFunction("_ZN2at7Context20setUserEnabledMkldnnEb").invokeVoid(new Object[] {ctx, false});
            torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb").invokeVoid(new Object[] {ctx, false});
            int mkldnn = torch.getFunction("_ZNK2at7Context17userEnabledMkldnnEv").invokeInt(new Object[] {ctx});
            if ((mkldnn & 0xff) != 0) {
                throw new IllegalStateException(why + ", but at::Context::userEnabledMkldnn() still returns true");
            }
            torchLibrary = torch;
            context = ctx;
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException(why + ", but " + lib + " does not export at::Context's setters: "
                    + e.getMessage(), e);
        }
    }

    /** Switches oneDNN on or off again after {@link #disableOneDnn} found the library; verifies. */
    private static void setOneDnn(boolean on) {
        torchLibrary.getFunction("_ZN2at7Context20setUserEnabledMkldnnEb").invokeVoid(new Object[] {context, on});
        int now = torchLibrary.getFunction("_ZNK2at7Context17userEnabledMkldnnEv").invokeInt(new Object[] {context});
        if (((now & 0xff) != 0) != on) {
            throw new IllegalStateException("at::Context::setUserEnabledMkldnn(" + on + ") did not take effect");
        }
    }

    /** The path of a loaded native library whose file name starts with the prefix, or null. */
    private static Path loadedLibrary(String prefix) {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(maps)) {
                int slash = line.indexOf('/');
                if (slash >= 0) {
                    Path p = Path.of(line.substring(slash).trim());
                    if (p.getFileName() != null && p.getFileName().toString().startsWith(prefix)) {
                        return p;
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** "model name, CPU family N, AVX-512" from /proc/cpuinfo, else the JVM's architecture. */
    static String cpuName() {
        Path info = Path.of("/proc/cpuinfo");
        String model = null;
        String family = null;
        boolean avx512 = false;
        if (Files.isReadable(info)) {
            try {
                for (String line : Files.readAllLines(info)) {
                    int colon = line.indexOf(':');
                    if (colon < 0) {
                        continue;
                    }
                    String key = line.substring(0, colon).trim();
                    String value = line.substring(colon + 1).trim();
                    if (model == null && key.equals("model name")) {
                        model = value;
                    } else if (family == null && key.equals("cpu family")) {
                        family = value;
                    } else if (key.equals("flags")) {
                        avx512 |= (" " + value + " ").contains(" avx512f ");
                        break;
                    }
                }
            } catch (IOException e) {
                model = null;
            }
        }
        List<String> parts = new ArrayList<>();
        parts.add(model != null ? model : System.getProperty("os.arch"));
        if (family != null) {
            parts.add("CPU family " + family);
        }
        if (avx512) {
            parts.add("AVX-512");
        }
        return String.join(", ", parts);
    }
}
