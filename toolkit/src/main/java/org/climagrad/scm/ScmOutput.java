package org.climagrad.scm;

import ai.djl.ndarray.NDArray;

/**
 * Trajectories of one {@link Scm#forward} run (tensors on the caller's manager, in the autograd
 * graph when the inputs are).
 *
 * @param temperature surface warming above 1750 {@code [batch, years]}, K
 * @param co2 CO2 concentration {@code [batch, years]}, ppm
 * @param ch4 CH4 concentration {@code [batch, years]}, ppb
 * @param n2o N2O concentration {@code [batch, years]}, ppb
 * @param forcing ERF by term {@code [batch, 6, years]}, W m⁻², in {@link ForcingTerm} order
 */
public record ScmOutput(NDArray temperature, NDArray co2, NDArray ch4, NDArray n2o, NDArray forcing) {}
