#!/usr/bin/env bash
# Trains the MLP 784-1000-1000-1000-10 and the small ViT on Fashion-MNIST with unstructured and
# structured sparsity (issue 21's study) and writes docs/results-structured.md: test accuracy over
# seeds (mean and 95% interval), FLOPs, wall clock and the storage each layer trained in.
#
#   bench/results-structured.sh                       3 seeds x 13 configurations, MLP 5 epochs, ViT 3 (about 75 minutes on 2 cores)
#   bench/results-structured.sh --seeds "1 2" --epochs 2 --vit-epochs 1   a smaller budget (the doc states it)
#   bench/results-structured.sh --only "mlp-rigl vit-dynadiag"   only these configurations
#   bench/results-structured.sh --runs DIR            train into DIR (an earlier run's folder: the configurations
#                                                     given with --only are retrained there, the others kept)
#   bench/results-structured.sh --speed-rounds 3      then time one epoch of every MLP configuration, 3 rounds
#                                                     interleaved, on the current build (default 0: no timing table)
#   bench/results-structured.sh --infer-rounds 3      then time inference of every configuration's trained seed-1
#                                                     model (rewire predict over the 60,000 training images, batch
#                                                     256), 3 rounds interleaved (default 0: no inference table)
#   bench/results-structured.sh --report-only DIR     rewrite the doc from the run folders under DIR
#   bench/results-structured.sh --out FILE            write somewhere other than docs/results-structured.md
#
# Every MLP row trains as examples/mlp-dynadiag.yaml does (Adam, lr 1e-3, batch 128), so the rows
# differ only in their sparsity: the optimizer of DynaDiag's released code, which RigL and its
# structured variants take as well. Every ViT row trains as examples/vit-dynadiag.yaml does (AdamW,
# lr 0.016, the sparse examples' rate), the dense row at vit-dense.yaml's 0.004.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_select_jdk_and_jq

seeds="1 2 3"; epochs=5; vit_epochs=3; only=""; report_only=""; runs_dir=""; speed_rounds=0; infer_rounds=0
infer_input=/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz
out=docs/results-structured.md
command="bench/results-structured.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seeds) seeds="$2"; shift ;;
    --epochs) epochs="$2"; shift ;;
    --vit-epochs) vit_epochs="$2"; shift ;;
    --runs) runs_dir="$2"; shift ;;
    --speed-rounds) speed_rounds="$2"; shift ;;
    --infer-rounds) infer_rounds="$2"; shift ;;
    --only) only="$2"; shift ;;
    --report-only) report_only="$2"; shift ;;
    --out) out="$2"; shift ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done

declare -A label args
order=()
add() {  # name (mlp-* or vit-*), label, overrides of the model's base example
  label[$1]=$2; args[$1]=$3; order+=("$1")
}
rigl="sparsity.recipe=rigl sparsity.density=0.1"
add mlp-dense "dense" "sparsity.recipe=dense"
add mlp-rigl "RigL, unstructured (ERK), 10%" "$rigl sparsity.options=[]"
add mlp-rigl-diagonal "RigL on whole diagonals, 10%" "$rigl sparsity.options=[constraint=diagonal]"
add mlp-dynadiag "DynaDiag (learned diagonals, dense head), 10%" ""
add mlp-rigl-fanin "RigL, constant fan-in (SRigL's structure), 10%" "$rigl sparsity.options=[constraint=fan-in]"
add mlp-srigl "SRigL: constant fan-in with neuron ablation, 10%" "sparsity.recipe=srigl sparsity.density=0.1 sparsity.options=[]"
add mlp-rigl-block "RigL, 2x8 blocks, 10%" "$rigl sparsity.options=[constraint=block:2x8]"
add mlp-rigl-1of8 "RigL, 1:8, 12.5%" "sparsity.recipe=rigl sparsity.density=0.125 sparsity.options=[constraint=1:8]"
add mlp-rigl-2of4 "RigL, 2:4, 50%" "sparsity.recipe=rigl sparsity.density=0.5 sparsity.options=[constraint=2:4]"
# the ViT's patch embedding is 64 x 49: no whole blocks or N:M groups along 49 inputs, so those rows are MLP-only
add vit-dense "dense" "sparsity.recipe=dense optim.lr=0.004"
add vit-rigl "RigL, unstructured (ERK), 10%" "$rigl sparsity.options=[]"
add vit-rigl-diagonal "RigL on whole diagonals, 10%" "$rigl sparsity.options=[constraint=diagonal]"
add vit-dynadiag "DynaDiag (learned diagonals, dense head), 10%" ""
add vit-rigl-fanin "RigL, constant fan-in (SRigL's structure), 10%" "$rigl sparsity.options=[constraint=fan-in]"
add vit-srigl "SRigL: constant fan-in with neuron ablation, 10%" "sparsity.recipe=srigl sparsity.density=0.1 sparsity.options=[]"
trained=("${order[@]}")
if [[ -n "$only" ]]; then
  trained=(); for name in "${order[@]}"; do [[ " $only " == *" $name "* ]] && trained+=("$name"); done
  # a fresh folder shows only what it trained; an earlier one keeps its other rows
  [[ -z "$runs_dir" ]] && order=("${trained[@]}")
fi

runs=${report_only:-${runs_dir:-"bench/results/structured-$(date -u +%Y%m%dT%H%M%SZ)"}}
revision=$(bench_revision)
if [[ -z "$report_only" ]]; then
  bench_use_best_blas_core
  mkdir -p "$runs"
  # one run at a time, so wall clocks compare; seeds outermost, so a budget cut short has every row
  for seed in $seeds; do
    for name in "${trained[@]}"; do
      echo "== $name seed $seed" >&2
      model=${name%%-*}; n=$epochs; [[ $model == vit ]] && n=$vit_epochs
      rm -rf "${runs:?}/$name-s$seed"
      # shellcheck disable=SC2086
      bench_timed "$name seed $seed" "$runs/$name-s$seed.log" ./rewire train "examples/$model-dynadiag.yaml" \
        "name=$name-s$seed" "seed=$seed" "train.runs=$runs/$name-s$seed" "train.epochs=$n" ${args[$name]}
    done
  done
fi

# the speed pass: one epoch of every MLP configuration (seed 1), rounds interleaved so that each round
# sees the machine in the same state; the table takes each configuration's fastest round
if [[ -z "$report_only" && $speed_rounds -gt 0 ]]; then
  mkdir -p "$runs/speed"
  for round in $(seq 1 "$speed_rounds"); do
    for name in "${order[@]}"; do
      [[ $name == mlp-* ]] || continue
      echo "== speed round $round: $name" >&2
      rm -rf "${runs:?}/speed/$name-r$round"
      # shellcheck disable=SC2086
      bench_logged "$name speed round $round" "$runs/speed/$name-r$round.log" ./rewire train examples/mlp-dynadiag.yaml \
        "name=$name-r$round" "seed=1" "train.runs=$runs/speed/$name-r$round" "train.epochs=1" ${args[$name]}
    done
  done
fi

# the inference pass: every configuration's trained seed-1 model predicts the training images in each round,
# rounds interleaved; `rewire predict` prints the time of the prediction call alone (no start-up, no reading)
if [[ -z "$report_only" && $infer_rounds -gt 0 ]]; then
  mkdir -p "$runs/infer"
  for round in $(seq 1 "$infer_rounds"); do
    for name in "${order[@]}"; do
      f=$(bench_run_folder "$runs/$name-s1")
      [[ -n "$f" ]] || continue
      echo "== inference round $round: $name" >&2
      bench_logged "$name inference round $round" "$runs/infer/$name-r$round.log" ./rewire predict "$f" \
        --input "$infer_input" --show 0
    done
  done
fi

# the fastest inference round of a configuration: "<examples/s>", or nothing
inference() {
  local f
  for f in "$runs"/infer/"$1"-r*.log; do
    [[ -f $f ]] && grep -o '([0-9,]* examples/s' "$f" | tr -d '(,' | cut -d' ' -f1
  done | sort -n | tail -1
}
# the inference table of one model's configurations (mlp or vit), or nothing without an inference pass
inference_table() {
  compgen -G "$runs/infer/$1-*.log" >/dev/null || return 0
  local rigl name rate ratio
  rigl=$(inference "$1-rigl")
  echo "### Inference, timed"
  echo
  echo "Each configuration's trained model (seed 1, its final checkpoint) predicts the 60,000 training images at"
  echo "batch 256 through \`rewire predict\`, which times the prediction call alone; $infer_rounds interleaved rounds, the"
  echo "fastest counts (Rewire's default threads, $(nproc) here, as in training; the JIT warms up within the call)."
  echo "The ratio is the row's speed over RigL's."
  echo
  echo "| configuration | examples/s (fastest round) | row / RigL |"
  echo "|---|---:|---:|"
  for name in "${order[@]}"; do
    [[ $name == "$1"-* ]] || continue
    rate=$(inference "$name")
    ratio=""; [[ -n $rate && -n $rigl ]] && ratio=$(jq -rn --argjson a "$rate" --argjson b "$rigl" '$a / $b * 100 | round / 100 | tostring + "x"')
    echo "| ${label[$name]} | ${rate:-not run} | $ratio |"
  done
  echo
}

# one finished run as JSON: accuracy, FLOP ratios, wall clock, and each weight layer's storage at the end
run_json() {
  jq '{acc: .summary.evaluation.accuracy, train: .summary.trainingFlopsRatio, infer: .summary.inferenceFlopsRatio,
       wall: .summary.wallClockSeconds, density: .summary.density,
       storage: (.layers | map(.representation) | if length > 4 then group_by(.) | map("\(.[0]) x\(length)") | join(", ") else join(" / ") end)}' "$1/run.json"
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
# the git revisions of the training runs under $1, each with its count of runs
run_revisions() {
  local f
  for f in "$1"/*/*/run.json; do [[ -f $f ]] && jq -r '.gitRevision' "$f"; done | sort | uniq -c \
    | awk '{printf "%s%s (%d runs)", (NR > 1 ? ", " : ""), $2, $1}'
}
# the fastest speed-pass epoch of a configuration: "<seconds> s (<examples/s>/s)", or nothing
speed() {
  local f best=""
  for f in "$runs"/speed/"$1"-r*/*/run.json; do
    [[ -f $f ]] && jq -e '.summary' "$f" >/dev/null && best+="$(jq -c '.summary | [.wallClockSeconds, .samplesPerSecond]' "$f")"
  done
  [[ -n $best ]] && jq -rs 'min_by(.[0]) | "\(.[0] * 10 | round / 10) s"' <<<"$best" || true
}
# the neurons SRigL ablated, at the last topology update of each seed's run: "fc1 12.3, ..." (means
# over seeds, layers that lost none left out), or "none"
ablated() {
  local s f
  for s in $seeds; do
    f=$(bench_run_folder "$runs/$1-s$s")
    [[ -n "$f" && -f "$f/rewire.jsonl" ]] && tail -n 1 "$f/rewire.jsonl" | jq -c '[.layers[] | {name, emptyRows}]'
  done | jq -rs 'if length == 0 then "not run" else length as $seeds | [flatten | group_by(.name)[]
      | {name: .[0].name, mean: (map(.emptyRows // 0) | add / $seeds)} | select(.mean > 0)
      | "\(.name) \(.mean * 10 | round / 10)"] | if length == 0 then "none" else join(", ") end end'
}
rigl_mean() {  # the mean accuracy of unstructured RigL on model $1, or nothing
  local r=${runs_of[$1-rigl]:-"[]"}
  [[ "$r" != "[]" ]] && mean .acc <<<"$r" || true
}
row() {
  local name=$1 all=${runs_of[$1]} rigl_mean
  if [[ "$all" == "[]" ]]; then echo "| ${label[$name]} | not run (or failed) | | | | | | |"; return; fi
  rigl_mean=$(rigl_mean "${name%%-*}")
  local gap="–"
  if [[ -n "$rigl_mean" && $name != *-rigl ]]; then
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
  echo "# Results: structured sparsity on the MLP and the ViT"
  echo
  echo "Produced by \`$command\` on $(date -u +%Y-%m-%d), $(bench_cpu_model), $(nproc) cores,"
  echo "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1), git $revision; the training runs were made at git"
  echo "$(run_revisions "$runs") (each run folder's run.json names its own). OpenBLAS kernels the runs used:"
  echo "$(bench_blas_cores_used "$runs"). Run folders (with report.html): \`$runs\`."
  echo
  echo "Issue 21's question: do structured patterns (whole diagonals, learned or rewired; constant fan-in;"
  echo "blocks; N:M) stay within about a point of unstructured sparsity at 90% while training faster? Seeds"
  echo "$seeds, one run at a time. Accuracy is the final test accuracy in percent, mean ± 95% confidence interval"
  echo "(Student t) over seeds; the gap is the mean's difference to unstructured RigL on the same model, in points."
  echo "FLOPs are relative to the dense twin (RigL's accounting; DynaDiag's layers count as dense until the freeze)."
  echo "Wall clock is the whole run's (training and the evaluation after every epoch), mean over seeds. Storage is"
  echo "each weight layer's representation at the end of the run (CSR; DIAGONAL, FAN_IN, BLOCK on their formats'"
  echo "kernels; DENSE_MASKED for a layer at or above the crossover density, such as ERK's dense head)."
  echo
  echo "## MLP 784-1000-1000-1000-10"
  echo
  echo "$epochs epochs, Adam (lr 1e-3, batch 128); every row differs from examples/mlp-dynadiag.yaml only in its sparsity."
  echo
  echo "| configuration | seeds | test accuracy (%) | gap to RigL (points) | training FLOPs | inference FLOPs | wall clock | storage (fc1 / fc2 / fc3 / fc4) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  for name in "${order[@]}"; do [[ $name == mlp-* ]] && row "$name"; done
  echo
  [[ " ${order[*]} " == *" mlp-srigl "* ]] && { echo "Neurons SRigL ablated at its last update (mean over seeds; the hidden layers hold 1000): $(ablated mlp-srigl)."; echo; }
  if compgen -G "$runs/speed/*/*/run.json" >/dev/null; then
    echo "### One epoch, timed"
    echo
    echo "The wall clocks above are single runs on a machine that other jobs shared. Here every MLP configuration"
    echo "trained one epoch (seed 1, the evaluation on the test set included) in each of $speed_rounds interleaved rounds, after"
    echo "the runs above, at git $(run_revisions "$runs/speed"); the fastest round counts, and the ratio is RigL's over the row's."
    echo
    echo "| configuration | one epoch (fastest round) | RigL / row |"
    echo "|---|---:|---:|"
    rigl_speed=$(speed mlp-rigl | sed 's/ s//')
    for name in "${order[@]}"; do
      [[ $name == mlp-* ]] || continue
      t=$(speed "$name")
      ratio=""; [[ -n $t && -n $rigl_speed ]] && ratio=$(jq -rn --argjson a "$rigl_speed" --argjson b "${t% s}" '$a / $b * 100 | round / 100 | tostring + "x"')
      echo "| ${label[$name]} | ${t:-not run} | $ratio |"
    done
    echo
  fi
  inference_table mlp
  echo "## ViT (patch 7, width 64, 4 blocks, 4 heads)"
  echo
  echo "$vit_epochs epochs, AdamW (lr 0.016 with a 200-step warm-up and cosine decay, weight decay 0.05; the dense row at"
  echo "0.004, vit-dense.yaml's); every row differs from examples/vit-dynadiag.yaml only in its sparsity. No block or"
  echo "N:M rows: the patch embedding's 49 inputs hold no whole 2x8 blocks or groups of 8."
  echo
  echo "| configuration | seeds | test accuracy (%) | gap to RigL (points) | training FLOPs | inference FLOPs | wall clock | storage (layers per representation) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  for name in "${order[@]}"; do [[ $name == vit-* ]] && row "$name"; done
  echo
  [[ " ${order[*]} " == *" vit-srigl "* ]] && { echo "Neurons SRigL ablated at its last update (mean over seeds): $(ablated vit-srigl)."; echo; }
  inference_table vit
  if [[ -f bench/results-structured-notes.md ]]; then cat bench/results-structured-notes.md; fi
} > "$out"
echo "wrote $out" >&2
