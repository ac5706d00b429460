/**
 * Neural-network basics for scientists (Lai, "Neural networks basics", Glamacles summer school
 * 2024): universal approximation by sigmoid bumps, gradient descent on a linear-regression cost,
 * backpropagation written out by hand and checked against DJL autograd and finite differences.
 * Figures: {@link org.climagrad.papers.Lai2024}.
 */
package org.climagrad.basics;
