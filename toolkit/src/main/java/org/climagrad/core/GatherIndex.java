package org.climagrad.core;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Precomputed gather indices along the last axis of a {@code [batch, n]} array, e.g. the periodic
 * shifts of Lorenz-96. One {@code gather} with such an index replaces several slices and concats.
 *
 * <p>The expanded index arrays ({@code [batch, m]}, int64) are integer constants kept open for the
 * life of the JVM in a private manager, so an autograd graph that saved them can never see them
 * freed. At most {@value #CAPACITY} are cached; beyond that an index is built on the caller's
 * manager.
 *
 * <p>Why a static cache (hidden global state, kept on purpose after issue 19): building the index
 * on the input's manager at every {@link #apply} was tried. The CODA step benchmark could not tell
 * the two apart (cached 506-556 ms/step, per call 477-794 ms/step, one thread on two shared cores:
 * the network dominates), but the pure Lorenz-96 loop of {@code NativeMemoryTest} (2,000 rollouts
 * of 20 RK4 steps with backward) took 23.8 s per call against 21.0 s cached (single runs), about
 * 13 % slower, with the same resident-set growth. The cache holds only integer constants, keyed by
 * index, batch size and device, at most {@value #CAPACITY} of them.
 */
public final class GatherIndex {
    private static final int CAPACITY = 512;
    private static final NDManager KEEP = NDManager.newBaseManager(Devices.preferred());
    private static final Map<Key, NDArray> CACHE = new ConcurrentHashMap<>();

    private final long[] index;
    private final int hash;

    /**
     * @param index source columns, each in [0, n)
     */
    public GatherIndex(long[] index) {
        this.index = index.clone();
        this.hash = Arrays.hashCode(this.index);
    }

    /** Number of gathered columns. */
    public int size() {
        return index.length;
    }

    /**
     * {@code out[b, i] = x[b, index[i]]}.
     *
     * @param x {@code [batch, n]}
     * @return {@code [batch, size()]}
     */
    public NDArray apply(NDArray x) {
        long batch = x.getShape().get(0);
        return x.gather(expanded(x.getManager(), batch, x.getDevice()), 1);
    }

    private NDArray expanded(NDManager callerManager, long batch, Device device) {
        Key key = new Key(this, batch, device);
        NDArray cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        NDManager owner = CACHE.size() < CAPACITY ? KEEP : callerManager;
        NDArray idx;
        synchronized (GatherIndex.class) {
            idx = owner.create(index, new Shape(1, index.length)).repeat(0, batch).toDevice(device, false);
            idx.attach(owner);
        }
        if (owner == KEEP) {
            CACHE.putIfAbsent(key, idx);
        }
        return idx;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatherIndex g && hash == g.hash && Arrays.equals(index, g.index);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    private record Key(GatherIndex index, long batch, Device device) {}
}
