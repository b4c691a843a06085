#!/usr/bin/python3
"""The PyTorch side of the inference benchmark (bench/predict.sh): the dense twin of Rewire's MLP
(784-1000-1000-1000-10) or small CNN (5x5 convolutions of 16 and 32 channels with same padding,
ReLU and 2x2 max pooling, then 1568-128-10) serving raw Fashion-MNIST test examples, timed as
rewire.bench.PredictBench times Rewire: one call is standardization with the training set's
global mean and std, the forward pass in evaluation mode without autograd, the softmax and the
arg-max; each batch size is called for --seconds to warm up, then for --seconds timed. The weights
are random (Kaiming-normal): a dense forward pass costs the same whatever they hold.

Prints one line per batch size: PREDICT,torch,label,1,threads,batch,median ms,p90 ms,examples/s,core
"""
import argparse
import os
import time

import torch

from torch_mlp import blas_core, read_idx, standardization


def mlp():
    widths = [784, 1000, 1000, 1000, 10]
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def cnn():
    return torch.nn.Sequential(
        torch.nn.Unflatten(1, (1, 28, 28)),
        torch.nn.Conv2d(1, 16, 5, padding=2), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(16, 32, 5, padding=2), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(1568, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))


def time_calls(call, seconds):
    """Milliseconds of every call of call(i), i = 0, 1, ..., over about `seconds` (at least 10
    calls), sorted, without autograd: rewire.bench.CallTimes's procedure (run it once to warm up)."""
    times = []
    end = time.perf_counter() + seconds
    with torch.no_grad():
        while time.perf_counter() < end or len(times) < 10:
            start = time.perf_counter()
            call(len(times))
            times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def predict_line(label, threads, batch, ms):
    """The PREDICT line of sorted milliseconds per unit (a call of `batch` examples, or one token)."""
    median = ms[len(ms) // 2]
    return "PREDICT,torch,%s,1,%d,%d,%.4f,%.4f,%.1f,%s" % (label, threads, batch, median, ms[int(0.9 * (len(ms) - 1))],
                                                           batch * 1000 / median, blas_core())


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--arch", choices=["mlp", "cnn"], required=True)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seconds", type=float, default=3)
    p.add_argument("--batches", default="1,256")
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    train = read_idx(os.path.join(args.data, "train-images-idx3-ubyte.gz")).reshape(-1, 784)
    test = torch.from_numpy(read_idx(os.path.join(args.data, "t10k-images-idx3-ubyte.gz")).reshape(-1, 784).copy())
    mean, std = standardization(torch.from_numpy(train.copy()), "global")
    net = (mlp() if args.arch == "mlp" else cnn()).eval()
    for batch in [int(b) for b in args.batches.split(",")]:
        requests = [test[(k * batch) % len(test):][:batch] for k in range(16)]
        requests = [r if len(r) == batch else test[:batch] for r in requests]

        def call(i):
            x = (requests[i % len(requests)].float() / 255.0 - mean) / std
            return torch.softmax(net(x), dim=1).argmax(dim=1)
        time_calls(call, args.seconds)  # warm-up
        print(predict_line(args.arch, args.threads, batch, time_calls(call, args.seconds)), flush=True)


if __name__ == "__main__":
    main()
