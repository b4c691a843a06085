#!/usr/bin/python3
"""The PyTorch side of issue 16's convolution target (bench/cnn.sh): trains Rewire's small CNN
(examples/cnn-dense.yaml) dense for one epoch on Fashion-MNIST and prints one result line.

The model and recipe mirror the Rewire configuration: conv 5x5 1->16 (padding 2), ReLU, 2x2 max
pooling, conv 5x5 16->32 (padding 2), ReLU, 2x2 max pooling, flatten (1568), linear 1568->128, ReLU,
linear 128->10; SGD with momentum 0.9 (dampening 0), lr 0.05 with a cosine decay to 0 over the run,
weight decay 5e-4 on every parameter, batch 128 with the last partial batch dropped, pixels
standardized with the training set's global mean and std. Kaiming-normal weights (std
sqrt(2 / fan-in)), zero biases. The data stay uint8 and are converted per batch.

Timing: the whole process's work as Rewire's run.json counts it (reading the data, the epochs, the
evaluation on the test set) is `wall`; `train` is the epochs' training steps alone. With --epochs 2
the first epoch warms up and only the second is `train` (PyTorch needs no JIT warm-up; the option
is there to check that).

Result line: CNN_PEER_RESULT,threads,setting,examples per second of wall,wall seconds,train seconds,
test accuracy,peak RSS MiB
"""
import argparse
import math
import os
import resource
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_mlp import blas_core, load, standardization  # noqa: E402  (same data path and helpers)

LR = 0.05
MOMENTUM = 0.9
WEIGHT_DECAY = 5e-4
BATCH = 128
EVAL_BATCH = 1000


def model():
    """The CNN of examples/cnn-dense.yaml, Kaiming-normal weights and zero biases."""
    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 16, 5, padding=2), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(16, 32, 5, padding=2), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(),
        torch.nn.Linear(32 * 7 * 7, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 10))
    with torch.no_grad():
        for m in net:
            if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear)):
                torch.nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
                m.bias.zero_()
    return net


def images(pixels, mean, std):
    """(n, 784) uint8 -> (n, 1, 28, 28) standardized floats."""
    return ((pixels.float() / 255.0 - mean) / std).view(-1, 1, 28, 28)


def run(args):
    started = time.perf_counter()
    torch.manual_seed(args.seed)
    generator = torch.Generator().manual_seed(args.seed)
    x, y, tx, ty = load(args.data, args.quick)
    mean, std = standardization(x, "global")
    net = model()
    optimizer = torch.optim.SGD(net.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WEIGHT_DECAY)
    steps_per_epoch = len(y) // BATCH
    total = steps_per_epoch * args.epochs
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda t: (1 + math.cos(math.pi * min(t, total) / total)) / 2)
    loss_fn = torch.nn.CrossEntropyLoss()
    train_seconds = 0.0
    for epoch in range(args.epochs):
        order = torch.randperm(len(y), generator=generator)
        start = time.perf_counter()
        for b in range(steps_per_epoch):
            idx = order[b * BATCH:(b + 1) * BATCH]
            optimizer.zero_grad(set_to_none=True)
            loss_fn(net(images(x[idx], mean, std)), y[idx]).backward()
            optimizer.step()
            schedule.step()
        train_seconds = time.perf_counter() - start  # the last epoch's
    correct = 0
    with torch.no_grad():
        for s in range(0, len(ty), EVAL_BATCH):
            correct += int((net(images(tx[s:s + EVAL_BATCH], mean, std)).argmax(dim=1) == ty[s:s + EVAL_BATCH]).sum())
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    examples = steps_per_epoch * BATCH * args.epochs
    print("CNN_PEER_RESULT,%d,%s,%.1f,%.3f,%.3f,%.4f,%.0f" % (
        args.threads, args.setting, examples / wall, wall, train_seconds, correct / len(ty), peak), flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--setting", default=None, help="how the threads were set, for the result line")
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--quick", action="store_true", help="30 batches, 1000 test examples")
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = p.parse_args()
    if args.setting is None:
        args.setting = "torch %d; OMP %s; OpenBLAS %s" % (
            args.threads, os.environ.get("OMP_NUM_THREADS", "unset"), os.environ.get("OPENBLAS_NUM_THREADS", "unset"))
    torch.set_num_threads(args.threads)
    print("PEER_BLAS_CORE,torch," + blas_core() + ",mkldnn " + str(torch.backends.mkldnn.is_available()), flush=True)
    run(args)


if __name__ == "__main__":
    main()
