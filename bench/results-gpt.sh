#!/usr/bin/env bash
# Trains the character-level GPT on Shakespeare densely (nanoGPT's CPU baseline) and with three
# sparse recipes at about the same training-FLOP budget -- Mixed Sparsity Training (MST), CHTss and
# RigL -- with fixed seeds, then writes docs/results-gpt.md: validation loss, training FLOPs,
# wall clock (total and per MST phase) and the issue's targets with met/missed.
#
#   bench/results-gpt.sh                    all four runs (a few minutes each on 2 cores)
#   bench/results-gpt.sh dense mst          only these runs (the others' rows say "not run")
#   bench/results-gpt.sh --steps 100 ...    train every run for 100 steps (pipeline check)
#   bench/results-gpt.sh --out FILE         write somewhere other than docs/results-gpt.md
#   bench/results-gpt.sh --runs DIR         write the table from the finished runs in DIR (no training)
#   bench/results-gpt.sh --reuse DIR mst    train only mst; copy the other runs' folders from the earlier DIR
#                                           (e.g. an unchanged dense run), so every row is still measured
#   RUNNER=/work/timed bench/results-gpt.sh runs each training under that command (HEAVY=... the build)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_select_jdk_and_jq
revision=$(bench_revision)  # before the runs: the revision they measure

out=docs/results-gpt.md; extra=(); names=(); runs=; reuse=
command="bench/results-gpt.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --steps) extra+=("train.epochs=1" "data.stepsPerEpoch=$2" "train.evalEvery=$2"); shift ;;
    --out) out="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --reuse) reuse="$2"; shift ;;
    -*) bench_unknown_option "$1" ;;
    *) names+=("$1") ;;
  esac
  shift
done
[[ ${#names[@]} -eq 0 ]] && names=(dense mst chtss rigl)

# MST's phases (examples/gpt-mst.yaml): dense warm-up for the first 2% of its 5000 iterations, restoration from 95%
warm_end=0.02; restore_start=0.95
mst_label="MST (5000 iterations; density 1 -> 0.055 at step 100, held, restored from step 4750 to 0.3; mixed growing; local sparse attention)"
declare -A args=(
  [dense]="examples/gpt-shakespeare.yaml name=gpt-dense"
  [mst]="examples/gpt-mst.yaml"
  [chtss]="examples/gpt-shakespeare.yaml name=gpt-chtss sparsity.recipe=chtss sparsity.density=0.1 sparsity.options=[initialDensity=0.25]"
  [rigl]="examples/gpt-shakespeare.yaml name=gpt-rigl sparsity.recipe=rigl sparsity.density=0.15"
)
train=true
if [[ -n "$runs" ]]; then train=false; else runs="bench/results/gpt-runs-$(date -u +%Y%m%dT%H%M%SZ)"; fi
mkdir -p "$runs"
$train && ${HEAVY:-} ./rewire info >/dev/null   # builds once, outside the timed runs
$train && bench_use_best_blas_core
reused=()
if [[ -n "$reuse" ]]; then
  for name in dense mst chtss rigl; do
    [[ " ${names[*]} " == *" $name "* || ! -d "$reuse/$name" ]] && continue
    cp -r "$reuse/$name" "$runs/$name"; reused+=("$name")
  done
fi
for name in "${names[@]}"; do
  $train || break
  [[ -n "${args[$name]:-}" ]] || { echo "unknown run $name (known: ${!args[*]})" >&2; exit 2; }
  echo "== $name" >&2
  # shellcheck disable=SC2086
  bench_logged "$name" "$runs/$name.log" ${RUNNER:-} ./rewire train ${args[$name]} "train.runs=$runs/$name" "${extra[@]}"
done

folder() { bench_run_folder "$runs/$1"; }
# summary field $2 of run $1's run.json (a path such as evaluation.loss), or empty
field() { local f; f=$(folder "$1"); if [[ -n "$f" && -f "$f/run.json" ]]; then jq -r ".summary.$2 // empty" "$f/run.json"; fi; }
# milliseconds per training step (evaluations excluded) between steps $2 and $3 of run $1, from metrics.jsonl
phase() {
  local f; f=$(folder "$1"); [[ -n "$f" ]] || return 0
  jq -r 'select(.elapsedSeconds != null) | "\(.step) \(.split) \(.elapsedSeconds)"' "$f/metrics.jsonl" | awk -v a="$2" -v b="$3" '
    $2 == "train" { t[$1] = $3; if ($1 <= a && $1 > la) { la = $1 }; if ($1 <= b && $1 > lb) { lb = $1 } }
    $2 != "train" { v[$1] = $3 }
    END { s = t[lb] - t[la]; for (k in v) if (k + 0 >= la && k + 0 < lb && (k in t)) s -= v[k] - t[k];
          if (lb > la) printf "%.1f", 1000 * s / (lb - la) }'
}
# step $2 (a fraction of the run) of run $1
at() { awk -v s="$(field "$1" steps)" -v f="$2" 'BEGIN { printf "%d", s * f }'; }
ultra() { phase "$1" "$(at "$1" "$warm_end")" "$(at "$1" "$restore_start")"; }
dense_steps=$(field dense steps); dense_steps=${dense_steps:-2000}
# training FLOPs of run $1 over those of the dense run (or, without it, its dense twin scaled to dense_steps)
ratio() {
  local f d s; f=$(field "$1" trainingFlops); d=$(field dense trainingFlops)
  [[ -n "$f" ]] || return 0
  if [[ -n "$d" ]]; then awk -v a="$f" -v b="$d" 'BEGIN { print a / b }'; return; fi
  d=$(field "$1" denseTrainingFlops); s=$(field "$1" steps)
  awk -v a="$f" -v b="$d" -v s="$s" -v n="$dense_steps" 'BEGIN { print a / (b / s * n) }'
}

row() { # name label
  local loss wall
  loss=$(field "$1" evaluation.loss); wall=$(field "$1" wallClockSeconds)
  if [[ -z "$loss" ]]; then echo "| $2 | not run | | | | | | | |"; return; fi
  awk -v l="$2" -v it="$(field "$1" steps)" -v loss="$loss" -v r="$(ratio "$1")" -v f="$(field "$1" trainingFlops)" \
      -v wall="$wall" -v p1="$(phase "$1" 0 "$(at "$1" "$warm_end")")" -v p2="$(ultra "$1")" \
      -v p3="$(phase "$1" "$(at "$1" "$restore_start")" "$(field "$1" steps)")" \
      'BEGIN { printf "| %s | %d | %.4f | %.3g | %.3f (%.2fx fewer) | %.0f | %s | %s | %s |\n", l, it, loss, f, r, 1 / r, wall, p1, p2, p3 }'
}
verdict() { awk "BEGIN { print (($1) ? \"met\" : \"missed\") }"; }

dense=$(field dense evaluation.loss); mst=$(field mst evaluation.loss); mstr=$(ratio mst)
{
  echo "# Results: character-level GPT on Shakespeare, dense and sparse"
  echo
  echo "Produced by \`$command\` on $(date -u +%Y-%m-%d), $(bench_machine), git $($train && echo "$revision" || bench_run_revisions "$runs")."
  echo "OpenBLAS kernels the runs used: $(bench_blas_cores_used "$runs") (the script sets this CPU's best, bench/blas-core.sh)."
  echo "Run folders (with report.html and plots): \`$runs\`$([[ ${#reused[@]} -gt 0 ]] && echo " (${reused[*]} copied from the earlier \`$reuse\`, git $(bench_run_revisions "$reuse"), not rerun)")."
  echo "Model and optimizer: nanoGPT's CPU baseline"
  echo "(\`examples/gpt-shakespeare.yaml\`: 4 layers, 4 heads, width 128, block 64, batch 12, $dense_steps iterations,"
  echo "AdamW lr 1e-3 -> 1e-4 cosine after 100 warm-up steps, clipping 1.0, no dropout), seed 1337 for every run."
  echo "Validation loss: mean cross-entropy (nats per character) over the same 100 random blocks of 12 x 64"
  echo "characters of the last 10% of the text, after the last step. Training FLOPs: RigL's accounting"
  echo "(\`FlopCounter\`: forward, input gradient and weight gradient of every linear layer at its current"
  echo "density, the dense weight gradient on gradient-growth update steps, Cannistraci-Hebb scoring as overhead)"
  echo "plus attention scores and mixing counted from the (query, key) pairs actually scored, 12d FLOPs per pair,"
  echo "layer and sequence forward and backward (dense causal attention: all T^2 pairs of its GEMMs; MST's sparse"
  echo "attention: only the pairs its pattern allows, computed by \`SparseAttentionOps\`), and the tied output head;"
  echo "\"vs dense\" is the ratio to the training FLOPs of the dense run (its $dense_steps iterations), also for"
  echo "runs that train longer at lower density."
  echo "Wall clock: whole run including evaluations and the final checkpoint; phase columns: milliseconds per"
  echo "training step without evaluations over MST's phases as fractions of each run's iterations, [0, $warm_end),"
  echo "[$warm_end, $restore_start), [$restore_start, 1), for every run, so the ultra-sparse phase can be compared with"
  echo "the same part of the dense run."
  echo
  echo "| run | iterations | val loss | training FLOPs | vs dense | wall clock (s) | warm-up (ms/step) | ultra-sparse (ms/step) | restoration (ms/step) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  row dense "dense (nanoGPT baseline)"
  row mst "$mst_label"
  row chtss "CHTss (sigmoid 0.25 -> 0.10, CH2-L3n growth)"
  row rigl "RigL (ERK, density 0.15)"
  echo
  echo "## Targets (issue 6)"
  echo
  echo "| target | measured | verdict |"
  echo "|---|---|---|"
  if [[ -n "$dense" ]]; then echo "| dense val loss <= 1.92 | $(printf %.4f "$dense") | $(verdict "$dense <= 1.92") |"; fi
  if [[ -n "$mstr" ]]; then echo "| MST with >= 4x fewer training FLOPs | $(awk -v r="$mstr" 'BEGIN { printf "%.2fx", 1 / r }') | $(verdict "1 / $mstr >= 4") |"; fi
  if [[ -n "$mst" && -n "$dense" ]]; then
    echo "| MST val loss within 0.03 of dense | $(awk -v a="$mst" -v b="$dense" 'BEGIN { printf "%+.4f", a - b }') | $(verdict "$mst - $dense <= 0.03") |"
  fi
  if [[ -n "$(ultra mst)" && -n "$(ultra dense)" ]]; then
    echo "| MST's ultra-sparse phase faster in wall clock per step than the same part of the dense run | $(ultra mst) vs $(ultra dense) ms/step | $(verdict "$(ultra mst) < $(ultra dense)") |"
  fi
  if [[ -f bench/results-gpt-notes.md ]]; then echo; cat bench/results-gpt-notes.md; fi
} >"$out"
cat "$out"
