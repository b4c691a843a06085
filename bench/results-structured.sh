#!/usr/bin/env bash
# Trains the MLP 784-1000-1000-1000-10 on Fashion-MNIST with unstructured and structured sparsity
# (issue 21's study) and writes docs/results-structured.md: test accuracy over seeds (mean and 95%
# interval), FLOPs, wall clock and the storage each layer trained in.
#
#   bench/results-structured.sh                       3 seeds x 8 configurations x 10 epochs (about 3 hours on 2 cores)
#   bench/results-structured.sh --seeds "1 2" --epochs 2   a smaller budget (the doc states the budget)
#   bench/results-structured.sh --only "mlp-rigl mlp-dynadiag"   only these configurations
#   bench/results-structured.sh --report-only DIR     rewrite the doc from the run folders under DIR
#   bench/results-structured.sh --out FILE            write somewhere other than docs/results-structured.md
#
# Every configuration trains as examples/mlp-dynadiag.yaml does (Adam, lr 1e-3, batch 128), so the
# rows differ only in their sparsity: the optimizer of DynaDiag's released code, which RigL and its
# structured variants take as well.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_select_jdk_and_jq

seeds="1 2 3"; epochs=10; only=""; report_only=""; out=docs/results-structured.md
command="bench/results-structured.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seeds) seeds="$2"; shift ;;
    --epochs) epochs="$2"; shift ;;
    --only) only="$2"; shift ;;
    --report-only) report_only="$2"; shift ;;
    --out) out="$2"; shift ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done

declare -A label args
order=()
add() {  # name, label, overrides of examples/mlp-dynadiag.yaml
  label[$1]=$2; args[$1]=$3; order+=("$1")
}
rigl="sparsity.recipe=rigl sparsity.density=0.1"
add mlp-dense "dense" "sparsity.recipe=dense"
add mlp-rigl "RigL, unstructured (ERK), 10%" "$rigl sparsity.options=[]"
add mlp-rigl-diagonal "RigL on whole diagonals, 10%" "$rigl sparsity.options=[constraint=diagonal]"
add mlp-dynadiag "DynaDiag (learned diagonals, dense head), 10%" ""
add mlp-rigl-fanin "RigL, constant fan-in (SRigL's structure), 10%" "$rigl sparsity.options=[constraint=fan-in]"
add mlp-rigl-block "RigL, 2x8 blocks, 10%" "$rigl sparsity.options=[constraint=block:2x8]"
add mlp-rigl-1of8 "RigL, 1:8, 12.5%" "sparsity.recipe=rigl sparsity.density=0.125 sparsity.options=[constraint=1:8]"
add mlp-rigl-2of4 "RigL, 2:4, 50%" "sparsity.recipe=rigl sparsity.density=0.5 sparsity.options=[constraint=2:4]"
if [[ -n "$only" ]]; then
  kept=(); for name in "${order[@]}"; do [[ " $only " == *" $name "* ]] && kept+=("$name"); done
  order=("${kept[@]}")
fi

runs=${report_only:-"bench/results/structured-$(date -u +%Y%m%dT%H%M%SZ)"}
revision=$(bench_revision)
if [[ -z "$report_only" ]]; then
  bench_use_best_blas_core
  mkdir -p "$runs"
  # one run at a time, so wall clocks compare; seeds outermost, so a budget cut short has every row
  for seed in $seeds; do
    for name in "${order[@]}"; do
      echo "== $name seed $seed" >&2
      # shellcheck disable=SC2086
      bench_timed "$name seed $seed" "$runs/$name-s$seed.log" ./rewire train examples/mlp-dynadiag.yaml \
        "name=$name-s$seed" "seed=$seed" "train.runs=$runs/$name-s$seed" "train.epochs=$epochs" ${args[$name]}
    done
  done
fi

# one finished run as JSON: accuracy, FLOP ratios, wall clock, and each weight layer's storage at the end
run_json() {
  jq '{acc: .summary.evaluation.accuracy, train: .summary.trainingFlopsRatio, infer: .summary.inferenceFlopsRatio,
       wall: .summary.wallClockSeconds, density: .summary.density,
       storage: (.layers | map(.representation) | join(" / "))}' "$1/run.json"
}
declare -A runs_of
for name in "${order[@]}"; do
  all=$(for s in $seeds; do
    f=$(bench_run_folder "$runs/$name-s$s")
    if [[ -n "$f" && -f "$f/run.json" ]] && jq -e '.summary' "$f/run.json" >/dev/null; then run_json "$f"; fi
  done | jq -s .)
  runs_of[$name]=$all
done
mean() { jq -r "map($1) | add / length"; }
rigl_mean=$( [[ -n "${runs_of[mlp-rigl]:-}" && "${runs_of[mlp-rigl]}" != "[]" ]] && mean .acc <<<"${runs_of[mlp-rigl]}" || echo "")
row() {
  local name=$1 all=${runs_of[$1]}
  if [[ "$all" == "[]" ]]; then echo "| ${label[$name]} | not run (or failed) | | | | | | |"; return; fi
  local gap="–"
  if [[ -n "$rigl_mean" && $name != mlp-rigl ]]; then
    gap=$(jq -r --argjson r "$rigl_mean" 'map(.acc) | add / length - $r | . * 10000 | round / 100' <<<"$all")
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "${label[$name]}" "$(jq length <<<"$all")" \
    "$(jq '.[].acc' <<<"$all" | bench_ci 100)" "$gap" \
    "$(jq -r 'map(.train) | add / length * 1000 | round / 1000' <<<"$all")" \
    "$(jq -r 'map(.infer) | add / length * 1000 | round / 1000' <<<"$all")" \
    "$(jq -r 'map(.wall) | add / length | round | tostring + " s"' <<<"$all")" \
    "$(jq -r '.[0].storage' <<<"$all")"
}
{
  echo "# Results: structured sparsity on the MLP"
  echo
  echo "Produced by \`$command\` on $(date -u +%Y-%m-%d), $(bench_cpu_model), $(nproc) cores,"
  echo "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1), git $revision. OpenBLAS kernels the runs used:"
  echo "$(bench_blas_cores_used "$runs"). Run folders (with report.html): \`$runs\`."
  echo
  echo "Issue 21's question: do structured patterns (whole diagonals, learned or rewired; constant fan-in;"
  echo "blocks; N:M) stay within about a point of unstructured sparsity at 90% while training faster? The MLP"
  echo "784-1000-1000-1000-10 trains $epochs epochs on Fashion-MNIST with Adam (lr 1e-3, batch 128), seeds $seeds, one"
  echo "run at a time; every row differs from examples/mlp-dynadiag.yaml only in its sparsity settings. Accuracy is"
  echo "the final test accuracy in percent, mean ± 95% confidence interval (Student t) over seeds; the gap is the"
  echo "mean's difference to unstructured RigL in points. FLOPs are relative to the dense twin (RigL's accounting;"
  echo "DynaDiag's layers count as dense until the freeze). Wall clock is the whole run's (training and the"
  echo "evaluation after every epoch). Storage is each weight layer's representation at the end of the run (CSR,"
  echo "DIAGONAL on the diagonal kernels, DENSE_MASKED for layers at or above the crossover density)."
  echo
  echo "| configuration | seeds | test accuracy (%) | gap to RigL (points) | training FLOPs | inference FLOPs | wall clock | storage (fc1 / fc2 / fc3 / fc4) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  for name in "${order[@]}"; do row "$name"; done
  echo
  if [[ -f bench/results-structured-notes.md ]]; then cat bench/results-structured-notes.md; fi
} > "$out"
echo "wrote $out" >&2
