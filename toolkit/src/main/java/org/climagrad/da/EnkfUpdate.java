package org.climagrad.da;

/**
 * The analysis flavour of an ensemble Kalman filter or smoother, a typed option (DAPPER's
 * {@code upd_a}, without strings). With N members, forecast anomalies A {@code [N][nx]},
 * observation anomalies Y = A Hᵀ {@code [N][p]}, innovation of the mean δ = y − H x̄ and
 * R = σ² I:
 *
 * <ul>
 *   <li>{@link PertObs}: Burgers et al. (1998) perturbed observations,
 *       x_n ← x_n + Aᵀ Y (Yᵀ Y + (N−1) R)⁻¹ (y − d_n − H x_n), d_n ~ N(0, R) centred over n.
 *   <li>{@link Sqrt}: the symmetric square-root filter (ETKF; Sakov &amp; Oke 2008, Hunt et al.
 *       2007): x̄ ← x̄ + wᵀA, A ← T A with T = √(N−1) (Y R⁻¹ Yᵀ + (N−1) I)^(−1/2) and
 *       w = (Y R⁻¹ Yᵀ + (N−1) I)⁻¹ Y R⁻¹ δ. With localisation it becomes the LETKF (a local
 *       analysis per variable, R⁻¹ tapered by ρ).
 *   <li>{@link DEnKF}: Sakov &amp; Oke (2008) deterministic EnKF, the mean updated with the Kalman
 *       gain K = Aᵀ Y (Yᵀ Y + (N−1) R)⁻¹, the anomalies with half of it: A_n ← A_n − ½ K Y_n.
 * </ul>
 * With a {@link Localization} ρ, PertObs and DEnKF taper the covariances (Houtekamer &amp;
 * Mitchell 2001): Aᵀ Y → ρ_xy ∘ Aᵀ Y and Yᵀ Y → ρ_yy ∘ Yᵀ Y.
 */
public sealed interface EnkfUpdate {

    /** Perturbed observations (stochastic EnKF). */
    record PertObs() implements EnkfUpdate {}

    /** Symmetric square root (ETKF); localised, the LETKF. */
    record Sqrt() implements EnkfUpdate {}

    /** Deterministic EnKF of Sakov &amp; Oke (2008). */
    record DEnKF() implements EnkfUpdate {}
}
