package org.climagrad.coda;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An in-memory snapshot of a network's parameters (DJL's parameter format) together with the model
 * parameters θ at that moment: the checkpoint {@link CodaTrainer} keeps of the best epoch (early
 * stopping) and restores on divergence. Immutable; holds no native memory, so nothing to close.
 */
final class CodaCheckpoint {
    private final byte[] parameters;
    private final double[] theta;

    private CodaCheckpoint(byte[] parameters, double[] theta) {
        this.parameters = parameters;
        this.theta = theta.clone();
    }

    /**
     * Snapshots the parameters of an initialised block and θ (copied).
     *
     * @param block the network (or the network with its correction block)
     * @param theta the model parameters θ, length p
     */
    static CodaCheckpoint of(Block block, double[] theta) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CodaCheckpoint(bytes.toByteArray(), theta);
    }

    /** θ at the checkpoint, length p (a copy). */
    double[] theta() {
        return theta.clone();
    }

    /**
     * Loads the snapshot's parameters into {@code block}, which must have the architecture of the
     * block it was taken from; the new arrays live on {@code manager}.
     */
    void restore(Block block, NDManager manager) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("could not restore the checkpoint", e);
        }
    }

    /**
     * Copies the parameter values of {@code from} into the (initialised) arrays of {@code to}, in
     * place; both must have the same architecture. {@code from} is only read.
     *
     * @param what the name of the setting that supplied {@code from}, for the error message
     * @throws IllegalArgumentException when the architectures differ
     */
    static void copyWeights(Block from, Block to, String what) {
        var a = from.getParameters();
        var b = to.getParameters();
        boolean same = a.size() == b.size();
        for (int i = 0; same && i < a.size(); i++) {
            same = a.get(i).getValue().getArray().getShape().equals(b.get(i).getValue().getArray().getShape());
        }
        if (!same) {
            throw new IllegalArgumentException(what + ": the fitted network's architecture (" + a.size()
                    + " parameter arrays) does not match this trainer's network (" + b.size()
                    + "); build both with the same settings");
        }
        // In place: loading fresh arrays would detach them from the optimiser's gradients.
        for (int i = 0; i < a.size(); i++) {
            a.get(i).getValue().getArray().copyTo(b.get(i).getValue().getArray());
        }
    }
}
