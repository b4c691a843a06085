#!/usr/bin/env bash
# Trains the multi-agent configurations (examples/marl-*.yaml) with fixed seeds and writes
# docs/results-marl.md: a random-policy baseline, dense QMIX and MAST-QMIX on 3m; dense QMIX (also
# with MAST's value parts), static sparse, naive RigL-QMIX and MAST-QMIX at 90% sparsity on 2s3z;
# one ablation row per MAST part.
#
#   bench/results-marl.sh                    every run with the default budgets (see below); expect 2-4
#                                            hours on 2 cores with --jobs 2, more at --updates 4000
#                                            --updates-3m 6000 (docs/results-marl.md's last run): an estimate
#                                            from the pipeline check (--updates 50: 20-45 s per run)
#   bench/results-marl.sh --updates 3000     gradient updates (= training episodes) of every 2s3z run
#   bench/results-marl.sh --updates-3m 3000  the same for the 3m runs
#   bench/results-marl.sh --eval-every 125  updates between evaluations of 16 greedy episodes (default 125)
#   bench/results-marl.sh --jobs 2           runs trained at once, each on one kernel thread (default 2)
#   bench/results-marl.sh --seed 1           the seed of every run (default 1)
#   bench/results-marl.sh --only "qmix-3m random-3m"   only these runs (the doc then shows only them)
#   bench/results-marl.sh --out FILE         write somewhere other than docs/results-marl.md
#   bench/results-marl.sh --report-only DIR  train nothing: write the doc from the run folders in DIR
#                                            (give the same budget options as the run that made them)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_select_jdk_and_jq
revision=$(bench_revision)  # before the runs: the revision they measure

report_only=""; out=docs/results-marl.md; updates=2500; updates3m=3000; jobs=2; seed=1; only=""; per_epoch=125
command="bench/results-marl.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --updates) updates="$2"; shift ;;
    --updates-3m) updates3m="$2"; shift ;;
    --jobs) jobs="$2"; shift ;;
    --eval-every) per_epoch="$2"; shift ;;
    --seed) seed="$2"; shift ;;
    --only) only="$2"; shift ;;
    --out) out="$2"; shift ;;
    --report-only) report_only="$2"; shift ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done

epochs() { echo $(( ($1 + per_epoch - 1) / per_epoch )); }
common=("seed=$seed" "learner.episodesPerEpoch=$per_epoch" "learner.evalEpisodes=16" "train.logEvery=25")
no_sm="mast.softMellowmax=false"; no_hybrid="mast.hybridTd=false"; no_dual="mast.dualBuffer=false"
rigl="sparsity.recipe=rigl"; static="sparsity.recipe=static"
declare -A config args label
add() { local name=$1; config[$name]=$2; label[$name]=$3; shift 3; args[$name]="$*"; }
add random-3m marl-3m-qmix "random policy (epsilon = 1 throughout), 3m" train.epochs=1 learner.epsilonStart=1 \
    learner.epsilonFinish=1 learner.episodesPerEpoch=100
add qmix-3m marl-3m-qmix "dense QMIX, 3m" "train.epochs=$(epochs "$updates3m")"
add mast-3m marl-3m-mast "MAST-QMIX (90%), 3m" "train.epochs=$(epochs "$updates3m")"
add qmix-2s3z marl-2s3z-qmix "dense QMIX, 2s3z" "train.epochs=$(epochs "$updates")"
add dense-mast-2s3z marl-2s3z-mast "dense QMIX with MAST's value parts (SM, hybrid TD(lambda), dual buffer), 2s3z" \
    "train.epochs=$(epochs "$updates")" sparsity.recipe=dense
add static-2s3z marl-2s3z-qmix "static sparse QMIX (90%), 2s3z" "train.epochs=$(epochs "$updates")" "$static" \
    sparsity.density=0.1 "sparsity.options=[distribution=uniform]"
add rigl-2s3z marl-2s3z-mast "naive RigL-QMIX (90%), 2s3z" "train.epochs=$(epochs "$updates")" "$no_sm" "$no_hybrid" \
    "$no_dual"
add mast-2s3z marl-2s3z-mast "MAST-QMIX (90%), 2s3z" "train.epochs=$(epochs "$updates")"
add mast-no-sm-2s3z marl-2s3z-mast "MAST-QMIX without soft mellowmax (double Q), 2s3z" \
    "train.epochs=$(epochs "$updates")" "$no_sm"
add mast-no-hybrid-2s3z marl-2s3z-mast "MAST-QMIX without hybrid TD(lambda) (one-step), 2s3z" \
    "train.epochs=$(epochs "$updates")" "$no_hybrid"
add mast-no-dual-2s3z marl-2s3z-mast "MAST-QMIX without the dual buffer, 2s3z" "train.epochs=$(epochs "$updates")" \
    "$no_dual"
order=(random-3m qmix-3m mast-3m qmix-2s3z dense-mast-2s3z static-2s3z rigl-2s3z mast-2s3z mast-no-sm-2s3z
       mast-no-hybrid-2s3z mast-no-dual-2s3z)
[[ -n "$only" ]] && read -r -a order <<<"$only"

runs=${report_only:-"bench/results/marl-$(date -u +%Y%m%dT%H%M%SZ)"}
mkdir -p "$runs"
[[ -z "$report_only" ]] && ./rewire recipes >/dev/null  # builds once before runs start in parallel
[[ -z "$report_only" ]] && bench_use_best_blas_core
train() {
  local name=$1
  # shellcheck disable=SC2086
  REWIRE_THREADS=1 bench_timed "$name" "$runs/$name.log" ./rewire train "examples/${config[$name]}.yaml" "name=$name" \
    "train.runs=$runs/$name" "${common[@]}" ${args[$name]}
}
for name in "${order[@]}"; do
  [[ -n "$report_only" ]] && break
  bench_wait_for_slot "$jobs"
  echo "== $name" >&2
  train "$name" &
done
wait

folder() { bench_run_folder "$runs/$1"; }
# the test lines of a run's metrics as JSON arrays: win rates, returns, env steps
tests() { jq -s '[.[] | select(.split == "test")]' "$(folder "$1")metrics.jsonl"; }
row() {
  local name=$1 f t
  f=$(folder "$name")
  if [[ -z "$f" || ! -f "$f/run.json" ]] || ! jq -e '.summary' "$f/run.json" >/dev/null; then
    echo "| ${label[$name]} | not finished (or failed) | | | | | | | |"; return
  fi
  t=$(tests "$name")
  if [[ $name == random-* ]]; then
    # every training line averages the last 20 episodes; average those
    jq -r --arg l "${label[$name]}" -s '[.[] | select(.split == "train")] as $x | ($x | length) as $n |
      "| \($l) | \($x | map(.winRate) | add / $n * 100 | round)% (training episodes) | | | \($x | map(.return) | add / $n * 100 | round / 100) | \($x[-1].envSteps) | | | |"' \
      "$f/metrics.jsonl"
    return
  fi
  jq -r --arg l "${label[$name]}" --argjson t "$t" '.summary as $s | ($t | length) as $n |
    ($t[-3:] | map(.winRate) | add / length) as $last | ($t | map(.winRate) | max) as $best |
    ([$t[] | select(.winRate >= 0.5) | .envSteps] | first // null) as $half |
    ($t[-3:] | map(.return) | add / length) as $ret |
    "| \($l) | \($last * 100 | round)% | \($best * 100 | round)% | \(if $half == null then "not reached" else ($half | tostring) end) | \($ret * 100 | round / 100) | \($t[-1].envSteps) | \($s.density * 1000 | round / 1000) | \($s.trainingFlopsRatio * 1000 | round / 1000) | \($s.inferenceFlopsRatio * 1000 | round / 1000) |"' \
    "$f/run.json"
}

{
  echo "# Results: value-based multi-agent RL with sparse networks (MAST)"
  echo
  echo "Produced by \`$command\` on $(date -u +%Y-%m-%d), $(bench_machine), git $([[ -z "$report_only" ]] && echo "$revision" || bench_run_revisions "$runs");"
  echo "$jobs runs trained at a time, each on one kernel thread (\`REWIRE_THREADS=1\`)."
  echo "OpenBLAS kernels the runs used: $(bench_blas_cores_used "$runs") (the script sets this CPU's best, bench/blas-core.sh)."
  echo "Environment: the SMAC-like unit-combat simulator (\`rewire.models.marl.env\`), not StarCraft II."
  echo "Configurations: \`examples/<config>.yaml\` with the overrides below; run folders (with report.html):"
  echo "\`$runs\`. Seed $seed for every run (one seed: differences of a few points are noise)."
  echo
  echo "Budget: $updates3m training episodes (= gradient updates on batches of 32 episodes) on 3m, $updates on"
  echo "2s3z; the env steps column gives what that amounted to. SMAC's published QMIX curves use 2-10"
  echo "million env steps; this budget is two to three orders of magnitude smaller, so the win rates below"
  echo "are early-training numbers, not converged ones. Evaluation: 16 greedy episodes every $per_epoch updates."
  echo "Win rate = mean of the last three evaluations; best = the best single evaluation; \"50% at\" = env"
  echo "steps of the first evaluation with a win rate of at least 50%. Return = mean greedy return of the last"
  echo "three evaluations (SMAC-scaled: 20 is the maximum). FLOPs relative to the dense twin on the same"
  echo "batches (\`FlopCounter\`, RigL's accounting, acting and target networks included as forward passes)."
  echo
  echo "| run | win rate | best | 50% at (env steps) | return | env steps | density | training FLOPs | inference FLOPs |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for name in "${order[@]}"; do row "$name"; done
  echo
  echo "Overrides per run:"
  echo
  for name in "${order[@]}"; do echo "- \`$name\`: \`examples/${config[$name]}.yaml ${common[*]} ${args[$name]}\`"; done
  if [[ -f bench/results-marl-notes.md ]]; then echo; cat bench/results-marl-notes.md; fi
} >"$out"
echo "wrote $out" >&2
