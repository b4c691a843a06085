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
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/jdk.sh
rewire_select_jdk
rewire_ensure_package jq /usr/bin/jq required

out=docs/results-gpt.md; extra=(); names=(); runs=; reuse=
command="bench/results-gpt.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --steps) extra+=("train.epochs=1" "data.stepsPerEpoch=$2" "train.evalEvery=$2"); shift ;;
    --out) out="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --reuse) reuse="$2"; shift ;;
    -*) echo "unknown option: $1 (see the header of $0)" >&2; exit 2 ;;
    *) names+=("$1") ;;
  esac
  shift
done
[[ ${#names[@]} -eq 0 ]] && names=(dense mst chtss rigl)

# MST's phases (examples/gpt-mst.yaml): warm-up to 10% of the run, restoration from 90%
warm_end=0.1; restore_start=0.9
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
  ${RUNNER:-} ./rewire train ${args[$name]} "train.runs=$runs/$name" "${extra[@]}" >"$runs/$name.log" 2>&1 \
    || { echo "$name failed, see $runs/$name.log" >&2; tail -3 "$runs/$name.log" >&2; }
done

folder() { ls -d "$runs/$1"/*/ 2>/dev/null | head -1; }
field() { local f; f=$(folder "$1"); [[ -n "$f" && -f "$f/run.json" ]] && jq -r ".summary.$2 // empty" "$f/run.json"; }
# seconds of training (evaluations excluded) between steps $2 and $3 of run $1, from metrics.jsonl
phase() {
  local f; f=$(folder "$1"); [[ -n "$f" ]] || return 0
  jq -r 'select(.elapsedSeconds != null) | "\(.step) \(.split) \(.elapsedSeconds)"' "$f/metrics.jsonl" | awk -v a="$2" -v b="$3" '
    $2 == "train" { t[$1] = $3; if ($1 <= a && $1 > la) { la = $1 }; if ($1 <= b && $1 > lb) { lb = $1 } }
    $2 != "train" { v[$1] = $3 }
    END { s = t[lb] - t[la]; for (k in v) if (k + 0 >= la && k + 0 < lb && (k in t)) s -= v[k] - t[k]; printf "%.1f", s }'
}
steps=$(field dense steps); [[ -z "$steps" ]] && steps=$(field mst steps); steps=${steps:-2000}
w=$(awk -v s="$steps" -v f="$warm_end" 'BEGIN { printf "%d", s * f }')
r=$(awk -v s="$steps" -v f="$restore_start" 'BEGIN { printf "%d", s * f }')

row() { # name label
  local loss ratio wall
  loss=$(field "$1" testLoss); ratio=$(field "$1" trainingFlopsRatio); wall=$(field "$1" wallClockSeconds)
  if [[ -z "$loss" ]]; then echo "| $2 | not run | | | | | | |"; return; fi
  awk -v l="$2" -v loss="$loss" -v r="$ratio" -v f="$(field "$1" trainingFlops)" -v wall="$wall" \
      -v p1="$(phase "$1" 0 "$w")" -v p2="$(phase "$1" "$w" "$r")" -v p3="$(phase "$1" "$r" "$steps")" \
      'BEGIN { printf "| %s | %.4f | %.3g | %.3f (%.2fx fewer) | %.0f | %s | %s | %s |\n", l, loss, f, r, 1 / r, wall, p1, p2, p3 }'
}
verdict() { awk "BEGIN { print (($1) ? \"met\" : \"missed\") }"; }

dense=$(field dense testLoss); mst=$(field mst testLoss); mstr=$(field mst trainingFlopsRatio)
{
  echo "# Results: character-level GPT on Shakespeare, dense and sparse"
  echo
  echo "Produced by \`$command\` on $(date -u +%Y-%m-%d), $(lscpu | sed -n 's/^Model name: *//p' | head -1),"
  echo "$(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), git $(git rev-parse --short HEAD)."
  echo "Run folders (with report.html and plots): \`$runs\`$([[ ${#reused[@]} -gt 0 ]] && echo " (${reused[*]} copied from the earlier \`$reuse\`, not rerun)")."
  echo "Model and optimizer: nanoGPT's CPU baseline"
  echo "(\`examples/gpt-shakespeare.yaml\`: 4 layers, 4 heads, width 128, block 64, batch 12, $steps iterations,"
  echo "AdamW lr 1e-3 -> 1e-4 cosine after 100 warm-up steps, clipping 1.0, no dropout), seed 1337 for every run."
  echo "Validation loss: mean cross-entropy (nats per character) over the same 100 random blocks of 12 x 64"
  echo "characters of the last 10% of the text, after the last step. Training FLOPs: RigL's accounting"
  echo "(\`FlopCounter\`: forward, input gradient and weight gradient of every linear layer at its current"
  echo "density, the dense weight gradient on gradient-growth update steps, Cannistraci-Hebb scoring as overhead)"
  echo "plus attention scores and mixing counted from the (query, key) pairs actually scored, 12d FLOPs per pair,"
  echo "layer and sequence forward and backward (dense causal attention: all T^2 pairs of its GEMMs; MST's sparse"
  echo "attention: only the pairs its pattern allows, computed by \`SparseAttentionOps\`), and the tied output head;"
  echo "ratio to the dense twin (dense causal attention) on the same steps."
  echo "Wall clock: whole run including evaluations and the final checkpoint; phase columns: training time"
  echo "without evaluations over MST's step ranges [0, $w), [$w, $r), [$r, $steps), for every run, so the"
  echo "ultra-sparse phase can be compared with the same steps of the dense run."
  echo
  echo "| run | val loss | training FLOPs | vs dense | wall clock (s) | steps 0-$w (s) | steps $w-$r (s) | steps $r-$steps (s) |"
  echo "|---|---|---|---|---|---|---|---|"
  row dense "dense (nanoGPT baseline)"
  row mst "MST (density 1 -> 0.06 -> restore, mixed growing, hybrid sparse attention)"
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
  if [[ -n "$(phase mst "$w" "$r")" && -n "$(phase dense "$w" "$r")" ]]; then
    echo "| MST's ultra-sparse phase faster in wall clock than the same steps dense | $(phase mst "$w" "$r") s vs $(phase dense "$w" "$r") s | $(verdict "$(phase mst "$w" "$r") < $(phase dense "$w" "$r")") |"
  fi
} >"$out"
cat "$out"
