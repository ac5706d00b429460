package org.climagrad.basics;

/** How the input x reaches the network in the spectral-bias experiments. */
public enum InputEncoding {
    /** x itself, tanh layers. */
    PLAIN,
    /** Random Fourier features γ(x) with B ~ N(0, κ²) ({@link FourierFeatures}), then tanh layers. */
    FOURIER_FEATURES,
    /** x into a first layer sin(κ(Wx + b)) ({@link FirstLayer#SINE}). */
    SINE_FIRST_LAYER
}
