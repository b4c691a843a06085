#!/usr/bin/env bash
# Rewire against PyTorch, end to end: the MLP 784-1000-1000-1000-10 on Fashion-MNIST, batch 128,
# SGD with momentum, dense and RigL at several densities, trained by both on the same machine one
# after the other; then a table on the terminal, bench/peer/results/peer.csv (peer-user.csv,
# peer-scale.csv), peer.png (speedup over PyTorch dense against density) and the peer block of
# docs/benchmarks.md.
#
#   bench/peer/run.sh                      everything: both sides, densities 1,0.5,0.2,0.1,0.05,0.02,0.01,
#                                          1 and 2 threads, both preprocessings, the user's command at
#                                          every density, and the scale runs (about 50 minutes on 2 cores
#                                          before the scale runs, with --repeat 3 about two hours; the scale
#                                          runs come on top: SET at 1M alone times 200 steps of some 10 s)
#   bench/peer/run.sh --quick              30 batches per epoch, scale runs at hidden 20000: checks the
#                                          pipeline in a few minutes (writes under bench/results/tmp only)
#   bench/peer/run.sh --densities 1,0.1    only these densities (1 = dense)
#   bench/peer/run.sh --threads 1          only these thread counts
#   bench/peer/run.sh --only rewire        only one side (rewire | torch)
#   bench/peer/run.sh --standardize global only Rewire's default preprocessing (standardized pixels); the
#                                          default, global,none, adds every density once per side (first
#                                          thread count) with the PyTorch DST libraries' pixels x/255
#   bench/peer/run.sh --no-user            skip the command a user runs (./rewire train at each density,
#                                          default JVM settings), whose wall clock and peak memory the doc reports
#   bench/peer/run.sh --torch-rigl-settings 1,2b
#                                          thread settings of PyTorch's masked RigL runs (default 1,
#                                          its fastest here; PyTorch dense always runs 1, 2 and 2b)
#   bench/peer/run.sh --no-scale           skip the scale runs;  --scale-only: only the scale runs
#   bench/peer/run.sh --scale-runs static:100000,set:1000000
#                                          recipe:hidden-width of each scale run (default static at 100k,
#                                          300k and 1M, SET at 1M, RigL at 100k and 300k: one RigL update
#                                          at 1M scores 10^12 positions per hidden layer, hours on 2 cores)
#   bench/peer/run.sh --repeat 2           measure every configuration in 2 passes over all of them and
#                                          keep each one's fastest (for noisy shared machines; both sides)
#   bench/peer/run.sh --no-build           use the existing rewire-bench/target/benchmarks.jar
#   bench/peer/run.sh --report DIR         no measurement: rebuild the outputs from the results of an
#                                          earlier run in DIR (for example after editing notes.md); a full
#                                          run's go to the committed files, any other run's next to its logs
#
# After the training runs, the README's main command itself (user_command): ./rewire train at every
# density, plain ./rewire train at its default density, with the launcher's JVM flags; the memory
# targets take its peak RSS at the default and at 1%.
# Every measurement is its own process, run through $BENCH_PREFIX (empty by default), for example
# BENCH_PREFIX=/work/timed for exclusive use of the CPU. Thread settings: Rewire "N" is
# -Drewire.threads=N (its pool, which runs OpenBLAS single-threaded in fixed chunks); PyTorch "1"
# is torch.set_num_threads(1) with OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=1 (Debian's torch ignores
# set_num_threads for OpenBLAS),
# "2" all three at 2, "2b" torch and OpenMP at 2 with OPENBLAS_NUM_THREADS=1. Per configuration:
# WARMUP warm-up epochs (not timed: JIT compilation; at 1% the second epoch still ran 1.5-2x the
# third), then TIMED timed epochs, each split into its training steps (median over the timed
# epochs) and its topology updates (reported apart, per epoch), then test accuracy (not timed).
# Both sides run this CPU's best OpenBLAS kernels: the script sets OPENBLAS_CORETYPE for its own
# commands (bench/blas-core.sh) and the doc names the core type each side used.
set -euo pipefail
. "$(dirname "$0")/../common.sh"
bench_jar_java
PY=/usr/bin/python3
DATA=/usr/share/datasets/fashion-mnist
# The benchmark's tuned JVM: serial GC, a 256 MB heap (the dataset's 55 MB of pixel bytes and the
# model at any density) and a 16 MB young generation, the smallest peak RSS found. A user's
# `./rewire train` runs the launcher's defaults instead; the doc reports both (user_command below).
TUNED_JVM=(-XX:+UseSerialGC -Xmx256m -Xmn16m)
JVM=("${FLAGS[@]}" "${TUNED_JVM[@]}")
WARMUP=2; TIMED=3
read -r -a PREFIX <<< "${BENCH_PREFIX:-}"

densities=1,0.5,0.2,0.1,0.05,0.02,0.01; threads=1,2; only=""; quick=false; build=true; standardize=global,none
scale=true; scale_only=false; torch_rigl_settings=1; report=""; repeat=1; user=true
scale_runs=static:100000,static:300000,static:1000000,set:1000000,rigl:100000,rigl:300000
command="bench/peer/run.sh${*:+ $*}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true ;;
    --densities) densities="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    --only) only="$2"; shift ;;
    --standardize) standardize="$2"; shift ;;
    --no-user) user=false ;;
    --torch-rigl-settings) torch_rigl_settings="$2"; shift ;;
    --no-scale) scale=false ;;
    --scale-only) scale_only=true ;;
    --scale-runs) scale_runs="$2"; shift ;;
    --no-build) build=false ;;
    --repeat) repeat="$2"; shift ;;
    --report) report="$2"; shift ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done
if [[ -n "$only" && "$only" != rewire && "$only" != torch ]]; then echo "--only takes rewire or torch" >&2; exit 2; fi
if ! [[ "$repeat" =~ ^[1-9][0-9]*$ ]]; then echo "--repeat takes a positive number of passes, got '$repeat'" >&2; exit 2; fi
if ! [[ ",$standardize," =~ ^(,(global|none))+,$ ]]; then
  echo "--standardize takes global, none or both (global,none), got '$standardize'" >&2; exit 2
fi

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
if [[ "$only" != rewire ]] && ! "$PY" -c 'import torch' 2>/dev/null; then
  as_root apt-get install -y python3-torch
fi
if $user && [[ "$only" != torch ]] && ! command -v jq > /dev/null; then
  as_root apt-get install -y jq  # reads the user's command's run.json
fi
if [[ ! -f "$DATA/train-images-idx3-ubyte.gz" ]]; then
  as_root apt-get install -y dataset-fashion-mnist
fi
if [[ -n "$report" ]]; then build=false; fi
if $build; then
  bench_build_jar
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
work=${report:-bench/results/tmp/peer-$stamp}
mkdir -p "$work"
results=$work/results.csv; scale_results=$work/scale.csv; user_results=$work/user.csv
if [[ -n "$report" ]]; then
  scale=false; scale_only=true
else
  : > "$results"; : > "$scale_results"; : > "$user_results"; date -u +%Y-%m-%d > "$work/date"
  bench_revision > "$work/git"
  echo "${BENCH_PREFIX:+BENCH_PREFIX=$BENCH_PREFIX }$command" > "$work/command"
  bench_use_best_blas_core
  echo "${OPENBLAS_CORETYPE:-unset}" > "$work/coretype"
fi
quick_flag=(); if $quick; then quick_flag=(--quick); scale_runs=static:20000,set:20000,rigl:20000; fi

# measure NAME OUTFILE PREFIX COMMAND...: runs one measurement, keeps its log, appends its result line
measure() {
  local name=$1 file=$2 marker=$3; shift 3
  echo "== $name" >&2
  "${PREFIX[@]}" "$@" > "$work/$name.log" 2>&1 || { echo "$name failed, see $work/$name.log" >&2; tail -5 "$work/$name.log" >&2; exit 1; }
  grep "^$marker" "$work/$name.log" | sed "s/^$marker//" | tee -a "$file"
}

# torch_env SETTING: the environment and thread count of a PyTorch thread setting
torch_env() {
  case "$1" in
    1) echo "1 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 1" ;;
    2) echo "2 OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 2" ;;
    2b) echo "2 OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=1 2_(OpenBLAS_1)" ;;
  esac
}

timing=(--warmup "$WARMUP" --timed "$TIMED")

torch_run() {  # SETTING METHOD DENSITY LAYERS STANDARDIZE
  local setting=$1 method=$2 density=$3 layers=$4 standardize=$5
  read -r n omp blas label <<< "$(torch_env "$setting")"
  local extra=(); if [[ -n "$layers" ]]; then extra=(--layers "$layers"); fi
  measure "torch-$method-$density-$standardize-t$setting$pass_suffix" "$results" PEER_RESULT, env "$omp" "$blas" "$PY" \
    bench/peer/torch_mlp.py --method "$method" --density "$density" --standardize "$standardize" --threads "$n" \
    --setting "${label//_/ }" "${timing[@]}" "${extra[@]}" "${quick_flag[@]}"
}

rewire_run() {  # THREADS METHOD DENSITY STANDARDIZE
  local t=$1 method=$2 density=$3 standardize=$4
  measure "rewire-$method-$density-$standardize-t$t$pass_suffix" "$results" PEER_RESULT, "$JAVA" "${JVM[@]}" \
    -Drewire.threads="$t" -cp "$JAR" rewire.bench.peer.PeerRun --method "$method" --density "$density" \
    --standardize "$standardize" "${timing[@]}" "${quick_flag[@]}"
}

# method DENSITY: dense at density 1, else rigl
method() { if [[ "$1" == 1 || "$1" == 1.0 ]]; then echo dense; else echo rigl; fi; }

# torch_layers DENSITY: the per-layer nnz line of Rewire's ERK at DENSITY for the PyTorch side (empty for dense)
torch_layers() {
  [[ $(method "$1") == rigl ]] || return 0
  "$JAVA" "${JVM[@]}" -cp "$JAR" rewire.bench.peer.PeerRun --method rigl --density "$1" --layers 2>/dev/null \
    | sed -n 's/^PEER_LAYERS,//p'
}

# measure_pass: every configuration once at Rewire's default preprocessing (both sides, every density and
# thread setting)
measure_pass() {
  IFS=, read -r -a ds <<< "$densities"
  IFS=, read -r -a ts <<< "$threads"
  for d in "${ds[@]}"; do
    method=$(method "$d")
    if [[ "$only" != torch ]]; then
      for t in "${ts[@]}"; do rewire_run "$t" "$method" "$d" global; done
    fi
    if [[ "$only" != rewire ]]; then
      layers=$(torch_layers "$d")
      settings=$torch_rigl_settings; if [[ $method == dense ]]; then settings=1,2,2b; fi
      IFS=, read -r -a ss <<< "$settings"
      for s in "${ss[@]}"; do
        if [[ "$s" != 1 ]] && [[ ! ",$threads," == *",2,"* ]]; then continue; fi
        if [[ "$s" == 1 ]] && [[ ! ",$threads," == *",1,"* ]]; then continue; fi
        torch_run "$s" "$method" "$d" "$layers" global
      done
    fi
  done
}

# peers_pass: every density once per side with the PyTorch DST libraries' preprocessing (pixels x/255),
# for the accuracy comparison: Rewire at the first thread count, PyTorch at its setting of that count
peers_pass() {
  IFS=, read -r -a ds <<< "$densities"
  local t=${threads%%,*} s
  s=$t; if [[ $t == 2 ]]; then s=2b; fi
  for d in "${ds[@]}"; do
    if [[ "$only" != torch ]]; then rewire_run "$t" "$(method "$d")" "$d" none; fi
    if [[ "$only" != rewire ]]; then torch_run "$s" "$(method "$d")" "$d" "$(torch_layers "$d")" none; fi
  done
}

# user_command: for every density, the command a user runs (the README's ./rewire train at that density,
# plain ./rewire train at its default density DEFAULT_DENSITY; the launcher's default JVM settings:
# REWIRE_JAVA_OPTS and REWIRE_THREADS unset), with its peak RSS and wall clock from its run.json; the
# memory targets take the default and 1%; --quick trains it briefly
DEFAULT_DENSITY=0.1  # SparsitySettings.defaults(): RigL at 10%, which PeerSummary's memory target names
user_command() {
  IFS=, read -r -a ds <<< "$densities"
  local d args quick_args=() folder measured shown
  if $quick; then quick_args=(data.trainLimit=3840 data.testLimit=1000 train.epochs=1); fi
  for d in "${ds[@]}"; do
    args=("sparsity.density=$d"); if [[ $(method "$d") == dense ]]; then args=(sparsity.recipe=dense sparsity.density=1); fi
    if awk -v d="$d" -v def="$DEFAULT_DENSITY" 'BEGIN { exit !(d == def) }'; then args=(); fi
    args+=("${quick_args[@]}")
    shown="./rewire train${args[*]:+ ${args[*]}}"
    echo "== user command at density $d: $shown" >&2
    "${PREFIX[@]}" env -u REWIRE_JAVA_OPTS -u REWIRE_THREADS ./rewire train "${args[@]}" "train.runs=$work/user-runs/$d" > "$work/user-$d.log" 2>&1 \
      || { echo "$shown failed, see $work/user-$d.log" >&2; tail -5 "$work/user-$d.log" >&2; exit 1; }
    folder=$(ls -d "$work/user-runs/$d"/*/ | head -1)
    measured=$(jq -e -r '.summary | "\(.peakRssBytes / 1048576),\(.wallClockSeconds)"' "$folder/run.json") \
      || { echo "no summary.peakRssBytes and wallClockSeconds in $folder/run.json" >&2; exit 1; }
    echo "$d,$measured,$shown" | tee -a "$user_results"
  done
}

# keep_fastest FILE: one line per configuration (side, method, standardize, density, setting), the one
# with the fewest seconds per whole epoch (training plus rewiring), in the order first measured
keep_fastest() {
  awk -F, '{ key = $1 FS $2 FS $3 FS $4 FS $7; secs = $8 + $9
             if (!(key in best)) { order[++n] = key; best[key] = $0; fastest[key] = secs }
             else if (secs < fastest[key]) { best[key] = $0; fastest[key] = secs } }
           END { for (i = 1; i <= n; i++) print best[order[i]] }' "$1"
}

if ! $scale_only; then
  for pass in $(seq 1 "$repeat"); do
    pass_suffix=""; if (( repeat > 1 )); then pass_suffix="-p$pass"; fi
    if [[ ",$standardize," == *,global,* ]]; then measure_pass; fi
  done
  pass_suffix=""
  if [[ ",$standardize," == *,none,* ]]; then peers_pass; fi
  if $user && [[ "$only" != torch ]]; then user_command; fi
  if (( repeat > 1 )); then
    cp "$results" "$work/results-all-passes.csv"
    keep_fastest "$work/results-all-passes.csv" > "$results"
  fi
fi

if $scale || { $scale_only && [[ -z "$report" ]]; }; then
  IFS=, read -r -a runs <<< "$scale_runs"
  for run in "${runs[@]}"; do
    recipe=${run%%:*}; w=${run#*:}
    # A static step at width 1M takes tens of seconds: few timed steps, extrapolated to an epoch. A
    # dynamic run times 200 steps that hold an update: RigL's at steps 100 and 200, SET's (once per
    # epoch) at step 468, so its window starts at step 300.
    steps=20; heap=4g; from=0
    if (( w >= 300000 )); then steps=8; heap=8g; fi
    if (( w >= 1000000 )); then steps=4; heap=14g; fi
    if [[ $recipe != static ]]; then steps=200; fi
    if [[ $recipe == set ]]; then from=300; fi
    if (( w >= 1000000 )) && [[ $recipe != static ]]; then heap=15g; fi
    if $quick; then
      steps=3; from=0
      if [[ $recipe == set ]]; then from=465; elif [[ $recipe == rigl ]]; then from=97; fi
    fi
    measure "scale-$recipe-$w" "$scale_results" SCALE_RESULT, "$JAVA" "${FLAGS[@]}" -XX:+UseSerialGC \
      -Xmx$heap -Drewire.threads="${threads##*,}" -cp "$JAR" rewire.bench.peer.ScaleRun --recipe "$recipe" --hidden "$w" \
      --steps "$steps" --from "$from"
  done
fi

# outputs: the full run writes the committed files and docs/benchmarks.md; a quick run or a partial
# selection (fewer densities, thread settings or preprocessings than the full run, one side only, no
# user's command, or no scale run) writes next to its logs, also when --report rebuilds it later: the
# scope is recorded with the results
if [[ -z "$report" ]]; then
  sorted() { tr , '\n' <<< "$1" | sort -g | paste -sd, -; }
  scope=full
  if [[ "$(sorted "$densities")" != "$(sorted 1,0.5,0.2,0.1,0.05,0.02,0.01)" || "$(sorted "$threads")" != 1,2 ]]; then scope=partial; fi
  if ! $scale || [[ "$(tr , '\n' <<< "$standardize" | sort | paste -sd, -)" != global,none ]] || ! $user || $quick || $scale_only || [[ -n "$only" ]]; then
    scope=partial
  fi
  echo "$scope" > "$work/scope"
fi
out=bench/peer/results; doc=docs/benchmarks.md
if [[ "$(cat "$work/scope" 2>/dev/null)" != full ]]; then out=$work; doc=$work/benchmarks.md; fi
passes=$(sed -n 's/.*--repeat \([0-9][0-9]*\).*/\1/p' "$work/command"); passes_text=""
if [[ -n "$passes" && "$passes" -gt 1 ]]; then
  passes_text="; every configuration at the default preprocessing measured in $passes passes over all of them, its fastest pass kept, on both sides"
fi
machine="$(bench_cpu_model), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
# used_cores SIDE: the OpenBLAS core types that side's measurements printed (PEER_BLAS_CORE lines)
used_cores() { grep -h "^PEER_BLAS_CORE,$1," "$work"/*.log 2>/dev/null | cut -d, -f3 | sort -u | paste -sd/ - | grep . || echo unrecorded; }
torch_version=$("$PY" -c 'import torch; print(torch.__version__)' 2>/dev/null || echo "not run")
context="- Date: $(cat "$work/date"), machine: $machine; JDK: $("$JAVA" -version 2>&1 | head -1); PyTorch $torch_version (Debian python3-torch, OpenBLAS)
- Command: \`$(cat "$work/command")\` (git $(cat "$work/git")); every configuration its own process$(grep -q timed "$work/command" && echo ", each alone on the machine (/work/timed)" || true)
- Model and recipe: MLP 784-1000-1000-1000-10, Fashion-MNIST (60k train, 10k test), batch 128, SGD momentum 0.9, lr 0.05 cosine to 0, weight decay 5e-4, $((WARMUP + TIMED)) epochs, test accuracy after them (not timed); RigL: ERK per-layer densities (Rewire's counts, read by the PyTorch side), deltaT 100, drop fraction 0.3 cosine to 0 at 75% of the run, magnitude drop, dense-gradient growth
- Timing, steady state: the first $WARMUP epochs are warm-up and not timed (JIT compilation and first allocations; each measurement's log lists every epoch); epochs $((WARMUP + 1))-$((WARMUP + TIMED)) are timed, each split into its training steps and its topology updates, timed apart (Rewire: a hook around each group's update, \`rewire.bench.peer.RewireClock\`; PyTorch: around \`RigL.update\`)$passes_text
- Preprocessing: every speed and the first accuracy rows use Rewire's default, pixels standardized with the training set's global mean and std, on both sides; rows marked (x/255) feed pixels x/255 without standardization on both sides (\`data.standardize=none\`; \`torch_mlp.py --standardize none\`), as the PyTorch DST libraries sparse_learning and rigl-torch do, for the accuracy comparison at their preprocessing
- Rewire: CSR weights (dense-with-mask kernels at density >= 0.35, or >= 0.5 for layers under 128 rows: SparseLinear's crossovers); the benchmark's process runs a JVM tuned for memory, \`${TUNED_JVM[*]}\` (a user's \`./rewire train\` runs the launcher's defaults: see \"The command a user runs\"); threads \`-Drewire.threads=N\` (Rewire's pool, which runs OpenBLAS single-threaded in fixed chunks; from 2 on, classification also gathers the next batch on a background thread)
- PyTorch: masks on dense weights (bench/peer/torch_mlp.py); threads 1: \`torch.set_num_threads(1)\`, OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=1; 2: all at 2; 2 (OpenBLAS 1): OPENBLAS_NUM_THREADS=1
- OpenBLAS kernels: OPENBLAS_CORETYPE=$(cat "$work/coretype" 2>/dev/null || echo unrecorded) set by the script for both sides; core types used: Rewire $(used_cores rewire), PyTorch $(used_cores torch)
- Peak RSS: VmHWM (Rewire) and ru_maxrss (PyTorch), the same kernel counter; both sides keep pixels as bytes and convert them per batch; the memory targets take \`./rewire train\` itself (its run.json's \`summary.peakRssBytes\`, VmHWM), whose JVM flags are the launcher's
- Training FLOPs: RigL's accounting over all $((WARMUP + TIMED)) epochs; \"executed\" is what the library multiplies (masked PyTorch multiplies dense weights), \"nominal\" what the sparse model needs"
notes=(); if [[ -f bench/peer/notes.md ]]; then notes=(--notes bench/peer/notes.md); fi
"$JAVA" -Djava.awt.headless=true -cp "$JAR" rewire.bench.peer.PeerReport --results "$results" --scale "$scale_results" \
  --user "$user_results" --csv "$out/peer.csv" --png "$out/peer.png" --doc "$doc" --context "$context" "${notes[@]}"
echo "logs in $work"
