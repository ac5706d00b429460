"""The CODA training step in PyTorch eager, for comparison with org.climagrad.bench.CodaStepBenchmark.

    /usr/bin/python3 binder/bench_coda_step_torch.py [STEPS] [BATCH] [ROLLOUT]    (defaults 20 16 25)

Needs Debian's python3-torch. The same step as the Java benchmark: the 1.5D U-Net of
org.climagrad.coda.CodaNet (channels 32/64/128, kernel 3, circular padding in space, max-pool over
space, skips through a max over time, upsampling by a kernel-1 convolution to 2c channels
interleaved in space) on 2*BATCH windows of 31 times x 40 points, a rollout of ROLLOUT RK4 steps of
Lorenz-96 (dt = 0.01, F = 8), the loss of CODA eq. 6 with alpha = 1, backward and Adam (lr 1e-3),
float32 on the CPU, random data. Prints "coda-step torch ms/step X".
"""

import os
import sys
import time

import torch
from torch import nn

K, W, CHANNELS, KERNEL = 40, 15, (32, 64, 128), 3
PAD = KERNEL // 2


def cpad(x, p=PAD):
    return torch.cat([x[..., -p:], x, x[..., :p]], dim=-1)


class CodaNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.ModuleList()
        c_in = 2
        for c in CHANNELS:
            self.enc.append(nn.ModuleList([nn.Conv2d(c_in, c, KERNEL, padding=(PAD, 0)), nn.BatchNorm2d(c),
                                           nn.Conv2d(c, c, KERNEL, padding=(PAD, 0)), nn.BatchNorm2d(c)]))
            c_in = c
        self.up = nn.ModuleList()
        self.dec = nn.ModuleList()
        for level in range(len(CHANNELS) - 1):
            c = CHANNELS[level]
            # the decoder input of level l has channels of level l+1 (after its own decoder: c_{l+1})
            self.up.append(nn.Conv1d(CHANNELS[level + 1], 2 * c, 1))
            self.dec.append(nn.ModuleList([nn.Conv1d(2 * c, c, KERNEL), nn.BatchNorm1d(c),
                                           nn.Conv1d(c, c, KERNEL), nn.BatchNorm1d(c)]))
        self.out = nn.Conv1d(CHANNELS[0], 1, KERNEL)

    def forward(self, x):
        skips = []
        for level, (c1, b1, c2, b2) in enumerate(self.enc):
            if level > 0:
                x = nn.functional.max_pool2d(x, (1, 2))
            x = torch.relu(b1(c1(cpad(x))))
            x = torch.relu(b2(c2(cpad(x))))
            skips.append(x.amax(dim=2))
        y = skips[-1]
        for level in range(len(CHANNELS) - 2, -1, -1):
            z = self.up[level](y)
            b, c2, n = z.shape
            y = z.reshape(b, 2, c2 // 2, n).permute(0, 2, 3, 1).reshape(b, c2 // 2, 2 * n)
            y = torch.cat([y, skips[level]], dim=1)
            c1, b1, c2_, b2 = self.dec[level]
            y = torch.relu(b1(c1(cpad(y))))
            y = torch.relu(b2(c2_(cpad(y))))
        return self.out(cpad(y)).squeeze(1)


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
    torch.set_num_threads(len(os.sched_getaffinity(0)))  # as DJL's engine: one intra-op thread per CPU
    torch.manual_seed(1)
    net = CodaNet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    windows = torch.randn(2 * batch, 2, 2 * W + 1, K)
    y = 8 * torch.randn(batch, rollout + 1, K)
    m = (torch.rand(batch, rollout + 1, K) < 0.25).float()
    for _ in range(3):
        step(net, opt, windows, y, m, batch, rollout)
    t0 = time.perf_counter()
    for _ in range(steps):
        step(net, opt, windows, y, m, batch, rollout)
    ms = (time.perf_counter() - t0) * 1000 / steps
    print(f"CODA step in PyTorch {torch.__version__} eager, {torch.get_num_threads()} threads")
    print(f"coda-step torch ms/step {ms:.1f} ({1000 / ms:.2f} steps/s)")


if __name__ == "__main__":
    main()
