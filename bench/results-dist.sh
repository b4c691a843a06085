#!/usr/bin/env bash
# Trains the MLP 784-1000-1000-1000-10 on Fashion-MNIST data-parallel (examples/spark/mlp-spark.yaml)
# and writes docs/results-dist.md: bytes and time per round against dense data parallelism, test
# accuracy against the single process with the same global batch, compression (top-k with and
# without error feedback, random-k, 8-bit) and local steps, federated clients (IID and Dirichlet),
# and scaling (local[N] measured, 8/64/512 executors modelled from the measured costs).
#
# Traffic and scaling rows train 40 rounds on the first 5,120 training examples; accuracy, compression
# and federated rows train --epochs epochs (default 1) on the first --train-limit examples (default 0:
# all 60,000). The doc states the budget its runs had, read from their run.json.
#
#   bench/results-dist.sh                     every run (about 75 minutes on a busy 2-core machine)
#   bench/results-dist.sh traffic-0.1 ...     only these runs (the others' rows say "not run")
#   bench/results-dist.sh --runs DIR          write the doc from the finished runs in DIR (no training)
#   bench/results-dist.sh --out FILE          write somewhere other than docs/results-dist.md
#   bench/results-dist.sh --epochs N          accuracy, compression and federated rows train N epochs
#   bench/results-dist.sh --train-limit N     ... on the first N training examples (12800: about 40 minutes)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_select_jdk_and_jq
. bench/results-dist-tables.sh   # write_results_dist

out=docs/results-dist.md; names=(); runs=; epochs=1; limit=0
command="bench/results-dist.sh"   # the training command, without --runs and --out
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --out) out="$2"; shift ;;
    --epochs) epochs="$2"; command+=" --epochs $2"; shift ;;
    --train-limit) limit="$2"; command+=" --train-limit $2"; shift ;;
    -*) bench_unknown_option "$1" ;;
    *) names+=("$1"); command+=" $1" ;;
  esac
  shift
done

base="examples/spark/mlp-spark.yaml"
short="data.trainLimit=5120 train.epochs=1 train.logEvery=10 dist.localSteps=1 dist.compression=none"
full="train.epochs=$epochs data.trainLimit=$limit train.logEvery=10"
sync="dist.localSteps=1 dist.compression=none"
declare -A density=([1]="sparsity.recipe=dense sparsity.density=1 sparsity.options=[]"
  [0.1]="sparsity.recipe=static sparsity.density=0.1 sparsity.options=[]"
  [0.01]="sparsity.recipe=static sparsity.density=0.01 sparsity.options=[]")
declare -A rigl=([1]="sparsity.recipe=dense sparsity.density=1 sparsity.options=[]" [0.1]="sparsity.density=0.1"
  [0.01]="sparsity.density=0.01")
declare -A args
for d in 1 0.1 0.01; do
  args[traffic-$d]="$short ${density[$d]} dist.partitions=2"
  args[acc-single-$d-42]="$full ${rigl[$d]} dist.engine=none"
  args[acc-spark-$d-42]="$full ${rigl[$d]} $sync"
done
for d in 0.1 0.01; do
  args[rewire-$d]="data.trainLimit=5120 train.epochs=1 train.logEvery=1 $sync sparsity.recipe=rigl sparsity.density=$d sparsity.options=[deltaT=10]"
  for p in 1 4; do args[scale-p$p-$d]="$short ${density[$d]} dist.partitions=$p"; done
done
for s in 43 44; do
  args[acc-single-0.1-$s]="$full seed=$s dist.engine=none"
  args[acc-spark-0.1-$s]="$full seed=$s $sync"
done
local_engine="$full dist.engine=local dist.partitions=2"
args[comp-topk-ef]="$local_engine dist.localSteps=1 dist.compression=topk dist.ratio=0.01 dist.errorFeedback=true"
args[comp-topk-noef]="$local_engine dist.localSteps=1 dist.compression=topk dist.ratio=0.01 dist.errorFeedback=false"
args[comp-randomk-ef]="$local_engine dist.localSteps=1 dist.compression=randomk dist.ratio=0.01 dist.errorFeedback=true"
args[comp-int8-ef]="$local_engine dist.localSteps=1 dist.compression=int8 dist.errorFeedback=true"
args[comp-k4]="$local_engine dist.localSteps=4 dist.compression=none"
args[comp-k16]="$local_engine dist.localSteps=16 dist.compression=none"
federated="$full dist.engine=local dist.partitions=8 dist.localSteps=16 dist.compression=none dist.clientFraction=0.5"
args[fed-iid]="$federated dist.split=iid"
args[fed-dirichlet]="$federated dist.split=dirichlet dist.alpha=0.1"
order=(traffic-1 traffic-0.1 traffic-0.01 rewire-0.1 rewire-0.01 scale-p1-0.1 scale-p4-0.1 scale-p1-0.01 scale-p4-0.01
  acc-single-0.1-42 acc-spark-0.1-42 acc-single-0.01-42 acc-spark-0.01-42 acc-single-1-42 acc-spark-1-42
  comp-topk-ef comp-topk-noef comp-randomk-ef comp-int8-ef comp-k4 comp-k16 fed-iid fed-dirichlet
  acc-single-0.1-43 acc-spark-0.1-43 acc-single-0.1-44 acc-spark-0.1-44)
[[ ${#names[@]} -eq 0 ]] && names=("${order[@]}")

train=true
if [[ -n "$runs" ]]; then train=false; else runs="bench/results/dist-runs-$(date -u +%Y%m%dT%H%M%SZ)"; fi
mkdir -p "$runs"
for name in "${names[@]}"; do
  [[ -n "${args[$name]:-}" ]] || { echo "unknown run $name (known: ${order[*]})" >&2; exit 2; }
done
if $train; then
  ./rewire info >/dev/null   # builds once, outside the timed runs
  bench_use_best_blas_core
fi
for name in "${names[@]}"; do
  $train || break
  echo "== $name" >&2
  # shellcheck disable=SC2086
  bench_logged "$name" "$runs/$name.log" ./rewire train "$base" name="$name" ${args[$name]} "train.runs=$runs/$name"
done

# each run's command line, for the doc's list of commands
commands=$(for name in "${order[@]}"; do echo "./rewire train $base name=$name ${args[$name]} train.runs=RUNS/$name"; done)
write_results_dist "$runs" "$command" "$commands" >"$out"
cat "$out"
