#!/usr/bin/python3
"""Checks a model that `rewire export --format safetensors` wrote, in PyTorch.

Usage: scripts/torch_check.py MODEL.safetensors REFERENCE.safetensors [--onnx MODEL.onnx] [--tolerance 1e-4]

Builds the equivalent torch.nn module from the description Rewire writes into the file's metadata
("rewire.model": a classifier with conv1..convK and fc1..fcN, or a GPT under nanoGPT's names),
loads the dense tensors with load_state_dict (strict: every parameter, nothing else but the CSR
triplets of sparse weights), checks that each sparse weight's CSR triplets
(<name>.crow_indices, .col_indices, .values) give its dense tensor, runs the module on the
reference batch's input (`rewire export --reference`) and compares its logits with Rewire's: every
element within tolerance * max(|rewire|, 0.01 * max|rewire|). With --onnx, also checks the ONNX
model with onnx.checker when python3-onnx is installed. Exit status 0 when everything agrees.
The safetensors format is read by hand (8-byte little-endian header length, JSON header, raw
little-endian data), so the safetensors package is not needed.
"""
import argparse
import warnings
import json
import math
import struct
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

DTYPES = {"F32": torch.float32, "I32": torch.int32, "I64": torch.int64, "F64": torch.float64}
CSR_PARTS = (".crow_indices", ".col_indices", ".values")


def read_safetensors(path):
    """The tensors (by name, in header order) and the __metadata__ strings of a safetensors file."""
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    body = data[8 + n:]
    tensors = {}
    for name, entry in header.items():
        if entry["dtype"] not in DTYPES:
            raise SystemExit(f"{path}: tensor {name} has dtype {entry['dtype']}, which this check does not read")
        begin, end = entry["data_offsets"]
        flat = torch.frombuffer(bytearray(body[begin:end]), dtype=DTYPES[entry["dtype"]])
        tensors[name] = flat.reshape(entry["shape"])
    return tensors, metadata


class Classifier(nn.Module):
    """Rewire's MLP or CNN: conv k x k (same padding) -> ReLU -> max_pool 2, flatten, linear layers with ReLU."""

    def __init__(self, d):
        super().__init__()
        channels, height, width = d["input"]
        self.convs = len(d["channels"])
        for i, out in enumerate(d["channels"]):
            self.add_module(f"conv{i + 1}", nn.Conv2d(channels, out, d["kernel"], padding=d["kernel"] // 2))
            channels, height, width = out, height // 2, width // 2
        features = channels * height * width
        self.fcs = len(d["hidden"]) + 1
        for i, out in enumerate(d["hidden"] + [d["classes"]]):
            self.add_module(f"fc{i + 1}", nn.Linear(features, out))
            features = out

    def forward(self, x):
        for i in range(self.convs):
            x = F.max_pool2d(F.relu(getattr(self, f"conv{i + 1}")(x)), 2)
        x = x.flatten(1)
        for i in range(self.fcs):
            x = getattr(self, f"fc{i + 1}")(x)
            x = F.relu(x) if i + 1 < self.fcs else x
        return x


class LayerNorm(nn.Module):
    """LayerNorm with a weight and no bias (nanoGPT's bias=False)."""

    def __init__(self, width, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(width))
        self.eps = eps

    def forward(self, x):
        return F.layer_norm(x, self.weight.shape, self.weight, None, self.eps)


def allowed(kind, width, q, k):
    """Rewire's AttentionMask.allows: causal, local, strided or sparse (local or strided)."""
    if k > q:
        return False
    gap = q - k
    return {"causal": True, "local": gap < width, "strided": gap % width == 0,
            "sparse": gap < width or gap % width == 0}[kind]


class Attention(nn.Module):
    def __init__(self, d):
        super().__init__()
        width, t = d["width"], d["blockSize"]
        self.heads = d["heads"]
        self.c_attn = nn.Linear(width, 3 * width, bias=False)
        self.c_proj = nn.Linear(width, width, bias=False)
        kind, c = d["attention"]["kind"], d["attention"]["width"]
        mask = torch.tensor([[allowed(kind, c, q, k) for k in range(t)] for q in range(t)])
        self.register_buffer("mask", mask, persistent=False)

    def forward(self, x):
        b, t, width = x.shape
        q, k, v = self.c_attn(x).split(width, dim=2)
        q, k, v = (z.view(b, t, self.heads, width // self.heads).transpose(1, 2) for z in (q, k, v))
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(width // self.heads)
        scores = scores.masked_fill(~self.mask[:t, :t], float("-inf"))
        y = (F.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(b, t, width)
        return self.c_proj(y)


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        width = d["width"]
        self.ln_1 = LayerNorm(width, d["layerNormEps"])
        self.attn = Attention(d)
        self.ln_2 = LayerNorm(width, d["layerNormEps"])
        self.mlp = nn.ModuleDict(dict(c_fc=nn.Linear(width, 4 * width, bias=False),
                                      c_proj=nn.Linear(4 * width, width, bias=False)))
        self.gelu = d["gelu"]

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.mlp.c_proj(F.gelu(self.mlp.c_fc(self.ln_2(x)), approximate=self.gelu))


class GPT(nn.Module):
    """nanoGPT's GPT with bias=False, tanh GELU, the head tied to the token embedding."""

    def __init__(self, d):
        super().__init__()
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(d["vocab"], d["width"]), wpe=nn.Embedding(d["blockSize"], d["width"]),
            h=nn.ModuleList([Block(d) for _ in range(d["layers"])]), ln_f=LayerNorm(d["width"], d["layerNormEps"])))
        self.lm_head = nn.Linear(d["width"], d["vocab"], bias=False)
        self.lm_head.weight = self.transformer.wte.weight

    def forward(self, tokens):
        positions = torch.arange(tokens.shape[1])
        x = self.transformer.wte(tokens) + self.transformer.wpe(positions)
        for block in self.transformer.h:
            x = block(x)
        return self.lm_head(self.transformer.ln_f(x))


def build(description):
    family = description["family"]
    if family == "classifier":
        return Classifier(description)
    if family == "gpt":
        return GPT(description)
    raise SystemExit(f"unknown model family {family!r} in the metadata")


def load(model, tensors, path):
    """Loads the dense tensors (strict, the tied head aside) and checks the CSR triplets against them."""
    dense = {n: t for n, t in tensors.items() if not n.endswith(CSR_PARTS)}
    missing, unexpected = model.load_state_dict(dense, strict=False)
    missing = [n for n in missing if n != "lm_head.weight"]  # tied to transformer.wte.weight
    if missing or unexpected:
        raise SystemExit(f"{path}: missing {missing}, unexpected {unexpected}")
    sparse = 0
    for name in dense:
        if name + ".crow_indices" in tensors:
            rows = dense[name].shape[0]
            matrix = torch.sparse_csr_tensor(tensors[name + ".crow_indices"], tensors[name + ".col_indices"],
                                             tensors[name + ".values"], size=(rows, dense[name].numel() // rows))
            if not torch.equal(matrix.to_dense(), dense[name].reshape(rows, -1)):
                raise SystemExit(f"{path}: the CSR triplets of {name} differ from its dense tensor")
            sparse += 1
    return sparse


def compare(ours, theirs, tolerance):
    """The largest error over the allowed error; at most 1 when every element agrees."""
    scale = ours.abs().max().item()
    allowed_error = tolerance * torch.maximum(ours.abs(), torch.full_like(ours, 0.01 * scale))
    return ((theirs - ours).abs() / allowed_error).max().item(), (theirs - ours).abs().max().item()


def main():
    warnings.filterwarnings("ignore", message="Sparse CSR tensor support is in beta")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("reference")
    parser.add_argument("--onnx")
    parser.add_argument("--tolerance", type=float, default=1e-4)
    args = parser.parse_args()
    tensors, metadata = read_safetensors(args.model)
    if "rewire.model" not in metadata:
        raise SystemExit(f"{args.model}: no 'rewire.model' in the metadata; was it written by rewire export?")
    description = json.loads(metadata["rewire.model"])
    model = build(description).eval()
    sparse = load(model, tensors, args.model)
    reference, _ = read_safetensors(args.reference)
    x = reference["input"]
    x = x.long() if x.dtype == torch.int32 else x
    with torch.no_grad():
        logits = model(x)
    ratio, error = compare(reference["output"], logits, args.tolerance)
    verdict = "agree" if ratio <= 1 else "DIFFER"
    print(f"{args.model}: PyTorch {torch.__version__} ({description['family']}, {sparse} sparse weights also as CSR) "
          f"and Rewire {verdict} on {x.shape[0]} inputs: largest difference {error:.3g}, "
          f"{ratio:.3f} of the tolerance {args.tolerance:g} relative")
    ok = ratio <= 1
    if args.onnx:
        try:
            import onnx
        except ImportError:
            print(f"{args.onnx}: not checked, python3-onnx is not installed (apt-get install python3-onnx)")
        else:
            onnx.checker.check_model(onnx.load(args.onnx), full_check=True)
            print(f"{args.onnx}: onnx {onnx.__version__} checker passed (full check, with shape inference)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
