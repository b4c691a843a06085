#!/usr/bin/env bash
# Inference against PyTorch (issue 16's inference target): the latency of one example (batch 1) and the
# throughput at batch 256 of the library call Classifier.predict (rewire.bench.PredictBench) for the MLP
# 784-1000-1000-1000-10 (dense, 10%, 1%) and the small CNN (dense, 10%), beside PyTorch's dense twins
# (bench/peer/torch_predict.py); and the GPT's tokens per second with its KV cache
# (rewire.bench.GptDecodeBench) at batch 1 through Sampler.generate, also recomputing the context for
# comparison, and at batch 256 through a Decoder of 256 sequences, for the GPT of
# examples/gpt-shakespeare.yaml (dense, causal attention) and of examples/gpt-mst.yaml (its ultra-sparse
# 5.5% and its final 30%, ER, local attention of width 8), beside PyTorch's dense twin with its own KV
# cache (bench/peer/torch_gpt_decode.py); 1 and 2 threads each. Writes the inference block of
# docs/benchmarks.md.
#
#   bench/predict.sh                 every configuration, 3 s of warm-up and 3 s timed per batch size or
#                                    decoding, at least 10 calls each (about 10 minutes)
#   bench/predict.sh --seconds 1     shorter calls (the doc states the seconds)
#   bench/predict.sh --quick         0.3 s per batch size, the GPT at batch 1 and 8 instead of 256 (its
#                                    calls would take seconds): checks the pipeline (writes under
#                                    bench/results/tmp)
#   bench/predict.sh --no-build      use the existing rewire-bench/target/benchmarks.jar
#
# Every configuration is its own process, run through $BENCH_PREFIX (empty by default); both sides run
# this CPU's best OpenBLAS kernels (bench/blas-core.sh).
set -euo pipefail
. "$(dirname "$0")/common.sh"
bench_jar_java
read -r -a PREFIX <<< "${BENCH_PREFIX:-}"

seconds=3; quick=false; build=true
prompt=8            # the GPT's prompt, in characters
gpt_batches=1,256   # the GPT's batch sizes
command="bench/predict.sh${*:+ $*}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift ;;
    --quick) quick=true; seconds=0.3; gpt_batches=1,8 ;;
    --no-build) build=false ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done
bench_prepare "$build"

work=bench/results/tmp/predict-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$work"
csv=$work/predict.csv; : > "$csv"

# label config density: one Rewire configuration at 1 and 2 threads
rewire_side() {
  local label=$1 config=$2 density=$3 threads log
  for threads in 1 2; do
    log=$work/rewire-$label-$density-t$threads.log
    echo "== rewire $label $density, $threads thread(s)" >&2
    "${PREFIX[@]}" "$JAVA" "${FLAGS[@]}" -Drewire.threads="$threads" -cp "$JAR" rewire.bench.PredictBench \
      --config "$config" --label "$label" --set "sparsity.density=$density" --seconds "$seconds" > "$log" 2>&1 \
      || { echo "rewire $label $density failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
    sed -n 's/^PREDICT,//p' "$log" >> "$csv"
  done
}

torch_side() {
  local arch=$1 threads log
  for threads in 1 2; do
    log=$work/torch-$arch-t$threads.log
    echo "== torch $arch, $threads thread(s)" >&2
    (cd bench/peer && OMP_NUM_THREADS=$threads OPENBLAS_NUM_THREADS=$threads "${PREFIX[@]}" /usr/bin/python3 \
      torch_predict.py --arch "$arch" --threads "$threads" --seconds "$seconds") > "$log" 2>&1 \
      || { echo "torch $arch failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
    sed -n 's/^PREDICT,//p' "$log" >> "$csv"
  done
}

# name config [--set key=value ...]: the GPT of one configuration at 1 and 2 threads: batch 1 with the cache
# and recomputing, batch 256 with the cache
gpt_rewire_side() {
  local name=$1 config=$2 threads log; shift 2
  for threads in 1 2; do
    log=$work/rewire-gpt-$name-t$threads.log
    echo "== rewire gpt $name, $threads thread(s)" >&2
    "${PREFIX[@]}" "$JAVA" "${FLAGS[@]}" -Drewire.threads="$threads" -cp "$JAR" rewire.bench.GptDecodeBench \
      --config "$config" "$@" --prompt "$prompt" --batches "$gpt_batches" --seconds "$seconds" > "$log" 2>&1 \
      || { echo "rewire gpt $name failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
    sed -n 's/^PREDICT,//p' "$log" >> "$csv"
  done
}

gpt_torch_side() {
  local threads log
  for threads in 1 2; do
    log=$work/torch-gpt-t$threads.log
    echo "== torch gpt, $threads thread(s)" >&2
    (cd bench/peer && OMP_NUM_THREADS=$threads OPENBLAS_NUM_THREADS=$threads "${PREFIX[@]}" /usr/bin/python3 \
      torch_gpt_decode.py --config ../../examples/gpt-shakespeare.yaml --prompt "$prompt" --batches "$gpt_batches" \
      --threads "$threads" --seconds "$seconds") > "$log" 2>&1 \
      || { echo "torch gpt failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
    sed -n 's/^PREDICT,//p' "$log" >> "$csv"
  done
}

torch_side mlp
rewire_side mlp examples/mlp-dense.yaml 1
rewire_side mlp examples/mlp-rigl.yaml 0.1
rewire_side mlp examples/mlp-rigl.yaml 0.01
torch_side cnn
rewire_side cnn examples/cnn-dense.yaml 1
rewire_side cnn examples/cnn-rigl.yaml 0.1
gpt_torch_side
gpt_rewire_side dense examples/gpt-shakespeare.yaml
# gpt-mst's model at a fixed random ER topology (recipe static: the weights are not trained)
for density in 0.055 0.3; do
  gpt_rewire_side "mst-$density" examples/gpt-mst.yaml --set sparsity.density=$density --set sparsity.recipe=static \
    --set "sparsity.options=[distribution=er]"
done

doc=docs/benchmarks.md
if $quick; then doc=$work/benchmarks.md; fi
torch_core=$(grep '^torch' "$csv" | head -1 | cut -d, -f9)
context="### Inference: serving a trained classifier or GPT against PyTorch

Generated by \`bench/predict.sh\`; do not edit by hand. One call of the library's \`Classifier.predict\`
(rewire.bench.PredictBench) on raw Fashion-MNIST test examples: standardization with the training
set's statistics, the forward pass in evaluation mode, softmax and arg-max; PyTorch's dense twin
(bench/peer/torch_predict.py) does the same under \`torch.no_grad()\`. Latency is one example per call
(batch 1), throughput 256 examples per call. Rewire's sparse models are timed at their initial
ERK topology: a forward pass costs the same whatever values the weights hold.

The GPT's unit is a generated token. At batch 1, one call of \`Sampler.generate\`
(rewire.bench.GptDecodeBench) generates greedily from the text's first $prompt characters up to the
block size (64 in both examples), and its milliseconds over the tokens it generated are the row's.
With the KV cache (\`Decoder\`) each token goes through every block as one column and attends over
the cached keys and values; \`Rewire, no KV cache\` recomputes the whole context for every token
(what the sampler does beyond the block size). At batch 256, a \`Decoder\` of 256 independent
sequences (prompts: the text's first 256 consecutive $prompt-character windows) decodes them
together, greedily, one column per sequence; tokens/s counts all 256. PyTorch's dense twin
(bench/peer/torch_gpt_decode.py) does the same with its own KV cache. The dense GPT is
examples/gpt-shakespeare.yaml's, with causal attention; the sparse ones are the model of
examples/gpt-mst.yaml at its ultra-sparse density 0.055 and at 0.3, the density a finished run of it
ends at, on a random ER topology, with its local attention of width 8.

- Date: $(date -u +%Y-%m-%d), machine: $(bench_cpu_model), $(nproc) cores; JDK: $("$JAVA" -version 2>&1 | head -1)
- Command: \`$command\` (git $revision); per batch size or GPT decoding ${seconds} s of warm-up calls, then ${seconds} s of timed calls, each call timed on its own
- OpenBLAS core: Rewire ${OPENBLAS_CORETYPE:-unset} (set by the script), PyTorch ${torch_core:-unknown}
- Threads: Rewire \`-Drewire.threads\`; PyTorch \`torch.set_num_threads\` with OMP_NUM_THREADS and OPENBLAS_NUM_THREADS alike"
"$JAVA" -cp "$JAR" rewire.bench.PredictBench --report "$csv" --doc "$doc" --context "$context"
echo "wrote the inference block of $doc; logs in $work"
