#!/usr/bin/env bash
# One-shot pruning of a dense GPT and a mixture-of-experts GPT trained on Shakespeare, then
# docs/results-prune.md: validation perplexity after magnitude, Wanda, RIA, SparseGPT, Wanda+DSnoT
# and (MoE) MoE-Pruner at 50%, 60%, 70% and 2:4 (one calibration draw); MoE-Pruner against Wanda and
# magnitude at 50% and 2:4 over three calibration draws; MoE-Pruner followed by plain fine-tuning and
# by expert-wise distillation; a sparse model soup against its ingredients; the inference speed of the
# pruned models (dense GEMMs against CSR kernels) and the time each method takes.
#
#   bench/results-prune.sh                 the full budget (about 1.5 hours on 2 free cores, more when shared):
#                                          2000 training iterations per model (the example configs), 128
#                                          calibration sequences, 250 fine-tuning steps, 100 validation batches
#   bench/results-prune.sh --steps N       a reduced budget: N training iterations per model (one cosine cycle)
#                          --tune-steps N  fine-tuning steps of the pruned runs, distillation and soup ingredients
#                          --calibration N calibration sequences
#                          --eval-batches N validation batches of each perplexity
#                          --speed-tokens N tokens per timed window of the inference speed (default 60000)
#   bench/results-prune.sh --quick         a pipeline check: --steps 60 --tune-steps 10 --calibration 8
#                                          --eval-batches 10 --speed-tokens 4000
#   bench/results-prune.sh --runs DIR      reuse DIR: steps whose run folders exist are skipped (a killed
#                                          run resumes where it stopped), the doc is written from all of DIR
#   bench/results-prune.sh --out FILE      write somewhere other than docs/results-prune.md
#   bench/results-prune.sh --runs DIR --doc-only   write the doc from DIR as it is (what has not run says so)
#
# Order, so that a stopped budget keeps what the issue's claims need: the MoE model's runs at 50% and 2:4 and
# the seeds at 50%, its fine-tuning and distillation, magnitude, Wanda and MoE-Pruner at 60% and 70%, its
# inference speed; the dense model's Wanda runs and their speed; the soup; then every other method at 60% and
# 70% and on the dense model, and the seeds at 2:4.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_select_jdk_and_jq

out=docs/results-prune.md; runs=; doc_only=false; steps=; tune_steps=; calibration=128; eval_batches=; speed_tokens=60000
command="bench/results-prune.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) steps=60; tune_steps=10; calibration=8; eval_batches=10; speed_tokens=4000 ;;
    --steps) steps="$2"; shift ;;
    --tune-steps) tune_steps="$2"; shift ;;
    --calibration) calibration="$2"; shift ;;
    --eval-batches) eval_batches="$2"; shift ;;
    --speed-tokens) speed_tokens="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --doc-only) doc_only=true ;;
    --out) out="$2"; shift ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done
if $doc_only && [[ -z "$runs" ]]; then echo "--doc-only needs --runs DIR" >&2; exit 2; fi
runs=${runs:-bench/results/prune-runs-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$runs"/{train,prune,tune,soup,speed}
train_extra=(); tune_extra=()
[[ -n "$steps" ]] && train_extra+=(train.epochs=1 "data.stepsPerEpoch=$steps" "train.evalEvery=$steps")
[[ -n "$eval_batches" ]] && train_extra+=("data.evalBatches=$eval_batches")
[[ -n "$tune_steps" ]] && tune_extra+=("data.stepsPerEpoch=$tune_steps" "train.evalEvery=$tune_steps")
reduced=false; [[ -n "$steps$tune_steps$eval_batches" || $calibration != 128 || $speed_tokens != 60000 ]] && reduced=true
started=$SECONDS
targets=(0.5 0.6 0.7 2:4)
dense_methods=(magnitude wanda ria sparsegpt wanda+dsnot)
moe_methods=(magnitude wanda ria sparsegpt wanda+dsnot moe-pruner)

folder() { bench_run_folder "$1"; }     # the run folder under $1
log() { echo "== $*" >&2; }
key() { echo "$1-$2-${3/:/of}-s$4"; }

# train NAME ARGS...: a run under $runs/train/NAME
train() {
  local name=$1; shift
  [[ -n "$(folder "$runs/train/$name")" ]] && return 0
  log "train $name"
  ./rewire train "$@" "train.runs=$runs/train/$name" "${train_extra[@]}" >"$runs/train/$name.log" 2>&1
}

# prune MODEL METHOD TARGET SEED [DIR]: `rewire prune` of the trained MODEL into DIR (default $runs/prune/KEY);
# a DIR without prune.json (a stopped prune) is pruned again
prune() {
  local model=$1 method=$2 target=$3 seed=$4 args
  local dir=${5:-$runs/prune/$(key "$@")}
  [[ -n "$(folder "$dir")" && -f "$(folder "$dir")prune.json" ]] && return 0
  rm -rf "$dir"
  args=(--method "${method%+dsnot}" --calibration "$calibration" --seed "$seed")
  [[ $method == *+dsnot ]] && args+=(--dsnot)
  if [[ $target == *:* ]]; then args+=(--nm "$target"); else args+=(--sparsity "$target"); fi
  log "prune $model $method $target seed $seed"
  ./rewire prune "$(folder "$runs/train/$model")" "${args[@]}" "train.runs=$dir" "${tune_extra[@]}" >"$dir.log" 2>&1
}

# speed MODEL: the inference speed, one thread, of the trained MODEL and its Wanda (dense) or MoE-Pruner (MoE)
# prunings, each into $runs/speed/NAME.tsv unless there
bench_jar=false
speed() {
  local method=wanda dir f target
  [[ $1 == moe ]] && method=moe-pruner
  for dir in "$runs/train/$1" $(for target in "${targets[@]}"; do echo "$runs/prune/$(key "$1" $method "$target" 0)"; done); do
    f=$(folder "$dir")
    [[ -z $f || -s "$runs/speed/$(basename "$dir").tsv" ]] && continue
    if ! $bench_jar; then ./mvnw -q -B -pl rewire-bench -am package -DskipTests >/dev/null; bench_jar=true; fi
    log "inference speed $(basename "$dir")"
    "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Drewire.threads=1 \
      -cp rewire-bench/target/benchmarks.jar rewire.bench.PrunedInference --tokens "$speed_tokens" --repeats 5 "$f" \
      2>/dev/null >"$runs/speed/$(basename "$dir").tsv"
  done
}

measure() {
  ./rewire info >/dev/null   # builds once, outside the timed runs
  bench_use_best_blas_core
  train dense examples/gpt-shakespeare.yaml name=gpt-dense
  train moe examples/gpt-moe.yaml

  local target method seed
  for target in 0.5 2:4; do
    for method in "${moe_methods[@]}"; do prune moe "$method" "$target" 0; done
  done
  for seed in 1 2; do
    for method in wanda moe-pruner; do prune moe "$method" 0.5 "$seed"; done
  done

  # MoE-Pruner at 50%, then plain fine-tuning (mask fixed) or expert-wise distillation for as many steps
  prune moe moe-pruner 0.5 0 "$runs/tune/finetune"
  if [[ $(jq -r .status "$(folder "$runs/tune/finetune")run.json") != finished ]]; then
    log "fine-tune moe-pruner 50%"
    ./rewire resume "$(folder "$runs/tune/finetune")" >"$runs/tune/finetune.log" 2>&1
  fi
  if [[ -z "$(folder "$runs/tune/distill")" ]]; then
    log "distill moe-pruner 50%"
    ./rewire distill "$(folder "$runs/prune/$(key moe moe-pruner 0.5 0)")" "train.runs=$runs/tune/distill" \
      "${tune_extra[@]}" >"$runs/tune/distill.log" 2>&1
  fi

  for target in 0.6 0.7; do
    for method in magnitude wanda moe-pruner; do prune moe "$method" "$target" 0; done
  done
  speed moe
  for target in "${targets[@]}"; do prune dense wanda "$target" 0; done
  speed dense

  # a soup of three ingredients of Wanda at 50% on the dense GPT, then one magnitude phase to 70%
  if [[ -z "$(folder "$runs/soup")" ]]; then
    log "soup"
    ./rewire soup "$(folder "$runs/prune/$(key dense wanda 0.5 0)")" --ingredients 3 --then 0.7 \
      "train.runs=$runs/soup" "${tune_extra[@]}" >"$runs/soup.log" 2>&1
  fi

  for target in 0.6 0.7; do
    for method in "${moe_methods[@]}"; do prune moe "$method" "$target" 0; done
  done
  for target in "${targets[@]}"; do
    for method in "${dense_methods[@]}"; do prune dense "$method" "$target" 0; done
  done
  for seed in 1 2; do
    for method in wanda moe-pruner; do prune moe "$method" 2:4 "$seed"; done
  done
}
$doc_only || measure

# ------------------------------------------------------------------ the doc

# each prints nothing when its run is missing, and never fails
record() { local f; f=$(folder "$runs/prune/$(key "$@")"); [[ -n "$f" && -f "${f}prune.json" ]] && cat "${f}prune.json"; true; }
ppl() { record "$@" | jq -r '.after.perplexity // empty'; }
fmt() { [[ -n "$1" ]] && printf %.3f "$1" || echo "not run"; }
perplexity_of() { # the run under $1: exp of its final validation loss
  { jq -r ".summary.evaluation.loss // empty" "$(folder "$1")run.json" 2>/dev/null || true; } | awk '{ if ($1 != "") printf "%.3f", exp($1) }'
}
dense_ppl=$(perplexity_of "$runs/train/dense"); moe_ppl=$(perplexity_of "$runs/train/moe")

table() { # MODEL METHODS...
  local model=$1; shift
  echo "| method | 50% | 60% | 70% | 2:4 |"
  echo "|---|---|---|---|---|"
  echo "| unpruned | $([[ $model == dense ]] && echo "$dense_ppl" || echo "$moe_ppl") | | | |"
  for method in "$@"; do
    printf "| %s |" "$method"
    for target in "${targets[@]}"; do printf " %s |" "$(fmt "$(ppl "$model" "$method" "$target" 0)")"; done
    echo
  done
}
seeds() { # METHOD TARGET: mean ± sample sd over the seeds that ran, then each
  local all; all=$(for s in 0 1 2; do ppl moe "$1" "$2" "$s"; done | tr '\n' ' ')
  echo "$all" | awk '{ n = NF; if (n == 0) { print "not run"; exit } for (i = 1; i <= n; i++) s += $i; m = s / n;
    for (i = 1; i <= n; i++) v += ($i - m) ^ 2; sd = n > 1 ? sqrt(v / (n - 1)) : 0;
    printf "%.3f ± %.3f (", m, sd; for (i = 1; i <= n; i++) printf "%s%.3f", (i > 1 ? ", " : ""), $i; printf ")" }'
}
mean() { for s in 0 1 2; do ppl moe "$1" "$2" "$s"; done | awk '{ s += $1; n++ } END { if (n) printf "%.4f", s / n }'; }
timing() { # MODEL METHOD: calibration and pruning seconds at 50%
  local t; t=$(record "$1" "$2" 0.5 0 | jq -r '"\(.calibrationSeconds | . * 100 | round / 100) | \(.pruneSeconds | . * 100 | round / 100)"')
  echo "${t:-not run | not run}"
}
speeds() { cat "$runs"/speed/*.tsv 2>/dev/null || true; }
tokens_per_second() { speeds | awk -F'\t' -v run="${1%/}" -v mode="$2" '$1 == run && $2 == mode { printf "%.0f", $4 }'; }
density() { speeds | awk -F'\t' -v run="${1%/}" '$1 == run { printf "%.3f", $3; exit }'; }
weights() { record "$1" magnitude 0.5 0 | jq -r '[.layers[] | .rows * .cols] | add | . / 1e6 * 100 | round / 100 | "\(.) M"'; }
verdict() { awk "BEGIN { print (($1) ? \"holds\" : \"does not hold\") }"; }
setting() { # FOLDER SECTION KEY: a value of the run's config.yaml (KEY unique within its top-level SECTION)
  awk -v s="$2:" -v k="$3:" '/^[a-z]/ { sec = $1 } sec == s && $1 == k { print $2; exit }' "$(folder "$1")config.yaml" 2>/dev/null || true
}
steps_in() { jq -r '.summary.steps // empty' "$1/run.json" 2>/dev/null || true; }   # of the run folder $1
steps_of() { steps_in "$(folder "$1")"; }                                  # of the run folder under $1
soup_json() { local f; for f in "$runs"/soup/*-soup"$1"-2*/soup.json; do [[ -f $f ]] && cat "$f"; done; true; }

{
  echo "# Results: one-shot pruning of a dense and a mixture-of-experts GPT"
  echo
  echo "Produced by \`$command\` on $(date -u +%Y-%m-%d), $(bench_cpu_model),"
  echo "$(nproc) cores shared with other jobs (load average $(cut -d' ' -f1-3 /proc/loadavg) when the doc was written),"
  echo "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1), git $(git rev-parse --short HEAD)."
  echo "Run folders: \`$runs\` (each pruned folder holds its \`prune.json\`)."
  echo
  echo "**Budget, stated plainly.** Both models are nanoGPT's CPU baseline size (4 layers, 4 heads, width 128,"
  echo "block 64, batch 12, AdamW 1e-3 -> 1e-4 cosine; \`examples/gpt-shakespeare.yaml\`, \`examples/gpt-moe.yaml\`),"
  echo "trained for $(steps_of "$runs/train/dense") (dense) and $(steps_of "$runs/train/moe") (MoE) iterations on the 1.1 MB Shakespeare corpus;"
  echo "the MoE GPT has $(setting "$runs/train/moe" model experts) expert MLPs per block behind a top-$(setting "$runs/train/moe" model topK) router. Calibration: $calibration"
  echo "sequences of 64 characters of the training text (the papers use 128 sequences of 2048 tokens of C4);"
  echo "one calibration draw (seed 0) for the big tables, three (seeds 0, 1, 2) for the MoE-Pruner comparison."
  echo "Perplexity: exp of the mean cross-entropy per character over the same $(setting "$runs/train/dense" data evalBatches) validation batches of 12 x 64"
  echo "characters (the last 10% of the text). These are character-level models of $(weights dense) (dense) and"
  echo "$(weights moe) (MoE) weights in their prunable block layers: what the papers report for 7B-141B LLMs need"
  echo "not carry over, and where it does not, the tables say so."
  if $reduced; then
    echo
    echo "**This is a reduced budget** (\`$command\`), chosen to fit a machine shared by several jobs; the full"
    echo "budget (\`bench/results-prune.sh\` without options: 2000 iterations per model, 128 calibration sequences,"
    echo "250 fine-tuning steps, 100 validation batches) was not run. Shorter training leaves the models less"
    echo "trained, and the differences between methods may not be those of the full budget."
  fi
  if ! $doc_only; then
    echo
    echo "This invocation of the script took $(( (SECONDS - started) / 60 )) minutes (steps whose run folders already existed were not repeated)."
  fi
  echo
  echo "## Dense GPT: validation perplexity after one-shot pruning"
  echo
  table dense "${dense_methods[@]}"
  echo
  echo "## MoE GPT: validation perplexity after one-shot pruning"
  echo
  table moe "${moe_methods[@]}"
  echo
  echo "## MoE GPT: MoE-Pruner against Wanda and magnitude, three calibration draws"
  echo
  echo "Mean ± sample standard deviation over calibration seeds 0, 1, 2 (each value in brackets). Magnitude"
  echo "needs no calibration, so it has one value."
  echo
  echo "| method | 50% | 2:4 |"
  echo "|---|---|---|"
  echo "| magnitude | $(fmt "$(ppl moe magnitude 0.5 0)") | $(fmt "$(ppl moe magnitude 2:4 0)") |"
  echo "| Wanda | $(seeds wanda 0.5) | $(seeds wanda 2:4) |"
  echo "| MoE-Pruner | $(seeds moe-pruner 0.5) | $(seeds moe-pruner 2:4) |"
  echo
  echo "## MoE-Pruner at 50%, then $(steps_of "$runs/tune/finetune") steps with the mask fixed"
  echo
  echo "| model | perplexity |"
  echo "|---|---|"
  echo "| unpruned MoE GPT | $moe_ppl |"
  echo "| MoE-Pruner 50%, one-shot | $(fmt "$(ppl moe moe-pruner 0.5 0)") |"
  echo "| + fine-tuning (cross-entropy only) | $(fmt "$(perplexity_of "$runs/tune/finetune")") |"
  echo "| + expert-wise distillation (cross-entropy + lambda · Σ expert MSE, lambda balanced at step 0) | $(fmt "$(perplexity_of "$runs/tune/distill")") |"
  echo
  echo "## Sparse model soup (dense GPT, Wanda 50%, three ingredients, then magnitude to 70%)"
  echo
  echo "Each ingredient fine-tunes the phase's start for $(steps_in "$(soup_json 1 | jq -r '.ingredients[0].folder')") steps with its mask fixed and its own seed"
  echo "(data order); the soup is their uniform mean and keeps the mask."
  echo
  echo "| phase | sparsity | start | ingredients | best ingredient | soup |"
  echo "|---|---|---|---|---|---|"
  for phase in 1 2; do
    soup_json "$phase" | jq -r --arg p "$phase" '"| \($p) | \(.sparsity) | \(.start.perplexity * 1000 | round / 1000) | \([.ingredients[].quality.perplexity * 1000 | round / 1000] | join(", ")) | \([.ingredients[].quality.perplexity] | min * 1000 | round / 1000) | \(.soup.quality.perplexity * 1000 | round / 1000) |"'
  done
  echo
  echo "One-shot Wanda at 70% on the dense GPT, for comparison with phase 2: $(fmt "$(ppl dense wanda 0.7 0)")."
  echo
  echo "## Inference speed: dense GEMMs against CSR"
  echo
  echo "Tokens per second of the model's forward pass (logits of 12 sequences x 64 characters), one thread, best of"
  echo "5 windows of about $speed_tokens tokens (\`rewire.bench.PrunedInference\`); the pruned models' block layers"
  echo "forced to the CSR kernels, and to dense GEMMs on masked copies (what \`model.crossover\` picks above its"
  echo "density). Embeddings, attention products, routers and the head are the same dense work in every row."
  echo
  echo "| model | pruning | block density | tokens/s | CSR tokens/s | masked-dense tokens/s | CSR vs dense |"
  echo "|---|---|---|---|---|---|---|"
  for model in dense moe; do
    method=wanda; [[ $model == moe ]] && method=moe-pruner
    base_tps=$(tokens_per_second "$(folder "$runs/train/$model")" dense)
    echo "| $model | none | 1.000 | $base_tps | | | |"
    for target in "${targets[@]}"; do
      run=$(folder "$runs/prune/$(key $model $method "$target" 0)")
      csr=$(tokens_per_second "$run" csr)
      echo "| $model | $([[ $model == dense ]] && echo Wanda || echo MoE-Pruner) $target | $(density "$run") | | $csr | $(tokens_per_second "$run" masked-dense) | $(awk -v a="$csr" -v b="$base_tps" 'BEGIN { if (a && b) printf "%.2fx", a / b }') |"
    done
  done
  echo
  echo "## Time each method takes (50%, $calibration calibration sequences, one pass per block)"
  echo
  echo "| model | method | calibration (s) | pruning (s) |"
  echo "|---|---|---|---|"
  for method in "${moe_methods[@]}"; do
    [[ $method != moe-pruner ]] && echo "| dense | $method | $(timing dense "$method") |"
    echo "| MoE | $method | $(timing moe "$method") |"
  done
  echo
  echo "## The issue's claims, as measured here"
  echo
  echo "| claim | measured | verdict |"
  echo "|---|---|---|"
  for target in 0.5 2:4; do
    m=$(mean moe-pruner "$target"); w=$(mean wanda "$target"); g=$(ppl moe magnitude "$target" 0)
    if [[ -n "$m" && -n "$w" && -n "$g" ]]; then
      echo "| MoE-Pruner < Wanda < magnitude on the MoE GPT at $target | $(printf '%.3f / %.3f / %.3f' "$m" "$w" "$g") | $(verdict "$m < $w && $w < $g") |"
    fi
  done
  p=$(ppl moe moe-pruner 0.5 0); k=$(perplexity_of "$runs/tune/distill"); f=$(perplexity_of "$runs/tune/finetune")
  if [[ -n "$p" && -n "$k" && -n "$moe_ppl" ]]; then
    echo "| distillation recovers most of the gap (MoE-Pruner 50%) | $(awk -v p="$p" -v k="$k" -v d="$moe_ppl" -v f="$f" 'BEGIN { printf "%.0f%% of %.3f recovered (fine-tuning alone: %.0f%%)", 100 * (p - k) / (p - d), p - d, 100 * (p - f) / (p - d) }') | $(verdict "($p - $k) > 0.5 * ($p - $moe_ppl)") |"
  fi
  w5=$(ppl moe wanda 0.5 0); w7=$(ppl moe wanda 0.7 0); m5=$(ppl moe moe-pruner 0.5 0); m7=$(ppl moe moe-pruner 0.7 0)
  if [[ -n "$w7" && -n "$m7" ]]; then
    echo "| Wanda breaks down before MoE-Pruner at 70% | perplexity 50% -> 70%: Wanda $(printf '%.3f -> %.3f' "$w5" "$w7"), MoE-Pruner $(printf '%.3f -> %.3f' "$m5" "$m7") | $(verdict "$w7 - $w5 > 1.5 * ($m7 - $m5) && $w7 > $m7") |"
  fi
  s=$(soup_json 1 | jq -r '.soup.quality.perplexity // empty'); b=$(soup_json 1 | jq -r '[.ingredients[].quality.perplexity] | min // empty')
  if [[ -n "$s" && -n "$b" ]]; then
    echo "| the soup beats its best ingredient (phase 1) | $(printf '%.3f vs %.3f' "$s" "$b") | $(verdict "$s < $b") |"
  fi
} >"$out"
cat "$out"
