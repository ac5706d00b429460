package org.climagrad.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Locale;
import java.util.Random;
import org.climagrad.coda.CodaLoss;
import org.climagrad.coda.CodaNet;
import org.climagrad.core.Devices;
import org.climagrad.core.KernelCheck;
import org.climagrad.papers.CodaBaselines;

/**
 * Training steps per second of the CODA step (Zinchenko &amp; Greenberg 2024): network forward on
 * 2·batch observation windows (the windows at t and at t+R), a rollout of R = 25 RK4 steps of
 * Lorenz-96, the loss of eq. 6 (α = 1), backward, and an Adam update; batch 16, K = 40, w = 15,
 * channels 32/64/128, float32, random data. {@code binder/bench_coda_step_torch.py} times the
 * same step in PyTorch eager; {@code bash binder/climagrad.sh bench coda-step} runs both and
 * prints the ratio. Arguments: steps (default 20), batch (16), rollout steps (25).
 */
public final class CodaStepBenchmark {
    private CodaStepBenchmark() {}

    /** Entry point; prints {@code coda-step djl ms/step X}. */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rollout = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        int w = args.length > 3 ? Integer.parseInt(args[3]) : 25;
        int[] channels = args.length > 4 ? java.util.Arrays.stream(args[4].split("/")).mapToInt(Integer::parseInt)
                .toArray() : new int[] {32, 64, 128};
        int k = CodaBaselines.K;
        CodaNet net = CodaNet.builder().optChannels(channels).build();
        int c = net.inputs().channels();
        CodaLoss loss = CodaLoss.builder().setRollout(CodaBaselines.rollout()).setRolloutSteps(rollout).build();
        try (Model model = Model.newInstance("coda-step", Devices.preferred())) {
            model.setBlock(net);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l1Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
                    .optDevices(new ai.djl.Device[] {Devices.preferred()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(2L * batch, c, 2 * w + 1, k));
                Random rng = new Random(1);
                float[] in = new float[2 * batch * c * (2 * w + 1) * k];
                float[] y = new float[batch * (rollout + 1) * k];
                float[] m = new float[y.length];
                for (int i = 0; i < in.length; i++) {
                    in[i] = (float) rng.nextGaussian();
                }
                for (int i = 0; i < y.length; i++) {
                    y[i] = (float) (8 * rng.nextGaussian());
                    m[i] = rng.nextDouble() < 0.25 ? 1 : 0;
                }
                for (int i = 0; i < 3; i++) {
                    step(trainer, loss, in, y, m, batch, w, k, rollout, c, net.oneDnnAligned());
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    step(trainer, loss, in, y, m, batch, w, k, rollout, c, net.oneDnnAligned());
                }
                double ms = (System.nanoTime() - t0) / 1e6 / steps;
                System.out.printf(Locale.ROOT, "CODA step: batch %d, K %d, w %d, R %d, %s, float32, %s%n",
                        batch, k, w, rollout, net, Devices.preferred());
                System.out.printf(Locale.ROOT, "coda-step djl ms/step %.1f (%.2f steps/s)%n", ms, 1000 / ms);
            }
        }
    }

    private static void step(Trainer trainer, CodaLoss loss, float[] in, float[] y, float[] m, int batch, int w, int k,
            int rollout, int c, boolean aligned) {
        try (NDManager nd = trainer.getManager().newSubManager();
                KernelCheck.Scope fast = KernelCheck.alignedScope(aligned)) {
            NDArray windows = nd.create(in, new Shape(2L * batch, c, 2 * w + 1, k));
            NDArray theta = nd.create(new float[] {8f});
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray out = trainer.forward(new NDList(windows)).singletonOrThrow();
                CodaLoss.Terms t = loss.compute(out.get("0:" + batch), out.get(batch + ":"), theta,
                        nd.create(y, new Shape(batch, rollout + 1, k)), nd.create(m, new Shape(batch, rollout + 1, k)));
                gc.backward(t.total());
            }
            trainer.step();
        }
    }
}
