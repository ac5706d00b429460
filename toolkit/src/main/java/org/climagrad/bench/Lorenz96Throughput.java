package org.climagrad.bench;

import java.util.Random;
import org.climagrad.core.Devices;
import org.climagrad.dynamics.Lorenz96;
import org.climagrad.dynamics.Rollout;

/**
 * Lorenz-96 ensemble forecast throughput (member-steps per second, RK4, dt = 0.01) through the
 * differentiable tensor path ({@link Rollout#advance}, which the ensemble filters use), with a plain-Java RK4 loop on double arrays measured in the same
 * process as the baseline.
 */
public final class Lorenz96Throughput {
    private Lorenz96Throughput() {}

    /** One measurement. */
    public record Result(int members, int nx, double tensorMemberStepsPerSecond, double plainMemberStepsPerSecond) {
        /** Tensor-path throughput relative to the plain-Java loop. */
        public double ratio() {
            return tensorMemberStepsPerSecond / plainMemberStepsPerSecond;
        }
    }

    /**
     * Measures both paths.
     *
     * @param members ensemble size N
     * @param nx state size K
     * @param steps steps per timed repetition
     */
    public static Result measure(int members, int nx, int steps) {
        Rollout rollout = Rollout.builder().setDynamics(Lorenz96.builder().optSize(nx).build()).setDt(0.01).build();
        double[] x0 = new double[members * nx];
        Random rng = new Random(1);
        for (int i = 0; i < x0.length; i++) {
            x0[i] = 8 * rng.nextDouble();
        }
        double[][] ens = new double[members][nx];
        for (int m = 0; m < members; m++) {
            System.arraycopy(x0, m * nx, ens[m], 0, nx);
        }
        double[] f = {8};
        rollout.advance(ens, f, steps / 4);
        long t0 = System.nanoTime();
        rollout.advance(ens, f, steps);
        double tensor = (double) members * steps / ((System.nanoTime() - t0) / 1e9);
        plain(x0, members, nx, steps / 4);
        double plain = (double) members * steps / plain(x0, members, nx, steps);
        return new Result(members, nx, tensor, plain);
    }

    /** The same RK4 step written as plain loops; returns seconds. */
    static double plain(double[] x0, int members, int nx, int steps) {
        long t0 = System.nanoTime();
        double dt = 0.01;
        double[] x = x0.clone();
        double[] k1 = new double[nx];
        double[] k2 = new double[nx];
        double[] k3 = new double[nx];
        double[] k4 = new double[nx];
        double[] tmp = new double[nx];
        for (int s = 0; s < steps; s++) {
            for (int b = 0; b < members; b++) {
                int o = b * nx;
                System.arraycopy(x, o, tmp, 0, nx);
                tend(tmp, k1);
                for (int i = 0; i < nx; i++) {
                    tmp[i] = x[o + i] + 0.5 * dt * k1[i];
                }
                tend(tmp, k2);
                for (int i = 0; i < nx; i++) {
                    tmp[i] = x[o + i] + 0.5 * dt * k2[i];
                }
                tend(tmp, k3);
                for (int i = 0; i < nx; i++) {
                    tmp[i] = x[o + i] + dt * k3[i];
                }
                tend(tmp, k4);
                for (int i = 0; i < nx; i++) {
                    x[o + i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                }
            }
        }
        if (!Double.isFinite(x[0])) {
            throw new ArithmeticException("plain RK4 diverged");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void tend(double[] x, double[] dx) {
        int n = x.length;
        for (int k = 0; k < n; k++) {
            dx[k] = (x[(k + 1) % n] - x[(k - 2 + n) % n]) * x[(k - 1 + n) % n] - x[k] + 8;
        }
    }

    /** Prints the measurement for N = 40, K = 40. */
    public static void main(String[] args) {
        Result r = measure(40, 40, 4000);
        System.out.printf("L96 ensemble forecast, N=%d, K=%d, RK4, float64, device %s%n", r.members(), r.nx(),
                Devices.preferred());
        System.out.printf("  tensor path : %,.0f member-steps/s%n", r.tensorMemberStepsPerSecond());
        System.out.printf("  plain Java  : %,.0f member-steps/s (baseline, same process)%n", r.plainMemberStepsPerSecond());
        System.out.printf("  ratio tensor/plain: %.3f%n", r.ratio());
    }
}
