"""The CODA training step in PyTorch eager, for comparison with org.climagrad.bench.CodaStepBenchmark.

    /usr/bin/python3 binder/bench_coda_step_torch.py [STEPS] [BATCH] [ROLLOUT] [W] [CHANNELS]
    (defaults 20 16 25 25 32/64/128)

Needs Debian's python3-torch. The same step as the Java benchmark: the reference 1.5D U-Net of
org.climagrad.coda.CodaNet (4 input channels; per level a block conv3x3-BatchNorm-ReLU-conv3x3
with circular padding in time and space, 2x2 max-pooling over time and space between levels;
skips and bottleneck through a max over time; decoder blocks of 1-D convolutions after a
transposed convolution (kernel 2, stride 2) and the skip; a circular output convolution to one
channel) on 2*BATCH windows of 2W+1 times x 40 points, a rollout of ROLLOUT RK4 steps of Lorenz-96
(dt = 0.01, F = 8), the loss of CODA eq. 6 with alpha = 1, backward and Adam (lr 1e-3), float32 on
the CPU, random data. Prints "coda-step torch ms/step X".
"""

import os
import sys
import time

import torch
from torch import nn

K, KERNEL = 40, 3


def block(conv, c_in, c_mid, c_out, norm):
    return nn.Sequential(conv(c_in, c_mid, KERNEL, padding=1, padding_mode="circular"), norm(c_mid), nn.ReLU(),
                         conv(c_mid, c_out, KERNEL, padding=1, padding_mode="circular"))


class CodaNet(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.enc = nn.ModuleList()
        c_in = 4
        for c in channels:
            self.enc.append(block(nn.Conv2d, c_in, c, c, nn.BatchNorm2d))
            c_in = c
        top = len(channels) - 1
        self.dec = nn.ModuleList([block(nn.Conv1d, channels[top], channels[top], channels[max(top - 1, 0)],
                                        nn.BatchNorm1d)])
        self.up = nn.ModuleList()
        for level in range(top - 1, -1, -1):
            c = channels[level]
            self.up.append(nn.ConvTranspose1d(c, c, 2, stride=2))
            self.dec.append(block(nn.Conv1d, 2 * c, c, channels[max(level - 1, 0)], nn.BatchNorm1d))
        self.out = nn.Conv1d(channels[0], 1, KERNEL, padding=1, padding_mode="circular")

    def forward(self, x):
        skips = []
        for level, enc in enumerate(self.enc):
            if level > 0:
                x = nn.functional.max_pool2d(x, 2)
            x = enc(x)
            skips.append(x.amax(dim=2))
        y = self.dec[0](skips[-1])
        for i, up in enumerate(self.up):
            level = len(self.enc) - 2 - i
            y = torch.cat([up(y), skips[level]], dim=1)
            y = self.dec[i + 1](y)
        return self.out(y).squeeze(1)


def tendency(x, f):
    return (torch.roll(x, -1, 1) - torch.roll(x, 2, 1)) * torch.roll(x, 1, 1) - x + f


def rk4(x, f, dt):
    k1 = tendency(x, f)
    k2 = tendency(x + 0.5 * dt * k1, f)
    k3 = tendency(x + 0.5 * dt * k2, f)
    k4 = tendency(x + dt * k3, f)
    return x + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)


def step(net, opt, windows, y, m, batch, rollout, alpha=1.0):
    opt.zero_grad()
    out = net(windows)
    x, shifted = out[:batch], out[batch:]
    states = [x]
    for _ in range(rollout):
        x = rk4(x, 8.0, 0.01)
        states.append(x)
    traj = torch.stack(states, 1)
    data = (((y - traj) * m) ** 2).sum() / m.sum().clamp(min=1)
    model = ((shifted - traj[:, -1]) ** 2).mean()
    loss = data + alpha * model
    loss.backward()
    opt.step()


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    rollout = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    w = int(sys.argv[4]) if len(sys.argv) > 4 else 25
    channels = [int(c) for c in (sys.argv[5] if len(sys.argv) > 5 else "32/64/128").split("/")]
    torch.set_num_threads(len(os.sched_getaffinity(0)))  # as DJL's engine: one intra-op thread per CPU
    torch.manual_seed(1)
    net = CodaNet(channels)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    windows = torch.randn(2 * batch, 4, 2 * w + 1, K)
    y = 8 * torch.randn(batch, rollout + 1, K)
    m = (torch.rand(batch, rollout + 1, K) < 0.25).float()
    for _ in range(3):
        step(net, opt, windows, y, m, batch, rollout)
    t0 = time.perf_counter()
    for _ in range(steps):
        step(net, opt, windows, y, m, batch, rollout)
    ms = (time.perf_counter() - t0) * 1000 / steps
    print(f"CODA step in PyTorch {torch.__version__} eager, {torch.get_num_threads()} threads, w {w}, "
          f"channels {channels}, {sum(p.numel() for p in net.parameters())} parameters")
    print(f"coda-step torch ms/step {ms:.1f} ({1000 / ms:.2f} steps/s)")


if __name__ == "__main__":
    main()
