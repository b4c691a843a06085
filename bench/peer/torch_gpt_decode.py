#!/usr/bin/python3
"""The PyTorch side of the GPT's token generation in the inference benchmark (bench/predict.sh):
the dense twin of Rewire's character-level GPT, timed as rewire.bench.GptDecodeBench times Rewire.

The shapes come from a Rewire GPT configuration (--config, e.g. examples/gpt-shakespeare.yaml:
model.layers, heads, width, blockSize; the vocabulary is the distinct characters of its data.text).
The model is nanoGPT's: token and position embeddings, pre-norm blocks (layer norm without bias,
causal multi-head attention with a qkv projection and an output projection, an MLP of width 4d with
the tanh GELU, all linear layers without bias, as in Rewire), a final layer norm and an output head
tied to the token embedding; random weights (a dense forward pass costs the same whatever they
hold), evaluation mode, no autograd. Generation keeps each block's keys and values in a cache
allocated once for the block size: the prompt runs as one causal pass that fills it, then every
new token runs as one column and attends over the cached positions.

One call generates greedily (arg-max) up to the block size from the first --prompt characters of
the text at batch 1, or at batch B from B prompts (consecutive windows of the text) decoded
together; it is called for --seconds to warm up, then for --seconds timed
(torch_predict.time_calls). Prints PREDICT,torch,gpt,1,threads,batch,median ms,p90 ms,tokens/s,core
per batch size: each call's milliseconds over the positions it generated (block - prompt).
"""
import argparse
import math
import os

import torch
import torch.nn.functional as F
import yaml

from torch_predict import predict_line, time_calls


class LayerNorm(torch.nn.Module):
    """Layer norm with a gain and no bias (torch 1.13's nn.LayerNorm always has one)."""

    def __init__(self, width):
        super().__init__()
        self.gain = torch.nn.Parameter(torch.ones(width))

    def forward(self, x):
        return F.layer_norm(x, self.gain.shape, self.gain, None, 1e-5)


class Block(torch.nn.Module):
    """x + attn(ln1(x)), then + mlp(ln2(x)); attention over the cache `keys`, `values` (B, heads, T, dh)."""

    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = LayerNorm(width), LayerNorm(width)
        self.qkv = torch.nn.Linear(width, 3 * width, bias=False)
        self.proj = torch.nn.Linear(width, width, bias=False)
        self.mlp = torch.nn.Sequential(torch.nn.Linear(width, 4 * width, bias=False), torch.nn.GELU(approximate="tanh"),
                                       torch.nn.Linear(4 * width, width, bias=False))

    def forward(self, x, start, keys, values):
        """x (B, n, d): each sequence's tokens at positions [start, start + n); their keys and values join the cache."""
        batch, n, width = x.shape
        dh = width // self.heads
        q, k, v = self.qkv(self.ln1(x)).split(width, dim=2)
        end = start + n
        q = q.view(batch, n, self.heads, dh).transpose(1, 2)                          # (B, heads, n, dh)
        keys[:, :, start:end] = k.view(batch, n, self.heads, dh).transpose(1, 2)
        values[:, :, start:end] = v.view(batch, n, self.heads, dh).transpose(1, 2)
        scores = q @ keys[:, :, :end].transpose(2, 3) / math.sqrt(dh)                 # (B, heads, n, end)
        if n > 1:  # one new token may see every cached position
            causal = torch.ones(n, end, dtype=torch.bool).tril(diagonal=start)
            scores = scores.masked_fill(~causal, float("-inf"))
        attended = torch.softmax(scores, dim=-1) @ values[:, :, :end]                 # (B, heads, n, dh)
        x = x + self.proj(attended.transpose(1, 2).reshape(batch, n, width))
        return x + self.mlp(self.ln2(x))


class Gpt(torch.nn.Module):
    def __init__(self, vocab, layers, heads, width, block):
        super().__init__()
        self.wte = torch.nn.Embedding(vocab, width)
        self.wpe = torch.nn.Embedding(block, width)
        self.blocks = torch.nn.ModuleList(Block(width, heads) for _ in range(layers))
        self.lnf = LayerNorm(width)
        self.heads, self.width, self.block = heads, width, block

    def cache(self, batch):
        """Empty keys and values for every block: (B, heads, block, dh) each, allocated once."""
        shape = (batch, self.heads, self.block, self.width // self.heads)
        return [(torch.zeros(shape), torch.zeros(shape)) for _ in self.blocks]

    def forward(self, tokens, start, cache):
        """Next-token logits (B, V) after tokens (B, n) at positions [start, start + n)."""
        x = self.wte(tokens) + self.wpe(torch.arange(start, start + tokens.shape[1]))
        for block, (keys, values) in zip(self.blocks, cache):
            x = block(x, start, keys, values)
        return self.lnf(x[:, -1]) @ self.wte.weight.t()                             # tied head


def generate(net, prompts, cache):
    """Greedy generation from prompts (B, P) up to the block size: block - P tokens per sequence,
    the last of them read from the logits of position block - 1 (as Rewire's sampler does)."""
    step = net(prompts, 0, cache).argmax(dim=1, keepdim=True)                        # (B, 1)
    out = [step]
    for position in range(prompts.shape[1], net.block - 1):
        step = net(step, position, cache).argmax(dim=1, keepdim=True)
        out.append(step)
    return torch.cat(out, dim=1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--config", required=True, help="a Rewire GPT configuration (YAML)")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seconds", type=float, default=3)
    p.add_argument("--prompt", type=int, default=8, help="prompt characters")
    p.add_argument("--batches", default="1,256")
    args = p.parse_args()
    with open(args.config) as f:
        config = yaml.safe_load(f)
    model = config["model"]
    with open(os.path.join(os.path.dirname(args.config), config["data"]["text"]), encoding="utf-8") as f:
        text = f.read()
    if not 1 <= args.prompt < model["blockSize"]:
        p.error("--prompt %d must be in [1, %d): the block size leaves no token to generate"
                % (args.prompt, model["blockSize"]))
    vocab = sorted(set(text))
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    net = Gpt(len(vocab), model["layers"], model["heads"], model["width"], model["blockSize"]).eval()
    for weight in net.parameters():
        if weight.dim() == 2:
            torch.nn.init.normal_(weight, std=0.02)
    ids = {c: i for i, c in enumerate(vocab)}
    count = model["blockSize"] - args.prompt
    for batch in [int(b) for b in args.batches.split(",")]:
        # the text's first prompt, and after it the next windows, one per sequence
        prompts = torch.tensor([[ids[c] for c in text[b * args.prompt:(b + 1) * args.prompt]] for b in range(batch)])
        cache = net.cache(batch)

        def call(_):
            return generate(net, prompts, cache)
        time_calls(call, args.seconds)  # warm-up
        ms = [t / count for t in time_calls(call, args.seconds)]
        print(predict_line("gpt", args.threads, batch, ms), flush=True)


if __name__ == "__main__":
    main()
