#!/usr/bin/python3
"""The PyTorch side of the peer benchmark (bench/peer/run.sh): trains one configuration of the
MLP 784-1000-1000-1000-10 on Fashion-MNIST and prints one result line in the columns of
rewire.bench.peer.PeerResult.

Two methods, both on ordinary dense torch.nn.Linear weights:
  dense  plain training;
  rigl   RigL (Evci et al., "Rigging the Lottery: Making All Tickets Winners", ICML 2020) the way
         PyTorch DST libraries implement it: a 0/1 mask per weight, inactive weights held at zero,
         gradients masked after backward; every deltaT steps until T_end, drop the smallest
         magnitudes and grow where the dense gradient is largest.
The recipe mirrors Rewire's examples/mlp-{dense,rigl}.yaml and the `rigl` recipe exactly: SGD with
momentum 0.9 (dampening 0), lr 0.05 with a cosine decay to 0 over the run, weight decay 5e-4 on
every parameter, batch 128 (the last partial batch dropped), pixels standardized with the
training set's global mean and std (Rewire's default) or, with --standardize none, only scaled to
x / 255 (what the PyTorch DST libraries sparse_learning and rigl-torch feed); Kaiming-normal weights with each row's actual fan-in (std
sqrt(2 / active inputs of the row)), zero biases; deltaT 100, drop fraction 0.3 cosine-decayed to 0
at T_end = 75% of the run, count floor(zeta * nnz), a pruned weight may be regrown (it keeps its
value and momentum), a newly grown weight starts at zero with zero momentum and zero gradient.
The per-layer nnz (ERK) are read from Rewire (`PeerRun --layers`), so both sides train the same
per-layer densities; the random positions are drawn here.

Pixels are kept as uint8 and converted per batch (as Rewire's data package does).

Timing matches PeerRun's: the first --warmup epochs are not timed; each timed epoch's topology
updates (RigL.update) are timed apart from its training steps. The result line holds the median
training seconds of the timed epochs and the run's topology updates per epoch at their mean time in
the timed epochs (rewire.bench.peer.PeerResult).
"""
import argparse
import ctypes
import gzip
import math
import os
import resource
import statistics
import sys
import time

import numpy as np
import torch

DELTA_T = 100
ZETA = 0.3
END_FRACTION = 0.75
LR = 0.05
MOMENTUM = 0.9
WEIGHT_DECAY = 5e-4
BATCH = 128
EVAL_BATCH = 1000
HIDDEN = [1000, 1000, 1000]
QUICK_BATCHES = 30


def read_idx(path):
    """The array of an IDX file (gzip), uint8."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(data_dir, quick):
    """(train pixels (n, 784) uint8, train labels, test pixels, test labels) as tensors."""
    def pair(prefix):
        x = read_idx(os.path.join(data_dir, prefix + "-images-idx3-ubyte.gz")).reshape(-1, 784)
        y = read_idx(os.path.join(data_dir, prefix + "-labels-idx1-ubyte.gz"))
        return torch.from_numpy(x.copy()), torch.from_numpy(y.astype(np.int64))
    x, y = pair("train")
    tx, ty = pair("t10k")
    if quick:
        x, y, tx, ty = x[:QUICK_BATCHES * BATCH], y[:QUICK_BATCHES * BATCH], tx[:1000], ty[:1000]
    return x, y, tx, ty


def standardization(x, mode):
    """(mean, std) that turn pixels scaled to [0, 1] into the network's input: the global mean and
    std of the training pixels for "global", from a histogram of the byte values (a float copy of
    the whole set would dominate the peak memory being measured); (0, 1) for "none"."""
    if mode == "none":
        return 0.0, 1.0
    counts = np.zeros(256, dtype=np.int64)
    rows = x.numpy()
    for s in range(0, len(rows), 1000):
        counts += np.bincount(rows[s:s + 1000].ravel(), minlength=256)
    values = np.arange(256) / 255.0
    n = counts.sum()
    mean = float((values * counts).sum() / n)
    std = float(np.sqrt((((values - mean) ** 2) * counts).sum() / n))
    return mean, std


def model(masks, generator):
    """The MLP; each weight Kaiming-normal with its rows' actual fan-in, then masked."""
    widths = [784] + HIDDEN + [10]
    layers = []
    for i in range(len(widths) - 1):
        linear = torch.nn.Linear(widths[i], widths[i + 1])
        with torch.no_grad():
            mask = masks[i] if masks is not None else torch.ones_like(linear.weight, dtype=torch.bool)
            fan_in = mask.sum(dim=1, keepdim=True).clamp(min=1).float()
            linear.weight.normal_(generator=generator).mul_(torch.sqrt(2.0 / fan_in)).mul_(mask)
            linear.bias.zero_()
        layers.append(linear)
        if i < len(widths) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def random_masks(layer_spec, generator):
    """Masks with exactly the given nnz per layer at uniformly random positions."""
    masks = []
    for entry in layer_spec.split(";"):
        _, rows, cols, nnz = entry.split(":")
        rows, cols, nnz = int(rows), int(cols), int(nnz)
        flat = torch.zeros(rows * cols, dtype=torch.bool)
        flat[torch.randperm(rows * cols, generator=generator)[:nnz]] = True
        masks.append(flat.view(rows, cols))
    return masks


class RigL:
    """Masked RigL over the weights of a model's Linear layers."""

    def __init__(self, weights, masks, optimizer, total_steps):
        self.weights = weights
        self.masks = masks
        self.optimizer = optimizer
        self.end = max(1, round(END_FRACTION * total_steps))

    def is_update(self, step):
        return step > 0 and step % DELTA_T == 0 and step < self.end

    def drop_fraction(self, step):
        return ZETA * (1 + math.cos(math.pi * step / self.end)) / 2

    @torch.no_grad()
    def mask_gradients(self):
        for w, m in zip(self.weights, self.masks):
            w.grad.mul_(m)

    @torch.no_grad()
    def update(self, step):
        """Drop by magnitude, grow by dense gradient; gradients of grown weights are zeroed."""
        zeta = self.drop_fraction(step)
        for i, (w, old) in enumerate(zip(self.weights, self.masks)):
            nnz = int(old.sum())
            drop = math.floor(zeta * nnz + 1e-9)
            if drop == 0:
                w.grad.mul_(old)
                continue
            magnitude = torch.where(old, w.abs(), torch.full_like(w, -1.0)).flatten()
            kept = torch.zeros(old.numel(), dtype=torch.bool)
            kept[torch.topk(magnitude, nnz - drop, sorted=False).indices] = True
            score = torch.where(kept, torch.full_like(w, -1.0).flatten(), w.grad.abs().flatten())
            grown = torch.zeros_like(kept)
            grown[torch.topk(score, drop, sorted=False).indices] = True
            new = (kept | grown).view_as(old)
            w.mul_(new)
            w.grad.mul_(new & old)
            state = self.optimizer.state.get(w)
            if state and state.get("momentum_buffer") is not None:
                state["momentum_buffer"].mul_(new)
            self.masks[i] = new


def step_flops(layers, batch, dense_weight_gradient):
    """RigL's accounting (rewire.sparsity.FlopCounter): (rows, cols, nnz, input_gradient) per layer."""
    total = 0
    for rows, cols, nnz, input_gradient in layers:
        weight_gradient = rows * cols if dense_weight_gradient else nnz
        total += 2 * (nnz + (nnz if input_gradient else 0) + weight_gradient)
    return total * batch


def flop_layers(weights, masks):
    return [(w.shape[0], w.shape[1], int(m.sum()) if m is not None else w.numel(), i > 0)
            for i, (w, m) in enumerate(zip(weights, masks))]


def evaluate(net, tx, ty, mean, std):
    correct = 0
    with torch.no_grad():
        for s in range(0, len(ty), EVAL_BATCH):
            x = (tx[s:s + EVAL_BATCH].float() / 255.0 - mean) / std
            correct += int((net(x).argmax(dim=1) == ty[s:s + EVAL_BATCH]).sum())
    return correct / len(ty)


def steady_state(epochs, warmup):
    """(training seconds, rewiring seconds) per epoch from (seconds, rewiring seconds, updates) per
    epoch, as rewire.bench.peer.EpochClock.steadyState: the median training seconds of the epochs
    after the warm-up, and all updates of the run per epoch at the mean time of one update in those
    epochs (in all epochs when none of them rewired)."""
    timed = epochs[warmup:]
    training = statistics.median(seconds - rewiring for seconds, rewiring, _ in timed)
    all_updates = sum(updates for _, _, updates in epochs)
    if all_updates == 0:
        return training, 0.0
    sampled = timed if any(updates > 0 for _, _, updates in timed) else epochs
    per_update = sum(r for _, r, _ in sampled) / sum(u for _, _, u in sampled)
    return training, per_update * all_updates / len(epochs)


def train(args):
    torch.manual_seed(args.seed)
    generator = torch.Generator().manual_seed(args.seed)
    x, y, tx, ty = load(args.data, args.quick)
    mean, std = standardization(x, args.standardize)
    masks = random_masks(args.layers, generator) if args.method == "rigl" else None
    net = model(masks, generator)
    weights = [m.weight for m in net if isinstance(m, torch.nn.Linear)]
    optimizer = torch.optim.SGD(net.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WEIGHT_DECAY)
    steps_per_epoch = len(y) // BATCH
    epochs = args.warmup + args.timed
    total = steps_per_epoch * epochs
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: (1 + math.cos(math.pi * min(t, total) / total)) / 2)
    rigl = RigL(weights, masks, optimizer, total) if masks is not None else None
    loss_fn = torch.nn.CrossEntropyLoss()
    epoch_times, executed, nominal, step = [], 0, 0, 0
    dense_layers = flop_layers(weights, [None] * len(weights))
    for epoch in range(epochs):
        order = torch.randperm(len(y), generator=generator)
        rewiring, updates = 0.0, 0
        start = time.perf_counter()
        for b in range(steps_per_epoch):
            idx = order[b * BATCH:(b + 1) * BATCH]
            batch = (x[idx].float() / 255.0 - mean) / std
            optimizer.zero_grad(set_to_none=False)
            loss = loss_fn(net(batch), y[idx])
            loss.backward()
            update = rigl is not None and rigl.is_update(step)
            if rigl is not None:
                nominal += step_flops(flop_layers(weights, rigl.masks), BATCH, update)
                if update:
                    update_start = time.perf_counter()
                    rigl.update(step)
                    rewiring += time.perf_counter() - update_start
                    updates += 1
                else:
                    rigl.mask_gradients()
            optimizer.step()
            schedule.step()
            executed += step_flops(dense_layers, BATCH, False)
            step += 1
        epoch_times.append((time.perf_counter() - start, rewiring, updates))
    accuracy = evaluate(net, tx, ty, mean, std)
    print("epochs (seconds, rewiring seconds, updates) %s, test accuracy %.4f" % (epoch_times, accuracy),
          file=sys.stderr)
    epoch_seconds, rewire_seconds = steady_state(epoch_times, args.warmup)
    active = sum(int(m.sum()) for m in masks) if masks is not None else sum(w.numel() for w in weights)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    fields = ["torch", args.method, args.standardize, args.density if args.method == "rigl" else 1.0,
              active / sum(w.numel() for w in weights), args.threads, args.setting, epoch_seconds, rewire_seconds,
              steps_per_epoch * BATCH / (epoch_seconds + rewire_seconds), peak, executed,
              nominal if rigl is not None else executed, accuracy, args.warmup, epochs]
    print("PEER_RESULT," + ",".join(str(f) for f in fields), flush=True)


def blas_core():
    """The core type of the OpenBLAS that torch loaded (openblas_get_corename), or "none" when the
    process maps no OpenBLAS library (torch built on another BLAS)."""
    torch.ones(2, 2) @ torch.ones(2, 2)  # makes sure the BLAS is loaded
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps if "blas" in line and line.split()[-1].startswith("/")})
    for path in paths:
        library = ctypes.CDLL(path)  # already mapped: the same library, no second copy
        if hasattr(library, "openblas_get_corename"):
            library.openblas_get_corename.restype = ctypes.c_char_p
            return library.openblas_get_corename().decode()
    return "none"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--method", choices=["dense", "rigl"], required=True)
    p.add_argument("--density", type=float, default=1.0)
    p.add_argument("--layers", help="per-layer nnz from `PeerRun --layers` (required for rigl)")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--setting", default=None, help="how the threads were set, for the result line")
    p.add_argument("--standardize", choices=["global", "none"], default="global",
                   help="global: standardized pixels (Rewire's default); none: x / 255 (the PyTorch DST libraries')")
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--timed", type=int, default=3)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--quick", action="store_true", help="30 batches per epoch, 1000 test examples")
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = p.parse_args()
    if args.method == "rigl" and not args.layers:
        p.error("--method rigl needs --layers (the line `PeerRun --layers` prints, without its prefix)")
    if args.setting is None:
        args.setting = "%d (torch.set_num_threads; OMP %s; OpenBLAS %s)" % (
            args.threads, os.environ.get("OMP_NUM_THREADS", "unset"), os.environ.get("OPENBLAS_NUM_THREADS", "unset"))
    torch.set_num_threads(args.threads)
    print("PEER_BLAS_CORE,torch," + blas_core(), flush=True)
    train(args)


if __name__ == "__main__":
    main()
