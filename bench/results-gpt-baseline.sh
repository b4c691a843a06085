#!/usr/bin/env bash
# The dense GPT baseline against its reference on the same evaluation (issue 22): Rewire's dense
# character-level GPT (examples/gpt-shakespeare.yaml, nanoGPT's CPU configuration) and the same model
# and recipe in PyTorch (bench/peer/torch_gpt_train.py) are trained with the same seeds, then each is
# scored three ways on the validation split: nanoGPT's 20-batch estimate (what its README quotes), a
# 200-batch estimate, and the whole split (every block once: an exact figure both sides compute
# alike). Rewire's own validation pass (100 fixed random batches) is shown beside them. Writes
# docs/results-gpt-baseline.md.
#
#   bench/results-gpt-baseline.sh                    seeds 1337 1 2, both sides, two runs at a time, one
#                                                    thread each (about 20 minutes on 2 cores)
#   bench/results-gpt-baseline.sh --seeds "1337"     other seeds
#   bench/results-gpt-baseline.sh --steps 50         train 50 iterations instead of 2000 (a pipeline check)
#   bench/results-gpt-baseline.sh --runs DIR         train into DIR, keeping the runs already there
#   bench/results-gpt-baseline.sh --report-only DIR  rewrite the doc from DIR
#   bench/results-gpt-baseline.sh --out FILE         write somewhere other than docs/results-gpt-baseline.md
set -euo pipefail
. "$(dirname "$0")/common.sh"
bench_select_jdk_and_jq

seeds="1337 1 2"; steps=""; runs_dir=""; report_only=""; out=docs/results-gpt-baseline.md
command="bench/results-gpt-baseline.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seeds) seeds="$2"; shift ;;
    --steps) steps="$2"; shift ;;
    --runs) runs_dir="$2"; shift ;;
    --report-only) report_only="$2"; shift ;;
    --out) out="$2"; shift ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done
config=examples/gpt-shakespeare.yaml
runs=${report_only:-${runs_dir:-bench/results/gpt-baseline-$(date -u +%Y%m%dT%H%M%SZ)}}

# rewire_side SEED: trains Rewire's dense GPT, then scores its last checkpoint each way into rewire-sSEED.json
rewire_side() {
  local s=$1 dir="$runs/rewire-s$1" folder
  if [[ -z $(bench_run_folder "$dir") ]] || ! jq -e .summary "$(bench_run_folder "$dir")/run.json" >/dev/null 2>&1; then
    rm -rf "$dir"
    REWIRE_THREADS=1 bench_timed "rewire seed $s" "$runs/rewire-s$s.log" ./rewire train "$config" "seed=$s" \
      "train.runs=$dir" ${steps:+"train.epochs=1" "data.stepsPerEpoch=$steps" "train.evalEvery=$steps"}
  fi
  folder=$(bench_run_folder "$dir")
  # the loss line of `rewire eval`: "  validation loss  1.9158"
  score() { REWIRE_THREADS=1 ./rewire eval "$folder" "$@" | sed -n 's/^ *validation loss *//p'; }
  jq -n --argjson seed "$s" --arg own "$(jq '.summary.evaluation.loss' "$folder/run.json")" \
    --arg e20 "$(score data.evalBatches=20)" --arg e200 "$(score data.evalBatches=200)" \
    --arg whole "$(score data.evalBlocks=all)" --arg secs "$(jq '.summary.wallClockSeconds' "$folder/run.json")" \
    '{side: "rewire", seed: $seed, own100: ($own | tonumber), estimate20: ($e20 | tonumber),
      estimate200: ($e200 | tonumber), whole: ($whole | tonumber), wallClock: ($secs | tonumber)}' > "$runs/rewire-s$s.json"
}

# torch_side SEED: the PyTorch reference into torch-sSEED.json
torch_side() {
  local s=$1 tmp_config absolute
  [[ -s "$runs/torch-s$s.json" ]] && return 0
  tmp_config=$config
  if [[ -n $steps ]]; then
    tmp_config="$runs/steps-config.yaml"
    sed -e "s/^  stepsPerEpoch: .*/  stepsPerEpoch: $steps/" -e "s/^  epochs: .*/  epochs: 1/" \
      -e "s|^  text: data/|  text: $PWD/examples/data/|" "$config" > "$tmp_config"
  fi
  absolute=$(realpath "$tmp_config")
  (cd bench/peer && /usr/bin/python3 torch_gpt_train.py --config "$absolute" --seed "$s" --threads 1) > "$runs/torch-s$s.json.tmp" 2> "$runs/torch-s$s.log" \
    && mv "$runs/torch-s$s.json.tmp" "$runs/torch-s$s.json" || { echo "torch seed $s failed, see $runs/torch-s$s.log" >&2; tail -3 "$runs/torch-s$s.log" >&2; }
}

if [[ -z $report_only ]]; then
  /usr/bin/python3 -c "import torch" 2>/dev/null || rewire_ensure_package python3-torch /usr/lib/python3/dist-packages/torch/__init__.py required
  bench_use_best_blas_core
  mkdir -p "$runs"
  ./rewire --version >/dev/null  # builds once, before the parallel runs
  for s in $seeds; do
    bench_wait_for_slot 2; rewire_side "$s" &
    bench_wait_for_slot 2; torch_side "$s" &
  done
  wait
fi

all=$(cat "$runs"/rewire-s*.json "$runs"/torch-s*.json 2>/dev/null | jq -s .)
[[ $(jq length <<<"$all") -gt 0 ]] || { echo "no finished runs under $runs" >&2; exit 1; }
cell() {  # cell SIDE KEY: mean ± interval over the seeds, then the seeds' values
  jq -r --arg side "$1" --arg key "$2" "$BENCH_JQ_CI"'map(select(.side == $side and .[$key] != null))
    | if length == 0 then "| |" else
      "\(map(.[$key]) | ci_to(1; 4) | sub(" \\(1 seed\\)"; "")) | \(map("\(.seed): \(.[$key] * 10000 | round / 10000)") | join(", ")) |" end' <<<"$all"
}
{
  echo "# Results: the dense GPT against its PyTorch reference, on the same evaluation"
  echo
  echo "Generated by \`bench/results-gpt-baseline.sh\`; do not edit by hand."
  echo
  echo "- Command: \`$command\`; runs in \`$runs\`"
  echo "- Git: $(bench_run_revisions "$runs"); $(date -u +%Y-%m-%d), $(bench_cpu_model), $(nproc) cores; PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)' 2>/dev/null || echo '?')"
  echo "- Both sides: \`$config\` (nanoGPT's CPU configuration: 4 layers, 4 heads, width 128, block 64, batch 12,"
  echo "  ${steps:-2000} iterations, AdamW lr 1e-3 -> 1e-4 cosine after 100 warm-up steps, beta2 0.99, weight decay 0.1, clipping 1,"
  echo "  no dropout), seeds $seeds; Rewire \`./rewire train $config seed=S\`, PyTorch \`bench/peer/torch_gpt_train.py --seed S\`"
  echo "  (nanoGPT's model and recipe; each side its own initial weights and batches)."
  echo "- Validation loss in nats per character after the last iteration, mean ± 95% interval (Student t) over the seeds."
  echo "  20 / 200 batches: the mean loss of that many batches of 12 random 64-character blocks of the validation split"
  echo "  (nanoGPT's \`estimate_loss\` with eval_iters 20; Rewire: \`rewire eval RUN data.evalBatches=N\`); whole split:"
  echo "  every consecutive block once, each character after the first a target once (Rewire: \`rewire eval RUN"
  echo "  data.evalBlocks=all\`; the same blocks in the PyTorch script). Rewire's own: the run's validation pass (100 random"
  echo "  batches drawn once per run), the figure docs/results-gpt.md quotes."
  echo
  echo "| evaluation | Rewire | Rewire per seed | PyTorch | PyTorch per seed |"
  echo "|---|---:|---|---:|---|"
  for key in estimate20 estimate200 whole own100; do
    label=$(case $key in estimate20) echo "20 random batches (nanoGPT's estimate)";; estimate200) echo "200 random batches";;
      whole) echo "whole validation split";; own100) echo "Rewire's own validation pass (100 batches)";; esac)
    echo "| $label | $(cell rewire "$key") $(cell torch "$key")"
  done
  echo
  if [[ -f bench/results-gpt-baseline-notes.md ]]; then echo; cat bench/results-gpt-baseline-notes.md; fi
} > "$out"
echo "wrote $out (runs in $runs)" >&2
