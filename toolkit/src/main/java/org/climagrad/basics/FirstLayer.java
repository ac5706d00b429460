package org.climagrad.basics;

/** Activation of an {@link Mlp}'s first hidden layer. */
public enum FirstLayer {
    /** tanh(W x + b), Xavier-normal weights. */
    TANH,
    /**
     * sin(κ (W x + b)) with W, b ~ N(0, 1): a scaled first layer whose frequencies are set by κ
     * (Wang &amp; Lai 2024; the SIREN-like fix for spectral bias).
     */
    SINE
}
