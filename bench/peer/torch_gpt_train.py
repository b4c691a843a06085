#!/usr/bin/python3
"""The PyTorch reference for Rewire's dense character-level GPT (bench/results-gpt-baseline.sh): the
model and recipe of nanoGPT's CPU configuration (README "baby GPT" on a CPU: config/train_shakespeare_char.py
with --block_size=64 --batch_size=12 --n_layer=4 --n_head=4 --n_embd=128 --max_iters=2000
--lr_decay_iters=2000 --dropout=0.0 --eval_iters=20), trained here and scored three ways, so that
Rewire's validation loss is compared with the reference on the same evaluation.

Shapes and recipe come from a Rewire GPT configuration (--config, e.g. examples/gpt-shakespeare.yaml),
which holds nanoGPT's values: model.layers, heads, width, blockSize; data.text (the first 90% of its
characters train, the rest validate; the vocabulary is the text's distinct characters), batchSize,
stepsPerEpoch x train.epochs iterations; optim lr, minLr, warmupSteps (linear warm-up then cosine to
minLr), beta2, weightDecay (AdamW, on weights of two or more dimensions only), clip. The model is
nanoGPT's with bias=False, as bench/peer/torch_gpt_decode.py defines it (token and position
embeddings, pre-norm blocks, causal attention with a qkv and an output projection, an MLP of width 4d
with the tanh GELU, a final layer norm, the head tied to the token embedding); weights N(0, 0.02),
the output projections of attention and MLP N(0, 0.02/sqrt(2 layers)), as nanoGPT initializes them.

After the last iteration the model is scored on the validation split:
- "estimate20": nanoGPT's estimate_loss, the mean loss of 20 batches of random blocks (eval_iters=20)
- "estimate200": the same with 200 batches
- "whole": every consecutive block of blockSize + 1 characters once (each character after the first a
  target once), the loss averaged over all targets: what Rewire's data.evalBlocks=all computes.
Prints one JSON object (the three losses, iterations, seconds of training) on stdout.
"""
import argparse
import json
import math
import time

import torch
import torch.nn.functional as F
import yaml

import torch_gpt_decode


class Gpt(torch_gpt_decode.Gpt):
    """The decoding benchmark's model (its parameters and their names), initialized as nanoGPT does and
    run over whole sequences for training."""

    def __init__(self, vocab, layers, heads, width, block):
        super().__init__(vocab, layers, heads, width, block)
        for name, p in self.named_parameters():
            if p.dim() >= 2:  # the output projections of attention and MLP: N(0, 0.02/sqrt(2 layers))
                residual = name.endswith(("proj.weight", "mlp.2.weight"))
                torch.nn.init.normal_(p, std=0.02 / math.sqrt(2 * layers) if residual else 0.02)

    def logits(self, tokens):
        """tokens (B, T) -> logits (B, T, V): every position, causal, through a fresh cache per call."""
        x = self.wte(tokens) + self.wpe(torch.arange(tokens.shape[1]))
        for block, (keys, values) in zip(self.blocks, self.cache(tokens.shape[0])):
            x = block(x, 0, keys, values)
        return self.lnf(x) @ self.wte.weight.t()


def loss_of(net, inputs, targets):
    logits = net.logits(inputs)
    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))


def random_batch(data, batch, block, generator):
    """nanoGPT's get_batch: `batch` blocks at offsets uniform in [0, len - block)."""
    starts = torch.randint(len(data) - block, (batch,), generator=generator)
    return (torch.stack([data[s:s + block] for s in starts]), torch.stack([data[s + 1:s + 1 + block] for s in starts]))


@torch.no_grad()
def estimate(net, data, batches, batch, block, generator):
    return sum(loss_of(net, *random_batch(data, batch, block, generator)).item() for _ in range(batches)) / batches


@torch.no_grad()
def whole(net, data, batch, block):
    """Mean loss over every target of the consecutive blocks data[k·T : (k+1)·T + 1]."""
    count = (len(data) - 1) // block
    total = 0.0
    for first in range(0, count, batch):
        ks = range(first, min(first + batch, count))
        inputs = torch.stack([data[k * block:(k + 1) * block] for k in ks])
        targets = torch.stack([data[k * block + 1:(k + 1) * block + 1] for k in ks])
        total += loss_of(net, inputs, targets).item() * targets.numel()
    return total / (count * block)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="a Rewire GPT configuration (YAML)")
    parser.add_argument("--seed", type=int, default=1337, help="torch's seed (nanoGPT's default 1337)")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    with open(args.config) as f:
        config = yaml.safe_load(f)
    model, data, optim = config["model"], config["data"], config["optim"]
    text_path = data["text"] if data["text"].startswith("/") else args.config.rsplit("/", 1)[0] + "/" + data["text"]
    with open(text_path, encoding="utf-8") as f:
        text = f.read()
    chars = sorted(set(text))
    encoded = torch.tensor([chars.index(c) for c in text], dtype=torch.long)
    cut = int(len(encoded) * 0.9)
    train, val = encoded[:cut], encoded[cut:]
    block, batch = model["blockSize"], data["batchSize"]
    iterations = data["stepsPerEpoch"] * config["train"]["epochs"]

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    net = Gpt(len(chars), model["layers"], model["heads"], model["width"], block)
    decay = [p for p in net.parameters() if p.dim() >= 2]
    no_decay = [p for p in net.parameters() if p.dim() < 2]
    adam = torch.optim.AdamW([{"params": decay, "weight_decay": optim["weightDecay"]},
                              {"params": no_decay, "weight_decay": 0.0}],
                             lr=optim["lr"], betas=(0.9, optim["beta2"]))
    warmup, lr, min_lr = optim["warmupSteps"], optim["lr"], optim["minLr"]
    generator = torch.Generator().manual_seed(args.seed)
    start = time.perf_counter()
    for it in range(iterations):
        # nanoGPT's get_lr: linear warm-up, then cosine from lr to min_lr at the last iteration
        if it < warmup:
            rate = lr * (it + 1) / (warmup + 1)
        else:
            rate = min_lr + 0.5 * (1 + math.cos(math.pi * (it - warmup) / (iterations - warmup))) * (lr - min_lr)
        for group in adam.param_groups:
            group["lr"] = rate
        loss = loss_of(net, *random_batch(train, batch, block, generator))
        adam.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), optim["clip"])
        adam.step()
    seconds = time.perf_counter() - start
    net.eval()
    scores = {"estimate20": estimate(net, val, 20, batch, block, torch.Generator().manual_seed(args.seed + 1)),
              "estimate200": estimate(net, val, 200, batch, block, torch.Generator().manual_seed(args.seed + 2)),
              "whole": whole(net, val, batch, block)}
    print(json.dumps({"side": "torch", "seed": args.seed, "iterations": iterations, "trainSeconds": seconds, **scores}))


if __name__ == "__main__":
    main()
