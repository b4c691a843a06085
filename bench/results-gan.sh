#!/usr/bin/env bash
# Trains the sparse-GAN regimes of issue 17 on Fashion-MNIST (examples/gan-dense.yaml and the
# balance.regime overrides of examples/gan-adapt.yaml) at generator densities 10% and 30%, and writes
# docs/results-gan.md: FID-FMNIST, KID-FMNIST, the IS-like score, the discriminator's mean density,
# training FLOPs relative to dense, wall clock and the time per step of each network's update.
#
#   bench/results-gan.sh                       the examples' budget (3000 steps of 64 images, width 32)
#   bench/results-gan.sh --steps 400           training steps (discriminator updates) of every run
#   bench/results-gan.sh --eval-every 100      steps between evaluations (FID against steps in each report)
#   bench/results-gan.sh --set "model.width=16 data.batchSize=32"   overrides for every run (a smaller budget)
#   bench/results-gan.sh --seeds 3             seeds of the 10% row and of the dense run (default 3)
#   bench/results-gan.sh --seeds-30 1          seeds of the 30% row (default 3)
#   bench/results-gan.sh --jobs 2              runs trained at once, each on one kernel thread (default 2)
#   bench/results-gan.sh --out FILE            write somewhere other than docs/results-gan.md
#   bench/results-gan.sh --report-only DIR     train nothing: write the doc from the run folders in DIR
#                                              (give the same options as the run that made them)
#
# The first run (dense, seed 1) trains alone, so that the Fashion-MNIST classifier that supplies the
# features of every score is trained once (runs/fid-classifier) before the others start in parallel.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_select_jdk_and_jq

out=docs/results-gan.md; steps=3000; every=500; set_all=""; seeds=3; seeds30=3; jobs=2; report_only=""
command="bench/results-gan.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --steps) steps="$2"; shift ;;
    --eval-every) every="$2"; shift ;;
    --set) set_all="$2"; shift ;;
    --seeds) seeds="$2"; shift ;;
    --seeds-30) seeds30="$2"; shift ;;
    --jobs) jobs="$2"; shift ;;
    --out) out="$2"; shift ;;
    --report-only) report_only="$2"; shift ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done
(( steps % every == 0 )) || { echo "--steps ($steps) must be a multiple of --eval-every ($every)" >&2; exit 2; }

regimes=(static-balance static-strong sdst-balance sdst-strong dda adapt-relax adapt-strict)
declare -A label=(
  [dense]="dense" [static-balance]="STATIC balance (d_D = d_G)" [static-strong]="STATIC strong (d_D = 0.5)"
  [sdst-balance]="SDST balance (RigL growth on G, d_D = d_G)" [sdst-strong]="SDST strong (RigL growth on G, d_D = 0.5)"
  [dda]="DDA (only D's density adjusted, band 0.5..0.65)" [adapt-relax]="ADAPT_relax" [adapt-strict]="ADAPT_strict (cap 0.5)"
)
common=("gan.stepsPerEpoch=$every" "train.epochs=$(( steps / every ))" "train.logEvery=50")
# run names: dense-s1, adapt-relax-10-s2, ...
names=()
for (( s = 1; s <= seeds; s++ )); do names+=("dense-s$s"); done
for r in "${regimes[@]}"; do for (( s = 1; s <= seeds; s++ )); do names+=("$r-10-s$s"); done; done
for r in "${regimes[@]}"; do for (( s = 1; s <= seeds30; s++ )); do names+=("$r-30-s$s"); done; done
args() { # the configuration and overrides of run $1
  local name=$1 seed=${1##*-s} regime=${1%-s*}
  if [[ $regime == dense ]]; then echo "examples/gan-dense.yaml seed=$seed"; return; fi
  local density=0.${regime##*-}
  echo "examples/gan-adapt.yaml seed=$seed balance.regime=${regime%-*} balance.generatorDensity=$density"
}

runs=${report_only:-"bench/results/gan-$(date -u +%Y%m%dT%H%M%SZ)"}
mkdir -p "$runs"
[[ -z "$report_only" ]] && ./rewire recipes >/dev/null  # builds once before runs start in parallel
[[ -z "$report_only" ]] && bench_use_best_blas_core
train() {
  local name=$1
  # shellcheck disable=SC2046,SC2086
  REWIRE_THREADS=1 bench_timed "$name" "$runs/$name.log" ./rewire train $(args "$name") "name=$name" "train.runs=$runs/$name" \
    "${common[@]}" $set_all
}
for name in "${names[@]}"; do
  [[ -n "$report_only" ]] && break
  bench_wait_for_slot "$jobs"
  echo "== $name" >&2
  if [[ $name == dense-s1 ]]; then train "$name"; else train "$name" & fi
done
wait

folder() { bench_run_folder "$runs/$1"; }
# one line per finished seed of run group $1 (e.g. adapt-relax-10): fid kid isLike meanD flopsRatio wall dMs gMs dCpu gCpu
measures() {
  local f s
  for (( s = 1; s <= $2; s++ )); do
    f=$(folder "$1-s$s")
    [[ -n "$f" && -f "$f/run.json" ]] && jq -e '.summary' "$f/run.json" >/dev/null || continue
    jq -r -s --slurpfile run "$f/run.json" '[.[] | select(.split == "train")] as $t | ($t | map(.steps) | add) as $n |
      def mean(k): $t | map(.[k] * .steps) | add / $n;
      $run[0].summary as $s |
      "\($s.evaluation.fid) \($s.evaluation.kid) \($s.evaluation.isLike) \(mean("dDensity")) \($s.trainingFlopsRatio) \($s.wallClockSeconds) \(mean("dMs")) \(mean("gMs")) \(mean("dCpuMs")) \(mean("gCpuMs"))"' \
      "$f/metrics.jsonl"
  done
}
# the table row of run group $1 at generator density $2 (text), over $3 seeds: mean ± sample standard deviation
row() {
  local m
  m=$(measures "$1" "$3")
  if [[ -z "$m" ]]; then echo "| ${label[${1%-[0-9]*}]:-${label[$1]}} | $2 | not finished (or failed) | | | | | | | | |"; return; fi
  awk -v l="${label[${1%-[0-9]*}]:-${label[$1]}}" -v d="$2" '
    { n++; for (i = 1; i <= NF; i++) { s[i] += $i; q[i] += $i * $i } }
    function mean(i) { return s[i] / n }
    function sd(i) { v = (q[i] - s[i] * s[i] / n) / (n - 1); return v > 0 ? sqrt(v) : 0 }
    function ms(i, f) { return n > 1 ? sprintf(f " ± " f, mean(i), sd(i)) : sprintf(f, mean(i)) }
    END { printf "| %s | %s | %d | %s | %s | %s | %.3f | %.3f | %.0f | %.1f / %.1f | %.1f / %.1f |\n", l, d, n,
          ms(1, "%.1f"), ms(2, "%.3f"), ms(3, "%.2f"), mean(4), mean(5), mean(6), mean(7), mean(9), mean(8), mean(10) }' \
    <<<"$m"
}

{
  echo "# Results: sparse GANs kept in balance (ADAPT) on Fashion-MNIST"
  echo
  echo "Produced by \`$command\` on $(date -u +%Y-%m-%d), $(bench_cpu_model),"
  echo "$(nproc) cores shared with other jobs, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), git $(git rev-parse --short HEAD)."
  echo "OpenBLAS kernels the runs used: $(bench_blas_cores_used "$runs") (the script sets this CPU's best, bench/blas-core.sh)."
  echo "Run folders (report.html with sample grids, the balance ratio and its band, both densities, FID against"
  echo "steps and training FLOPs): \`$runs\` (run folders are not committed)."
  echo
  echo "Budget: $steps training steps (discriminator updates; n_critic = 1, so as many generator updates) per run,"
  echo "evaluated every $every steps; overrides of every run: \`${common[*]}${set_all:+ $set_all}\` on top of"
  echo "\`examples/gan-dense.yaml\` (dense) or \`examples/gan-adapt.yaml\` with \`balance.regime\` and"
  echo "\`balance.generatorDensity\` (the sparse regimes). Seeds 1..$seeds for dense and the 10% rows, 1..$seeds30 for"
  echo "the 30% rows; with more than one seed a cell is mean ± sample standard deviation over the seeds."
  echo
  echo "Scores of the EMA generator after the last step, on the features of a Fashion-MNIST classifier trained"
  echo "by Rewire (\`runs/fid-classifier\`, see docs/run-folder.md): FID-FMNIST (lower is better), KID-FMNIST"
  echo "(unbiased squared MMD, cubic kernel, not scaled; lower is better) and the IS-like score (higher is"
  echo "better). None is the Inception-based FID, KID or IS of papers. Mean D density: the discriminator's"
  echo "density averaged over training. Training FLOPs: RigL's accounting of both networks (the balance ratio's"
  echo "extra passes included) relative to the dense twin of the same run. Wall clock: the whole run. D and G"
  echo "ms/step: wall clock / CPU time of the training thread for one discriminator and one generator update,"
  echo "averaged over training (one kernel thread per run, $jobs runs at once on a shared machine: the CPU time"
  echo "is the compute, the wall clock also the waiting)."
  echo
  echo "| regime | d_G | seeds | FID-FMNIST | KID-FMNIST | IS-like | mean D density | training FLOPs vs dense | wall clock (s) | D ms/step (wall / CPU) | G ms/step (wall / CPU) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  row dense 1 "$seeds"
  for r in "${regimes[@]}"; do row "$r-10" 0.1 "$seeds"; done
  for r in "${regimes[@]}"; do row "$r-30" 0.3 "$seeds30"; done
  echo
  echo "Command of each run (\`NAME\` below; \`./rewire train ARGS name=NAME train.runs=$runs/NAME ${common[*]}${set_all:+ $set_all}\`):"
  echo
  for name in "${names[@]}"; do echo "- \`$name\`: \`$(args "$name")\`"; done
  if [[ -f bench/results-gan-notes.md ]]; then echo; cat bench/results-gan-notes.md; fi
} >"$out"
echo "wrote $out" >&2
