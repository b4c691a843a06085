#!/usr/bin/env bash
# Checks a run's exported model outside Rewire: exports its weights (safetensors, with a reference
# batch of held-out inputs and Rewire's logits) and its ONNX graph, then loads the weights into the
# equivalent PyTorch module and compares logits (scripts/torch_check.py), and checks the ONNX model
# with onnx.checker. Installs Debian's python3-torch and python3-onnx when missing (as root).
# Usage: scripts/export-check.sh RUN [--checkpoint best|last|STEP]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ $# -lt 1 ]; then
  echo "usage: $0 RUN [--checkpoint best|last|STEP]" >&2
  exit 2
fi
run=$1
shift
PY=/usr/bin/python3
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
"$PY" -c 'import torch' 2>/dev/null || as_root apt-get install -y python3-torch
"$PY" -c 'import onnx' 2>/dev/null || as_root apt-get install -y python3-onnx || echo "note: no python3-onnx, the ONNX check is skipped" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/rewire" export "$run" "$@" --format safetensors --out "$work/model.safetensors" \
    --reference "$work/reference.safetensors"
"$root/rewire" export "$run" "$@" --format onnx --out "$work/model.onnx"
"$PY" "$root/scripts/torch_check.py" "$work/model.safetensors" "$work/reference.safetensors" --onnx "$work/model.onnx"
