#!/usr/bin/env bash
# Trains the deep-RL comparison of issue 18 (Ma et al. 2025, module-specific sparse training) and
# writes docs/results-rl.md: SAC on the two continuous tasks with dense, uniform static sparse,
# uniform DST (RigL) and module-specific (dense encoder, RigL critic, static actor) networks at
# width x1 and x4; TD3 on one task; the architecture ablation (no layer norm, residual blocks,
# ReLU everywhere); DQN on CartPole and Acrobot as a sanity table. Sparse modules are at sparsity
# 0.6 with Erdos-Renyi budgets. Every number in the doc comes from the run folders this script makes.
#
#   bench/results-rl.sh                        the full budget (5 seeds, 50,000 updates per SAC run)
#   bench/results-rl.sh --seeds "1 2" --steps 3000 --steps-wide 3000 --wide-tasks pendulum --ablation-steps 3000
#                                              a reduced budget (the doc states whichever was used)
#   bench/results-rl.sh --steps N              SAC/TD3 updates per run at width x1 (default 50000)
#   bench/results-rl.sh --steps-wide N         SAC updates per run at width x4 (default: --steps)
#   bench/results-rl.sh --wide-tasks "a b"     tasks trained at width x4 (default "reacher pendulum")
#   bench/results-rl.sh --ablation-steps N     updates of the architecture ablation and TD3 runs (default: --steps)
#   bench/results-rl.sh --dqn-steps N          DQN updates per run (default 20000)
#   bench/results-rl.sh --seeds "1 2 3 4 5"    seeds of every configuration (default 5 seeds)
#   bench/results-rl.sh --base-width N        hidden width of every module at x1 (default 64, the examples')
#   bench/results-rl.sh --eval-every N         updates between evaluations of 10 greedy episodes (default 1000)
#   bench/results-rl.sh --jobs 2               runs trained at once, each on one kernel thread (default 2)
#   bench/results-rl.sh --only "sac-reacher-mst-x1"   only configurations whose name starts so
#   bench/results-rl.sh --out FILE             write somewhere other than docs/results-rl.md
#   bench/results-rl.sh --report-only DIR      train nothing: write the doc from the run folders in DIR
#                                              (give the same budget options as the run that made them)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_select_jdk_and_jq

report_only=""; out=docs/results-rl.md; steps=50000; steps_wide=""; wide_tasks="reacher pendulum"; ablation=""
dqn_steps=20000; seeds="1 2 3 4 5"; per_epoch=1000; jobs=2; only=""; base=64
command="bench/results-rl.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --steps) steps="$2"; shift ;;
    --steps-wide) steps_wide="$2"; shift ;;
    --wide-tasks) wide_tasks="$2"; shift ;;
    --ablation-steps) ablation="$2"; shift ;;
    --dqn-steps) dqn_steps="$2"; shift ;;
    --seeds) seeds="$2"; shift ;;
    --eval-every) per_epoch="$2"; shift ;;
    --base-width) base="$2"; shift ;;
    --jobs) jobs="$2"; shift ;;
    --only) only="$2"; shift ;;
    --out) out="$2"; shift ;;
    --report-only) report_only="$2"; shift ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done
steps_wide=${steps_wide:-$steps}; ablation=${ablation:-$steps}
epochs() { echo $(( ($1 + per_epoch - 1) / per_epoch )); }

# configurations: name -> example file, label, overrides
declare -A config label args
add() { local name=$1; config[$name]=$2; label[$name]=$3; shift 3; args[$name]="$*"; }
policy() {  # policy(encoder critic actor) as overrides
  echo "policy.encoder.regime=$1 policy.critic.regime=$2 policy.actor.regime=$3"
}
regimes=(dense static dst mst)
declare -A regime_label=([dense]="dense" [static]="uniform static sparse" [dst]="uniform DST (RigL)"
  [mst]="module-specific (dense encoder, DST critic, static actor)")
declare -A regime_policy=([dense]="$(policy dense dense dense)" [static]="$(policy static static static)"
  [dst]="$(policy dst dst dst)" [mst]="$(policy dense dst static)")
order=()
for task in reacher pendulum; do
  for width in 1 4; do
    [[ $width == 4 && " $wide_tasks " != *" $task "* ]] && continue
    n=$steps; [[ $width == 4 ]] && n=$steps_wide
    for regime in "${regimes[@]}"; do
      name="sac-$task-$regime-x$width"
      add "$name" "rl-sac-$task" "SAC, $task, ${regime_label[$regime]}, width x$width" \
        "train.epochs=$(epochs "$n") network.scale=$width ${regime_policy[$regime]}"
      order+=("$name")
    done
  done
done
for regime in dense mst; do
  add "td3-reacher-$regime-x1" rl-td3-reacher "TD3, reacher, ${regime_label[$regime]}, width x1" \
    "train.epochs=$(epochs "$ablation") agent.stepsPerEpoch=$(( per_epoch / 2 )) ${regime_policy[$regime]}"
  order+=("td3-reacher-$regime-x1")
done
arch="network.encoder.layerNorm network.critic.layerNorm network.actor.layerNorm"
add sac-pendulum-mst-nolayernorm rl-sac-pendulum "SAC, pendulum, module-specific, no layer norm" \
  "train.epochs=$(epochs "$ablation") $(for k in $arch; do printf '%s=false ' "$k"; done)${regime_policy[mst]}"
add sac-pendulum-mst-residual rl-sac-pendulum "SAC, pendulum, module-specific, pre-norm residual blocks (depth 3)" \
  "train.epochs=$(epochs "$ablation") network.encoder.residual=true network.critic.residual=true network.actor.residual=true network.encoder.depth=3 network.critic.depth=3 network.actor.depth=3 ${regime_policy[mst]}"
add sac-pendulum-mst-relu rl-sac-pendulum "SAC, pendulum, module-specific, ReLU in every module" \
  "train.epochs=$(epochs "$ablation") network.encoder.activation=relu network.critic.activation=relu ${regime_policy[mst]}"
order+=(sac-pendulum-mst-nolayernorm sac-pendulum-mst-residual sac-pendulum-mst-relu)
for task in cartpole acrobot; do
  for regime in dense mst; do
    add "dqn-$task-$regime" "rl-dqn-$task" "DQN, $task, ${regime_label[$regime]/, static actor/}" \
      "train.epochs=$(epochs "$dqn_steps") ${regime_policy[$regime]}"
    order+=("dqn-$task-$regime")
  done
done
if [[ -n "$only" ]]; then
  kept=(); for name in "${order[@]}"; do for p in $only; do [[ $name == "$p"* ]] && kept+=("$name") && break; done; done
  order=("${kept[@]}")
fi

runs=${report_only:-"bench/results/rl-$(date -u +%Y%m%dT%H%M%SZ)"}
mkdir -p "$runs"
[[ -z "$report_only" ]] && ./rewire recipes >/dev/null  # builds once before runs start in parallel
[[ -z "$report_only" ]] && bench_use_best_blas_core
train() {
  local name=$1 seed=$2
  # shellcheck disable=SC2086
  REWIRE_THREADS=1 bench_timed "$name seed $seed" "$runs/$name-s$seed.log" ./rewire train "examples/${config[$name]}.yaml" \
    "name=$name-s$seed" "seed=$seed" "train.runs=$runs/$name-s$seed" "agent.stepsPerEpoch=$per_epoch" \
    "env.evalEpisodes=10" "train.logEvery=100" "diagnostics.every=$per_epoch" "network.encoder.width=$base" \
    "network.critic.width=$base" "network.actor.width=$base" ${args[$name]}
}
# train the narrow configurations of every kind first and the wide ones last, so a budget cut short
# still has every table
run_order=(); for name in "${order[@]}"; do [[ $name != *-x4 ]] && run_order+=("$name"); done
for name in "${order[@]}"; do [[ $name == *-x4 ]] && run_order+=("$name"); done
for seed in $seeds; do
  for name in "${run_order[@]}"; do
    [[ -n "$report_only" ]] && break 2
    bench_wait_for_slot "$jobs"
    echo "== $name seed $seed" >&2
    train "$name" "$seed" &
  done
done
wait

folder() { bench_run_folder "$runs/$1"; }
# one finished run as JSON: final return (last evaluation), area under the curve (mean of every
# evaluation's return), FLOP ratios (training from run.json; inference of the acting path from the
# last evaluation), wall clock, env steps and the last training line's module densities
run_json() {
  local f=$1
  jq -s --slurpfile r "$f/run.json" '[.[] | select(.split == "greedy episodes")] as $e
    | [.[] | select(.split == "train")][-1] as $t | {
      final: $e[-1].return, auc: ($e | map(.return) | add / length), envSteps: $e[-1].envSteps,
      train: $r[0].summary.trainingFlopsRatio, infer: ($e[-1].inferenceFlops / $e[-1].denseInferenceFlops),
      wall: $r[0].summary.wallClockSeconds, dormant: $t.dormantCritic, rank: $t.featureRank,
      densities: [$t.densityEncoder, $t.densityCritic, ($t.densityActor // null)] }' "$f/metrics.jsonl"
}
row() {
  local name=$1 files=() f s
  for s in $seeds; do
    f=$(folder "$name-s$s")
    [[ -n "$f" && -f "$f/run.json" ]] && jq -e '.summary' "$f/run.json" >/dev/null && files+=("$f")
  done
  if (( ${#files[@]} == 0 )); then echo "| ${label[$name]} | not run (or failed) | | | | | | |"; return; fi
  local all
  all=$(for f in "${files[@]}"; do run_json "$f"; done | jq -s .)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "${label[$name]}" \
    "$(jq '.[].final' <<<"$all" | bench_ci)" "$(jq '.[].auc' <<<"$all" | bench_ci)" \
    "$(jq -r 'map(.train) | add / length * 1000 | round / 1000' <<<"$all")" \
    "$(jq -r 'map(.infer) | add / length * 1000 | round / 1000' <<<"$all")" \
    "$(jq -r 'map(.wall) | add / length | round | tostring + " s"' <<<"$all")" \
    "$(jq -r '.[0].densities | map(select(. != null) | . * 100 | round | tostring + "%") | join(" / ")' <<<"$all")" \
    "$(jq -r 'map(.envSteps) | add / length | round' <<<"$all")"
}
table() {
  echo "| configuration | final return | area under the curve | training FLOPs | inference FLOPs | wall clock | density (enc / critic / actor) | env steps |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for name in "$@"; do
    [[ " ${order[*]} " == *" $name "* ]] && row "$name"
  done
  echo
}
{
  echo "# Results: deep RL with module-specific sparse training"
  echo
  echo "Produced by \`$command\` on $(date -u +%Y-%m-%d), $(bench_cpu_model),"
  echo "$(nproc) cores shared with other jobs, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), git $(git rev-parse --short HEAD)."
  echo "OpenBLAS kernels the runs used: $(bench_blas_cores_used "$runs"). Run folders (with report.html): \`$runs\`."
  echo
  echo "Budget: seeds $seeds; base width $base (x4 = $(( 4 * base )) units per hidden layer in every module); SAC $steps"
  echo "updates per run at width x1 and $steps_wide at x4 (x4 on: $wide_tasks);"
  echo "TD3 and the architecture ablation $ablation; DQN $dqn_steps. A training step is one environment step and"
  echo "one update of every module (TD3: two of the critic's and encoder's, one of the actor's); the first step also"
  echo "plays the configuration's random start steps. Evaluation: 10 greedy episodes every $per_epoch updates."
  echo "Final return = the last evaluation's mean return, mean ± 95% confidence interval (Student t) over seeds;"
  echo "area under the curve = the mean of every evaluation's return (higher is better, same scale as the return)."
  echo "FLOPs relative to the dense twin on the same batches: training from \`FlopCounter\` (RigL's accounting; acting,"
  echo "target networks and the critic inside the actor's loss counted as forward passes), inference of choosing one"
  echo "action (encoder state network and actor, or DQN's critic). Densities are the modules' at the end of training."
  echo
  echo "## SAC: regimes and width"
  echo
  table $(for t in reacher pendulum; do for w in 1 4; do for r in "${regimes[@]}"; do echo "sac-$t-$r-x$w"; done; done; done)
  echo "## TD3"
  echo
  table td3-reacher-dense-x1 td3-reacher-mst-x1
  echo "## Architecture ablation (SAC, pendulum, module-specific; the default is ELU and layer norm in the encoder"
  echo "and critic, ReLU and layer norm in the actor, no residual blocks)"
  echo
  table sac-pendulum-mst-x1 sac-pendulum-mst-nolayernorm sac-pendulum-mst-residual sac-pendulum-mst-relu
  echo "## DQN sanity table"
  echo
  table dqn-cartpole-dense dqn-cartpole-mst dqn-acrobot-dense dqn-acrobot-mst
  echo "Overrides per configuration (beside \`seed\`, \`agent.stepsPerEpoch=$per_epoch\`, \`env.evalEpisodes=10\`,"
  echo "\`network.<module>.width=$base\`):"
  echo
  for name in "${order[@]}"; do echo "- \`$name\`: \`examples/${config[$name]}.yaml ${args[$name]}\`"; done
  if [[ -f bench/results-rl-notes.md ]]; then echo; cat bench/results-rl-notes.md; fi
} >"$out"
echo "wrote $out" >&2
