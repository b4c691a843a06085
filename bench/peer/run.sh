#!/usr/bin/env bash
# Rewire against PyTorch, end to end: the MLP 784-1000-1000-1000-10 on Fashion-MNIST, batch 128,
# SGD with momentum, dense and RigL at several densities, trained by both on the same machine one
# after the other; then a table on the terminal, bench/peer/results/peer.csv, peer.png (speedup
# over PyTorch dense against density) and the peer block of docs/benchmarks.md.
#
#   bench/peer/run.sh                      everything: both sides, densities 1,0.5,0.2,0.1,0.05,0.02,0.01,
#                                          1 and 2 threads, and the scale run
#   bench/peer/run.sh --quick              30 batches per epoch, scale runs at hidden 20000: checks the
#                                          pipeline in a few minutes (writes under bench/results/tmp only)
#   bench/peer/run.sh --densities 1,0.1    only these densities (1 = dense)
#   bench/peer/run.sh --threads 1          only these thread counts
#   bench/peer/run.sh --only rewire        only one side (rewire | torch)
#   bench/peer/run.sh --torch-rigl-settings 1,2b
#                                          thread settings of PyTorch's masked RigL runs (default 1,
#                                          its fastest here; PyTorch dense always runs 1, 2 and 2b)
#   bench/peer/run.sh --no-scale           skip the scale run;  --scale-only: only the scale run
#   bench/peer/run.sh --scale-runs static:100000,set:1000000
#                                          recipe:hidden-width of each scale run (default static at 100k,
#                                          300k and 1M, SET at 1M, RigL at 100k and 300k: one RigL update
#                                          at 1M scores 10^12 positions per hidden layer, hours on 2 cores)
#   bench/peer/run.sh --repeat 2           measure every configuration in 2 passes over all of them and
#                                          keep each one's fastest (for noisy shared machines; both sides)
#   bench/peer/run.sh --no-build           use the existing rewire-bench/target/benchmarks.jar
#   bench/peer/run.sh --report DIR         no measurement: rebuild the outputs from the results of an
#                                          earlier full run in DIR (for example after editing notes.md)
#
# Before the training runs, the README's main command itself: ./rewire train at its defaults and at
# sparsity.density=0.01, with the launcher's JVM flags, for the memory targets (peak RSS from GNU time).
# Every measurement is its own process, run through $BENCH_PREFIX (empty by default), for example
# BENCH_PREFIX=/work/timed for exclusive use of the CPU. Thread settings: Rewire "N" is
# -Drewire.threads=N (its pool, which runs OpenBLAS single-threaded in fixed chunks); PyTorch "1"
# is torch.set_num_threads(1) with OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=1 (Debian's torch ignores
# set_num_threads for OpenBLAS),
# "2" all three at 2, "2b" torch and OpenMP at 2 with OPENBLAS_NUM_THREADS=1. Per configuration:
# 1 warm-up epoch and 3 timed epochs (median), then test accuracy (not timed). Both sides run this
# CPU's best OpenBLAS kernels: the script sets OPENBLAS_CORETYPE for its own commands
# (bench/blas-core.sh) and the doc names the core type each side used.
set -euo pipefail
cd "$(dirname "$0")/../.."

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
JAVA="$JAVA_HOME/bin/java"
JAR=rewire-bench/target/benchmarks.jar
PY=/usr/bin/python3
DATA=/usr/share/datasets/fashion-mnist
# Serial GC, a 256 MB heap (the dataset's 55 MB of pixel bytes and the model at any density) and a
# 16 MB young generation: peak RSS is what the memory target compares. A smaller heap did not lower
# it (the JVM's own code, compiler and class memory is about 80 MB of it).
JVM=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xmx256m -Xmn16m)
read -r -a PREFIX <<< "${BENCH_PREFIX:-}"

densities=1,0.5,0.2,0.1,0.05,0.02,0.01; threads=1,2; only=""; quick=false; build=true
scale=true; scale_only=false; torch_rigl_settings=1; report=""; repeat=1
scale_runs=static:100000,static:300000,static:1000000,set:1000000,rigl:100000,rigl:300000
command="bench/peer/run.sh${*:+ $*}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true ;;
    --densities) densities="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    --only) only="$2"; shift ;;
    --torch-rigl-settings) torch_rigl_settings="$2"; shift ;;
    --no-scale) scale=false ;;
    --scale-only) scale_only=true ;;
    --scale-runs) scale_runs="$2"; shift ;;
    --no-build) build=false ;;
    --repeat) repeat="$2"; shift ;;
    --report) report="$2"; shift ;;
    *) echo "unknown option: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift
done
if [[ -n "$only" && "$only" != rewire && "$only" != torch ]]; then echo "--only takes rewire or torch" >&2; exit 2; fi
if ! [[ "$repeat" =~ ^[1-9][0-9]*$ ]]; then echo "--repeat takes a positive number of passes, got '$repeat'" >&2; exit 2; fi

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
if [[ "$only" != rewire ]] && ! "$PY" -c 'import torch' 2>/dev/null; then
  as_root apt-get install -y python3-torch
fi
if [[ "$only" != torch && ! -x /usr/bin/time ]]; then
  as_root apt-get install -y time  # GNU time: the peak RSS of ./rewire train
fi
if [[ ! -f "$DATA/train-images-idx3-ubyte.gz" ]]; then
  as_root apt-get install -y dataset-fashion-mnist
fi
if [[ -n "$report" ]]; then build=false; fi
if $build; then
  ./mvnw -q -o -pl rewire-bench -am package -DskipTests || ./mvnw -q -pl rewire-bench -am package -DskipTests
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
work=${report:-bench/results/tmp/peer-$stamp}
mkdir -p "$work"
results=$work/results.csv; scale_results=$work/scale.csv; commands=$work/commands.csv
if [[ -n "$report" ]]; then
  scale=false; scale_only=true
else
  : > "$results"; : > "$scale_results"; : > "$commands"; date -u +%Y-%m-%d > "$work/date"; git rev-parse --short HEAD > "$work/git"
  echo "${BENCH_PREFIX:+BENCH_PREFIX=$BENCH_PREFIX }$command" > "$work/command"
  . bench/blas-core.sh
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

torch_run() {  # SETTING METHOD DENSITY [LAYERS]
  local setting=$1 method=$2 density=$3 layers=${4:-}
  read -r n omp blas label <<< "$(torch_env "$setting")"
  local extra=(); if [[ -n "$layers" ]]; then extra=(--layers "$layers"); fi
  measure "torch-$method-$density-t$setting$pass_suffix" "$results" PEER_RESULT, env "$omp" "$blas" "$PY" bench/peer/torch_mlp.py \
    --method "$method" --density "$density" --threads "$n" --setting "${label//_/ }" "${extra[@]}" "${quick_flag[@]}"
}

# measure_pass: every configuration once (both sides, every density and thread setting)
measure_pass() {
  IFS=, read -r -a ds <<< "$densities"
  IFS=, read -r -a ts <<< "$threads"
  for d in "${ds[@]}"; do
    method=rigl; if [[ "$d" == 1 || "$d" == 1.0 ]]; then method=dense; fi
    if [[ "$only" != torch ]]; then
      for t in "${ts[@]}"; do
        measure "rewire-$method-$d-t$t$pass_suffix" "$results" PEER_RESULT, "$JAVA" "${JVM[@]}" -Drewire.threads="$t" -cp "$JAR" \
          rewire.bench.peer.PeerRun --method "$method" --density "$d" "${quick_flag[@]}"
      done
    fi
    if [[ "$only" != rewire ]]; then
      layers=""
      if [[ $method == rigl ]]; then
        layers=$("$JAVA" "${JVM[@]}" -cp "$JAR" rewire.bench.peer.PeerRun --method rigl --density "$d" --layers 2>/dev/null \
          | sed -n 's/^PEER_LAYERS,//p')
        settings=$torch_rigl_settings
      else
        settings=1,2,2b
      fi
      IFS=, read -r -a ss <<< "$settings"
      for s in "${ss[@]}"; do
        if [[ "$s" != 1 ]] && [[ ! ",$threads," == *",2,"* ]]; then continue; fi
        if [[ "$s" == 1 ]] && [[ ! ",$threads," == *",1,"* ]]; then continue; fi
        torch_run "$s" "$method" "$d" "$layers"
      done
    fi
  done
}

# keep_fastest FILE: one line per configuration (side, method, density, setting), the one with the
# fewest seconds per epoch, in the order configurations were first measured
keep_fastest() {
  awk -F, '{ key = $1 FS $2 FS $3 FS $6
             if (!(key in best)) { order[++n] = key; best[key] = $0; secs[key] = $7 }
             else if ($7 + 0 < secs[key] + 0) { best[key] = $0; secs[key] = $7 } }
           END { for (i = 1; i <= n; i++) print best[order[i]] }' "$1"
}

# measure_command LABEL DENSITY [OVERRIDE]: the README's main command as a user runs it (./rewire and its
# JVM flags, default configuration plus OVERRIDE), its peak RSS (GNU time's %M, KiB) and wall time
measure_command() {
  local label=$1 density=$2 log="$work/command-$1.log" extra=()
  [[ -n "${3:-}" ]] && extra=("$3")
  if $quick; then extra+=(data.trainLimit=3840 data.testLimit=1000 train.epochs=1); fi
  echo "== ./rewire train ${extra[*]}" >&2
  "${PREFIX[@]}" /usr/bin/time -f "PEER_TIME %M %e" ./rewire train train.runs="$work/runs" "${extra[@]}" > "$log" 2>&1 \
    || { echo "./rewire train failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
  read -r _ kib seconds < <(grep "^PEER_TIME " "$log")
  echo "$label,$density,$(awk -v k="$kib" 'BEGIN { print k / 1024 }'),$seconds" | tee -a "$commands"
}

if ! $scale_only && [[ "$only" != torch ]]; then
  measure_command default 0.1
  measure_command sparsity.density=0.01 0.01 sparsity.density=0.01
fi

if ! $scale_only; then
  for pass in $(seq 1 "$repeat"); do
    pass_suffix=""; if (( repeat > 1 )); then pass_suffix="-p$pass"; fi
    measure_pass
  done
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
    measure "scale-$recipe-$w" "$scale_results" SCALE_RESULT, "$JAVA" --add-modules jdk.incubator.vector \
      --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xmx$heap -Drewire.threads="${threads##*,}" -cp "$JAR" \
      rewire.bench.peer.ScaleRun --recipe "$recipe" --hidden "$w" --steps "$steps" --from "$from"
  done
fi

# outputs: a quick run or a partial selection writes next to its logs; the full run writes the
# committed files and docs/benchmarks.md
out=bench/peer/results; doc=docs/benchmarks.md
# (partial: fewer densities or thread settings than the full run, one side only, or no scale run)
sorted() { tr , '\n' <<< "$1" | sort -g | paste -sd, -; }
partial=false
if [[ "$(sorted "$densities")" != "$(sorted 1,0.5,0.2,0.1,0.05,0.02,0.01)" || "$(sorted "$threads")" != 1,2 ]]; then partial=true; fi
if ! $scale && ! $scale_only; then partial=true; fi
if [[ -z "$report" ]] && { $quick || $scale_only || $partial || [[ -n "$only" ]]; }; then out=$work; doc=$work/benchmarks.md; fi
passes=$(sed -n 's/.*--repeat \([0-9][0-9]*\).*/\1/p' "$work/command"); passes_text=""
if [[ -n "$passes" && "$passes" -gt 1 ]]; then
  passes_text="; every configuration measured in $passes passes over all of them, its fastest pass kept, on both sides"
fi
machine="$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
# used_cores SIDE: the OpenBLAS core types that side's measurements printed (PEER_BLAS_CORE lines)
used_cores() { grep -h "^PEER_BLAS_CORE,$1," "$work"/*.log 2>/dev/null | cut -d, -f3 | sort -u | paste -sd/ - | grep . || echo unrecorded; }
torch_version=$("$PY" -c 'import torch; print(torch.__version__)' 2>/dev/null || echo "not run")
context="- Date: $(cat "$work/date"), machine: $machine; JDK: $("$JAVA" -version 2>&1 | head -1); PyTorch $torch_version (Debian python3-torch, OpenBLAS)
- Command: \`$(cat "$work/command")\` (git $(cat "$work/git")); every configuration its own process$(grep -q timed "$work/command" && echo ", each alone on the machine (/work/timed)" || true)
- Model and recipe: MLP 784-1000-1000-1000-10, Fashion-MNIST (60k train, 10k test), batch 128, SGD momentum 0.9, lr 0.05 cosine to 0, weight decay 5e-4, 1 warm-up + 3 timed epochs (s/epoch: median of the 3$passes_text), test accuracy after those 4 epochs (not timed); RigL: ERK per-layer densities (Rewire's counts, read by the PyTorch side), deltaT 100, drop fraction 0.3 cosine to 0 at 75% of the run, magnitude drop, dense-gradient growth
- Rewire: CSR weights (dense-with-mask kernels at density >= 0.35, or >= 0.5 for layers under 128 rows: SparseLinear's crossovers); JVM \`${JVM[*]:2}\`; threads \`-Drewire.threads=N\` (Rewire's pool, which runs OpenBLAS single-threaded in fixed chunks; from 2 on, classification also gathers the next batch on a background thread)
- PyTorch: masks on dense weights (bench/peer/torch_mlp.py); threads 1: \`torch.set_num_threads(1)\`, OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=1; 2: all at 2; 2 (OpenBLAS 1): OPENBLAS_NUM_THREADS=1
- OpenBLAS kernels: OPENBLAS_CORETYPE=$(cat "$work/coretype" 2>/dev/null || echo unrecorded) set by the script for both sides; core types used: Rewire $(used_cores rewire), PyTorch $(used_cores torch)
- Peak RSS: VmHWM (Rewire) and ru_maxrss (PyTorch), the same kernel counter; both sides keep pixels as bytes and standardize per batch; the memory targets take \`./rewire train\` itself (GNU time's maximum resident set size), whose JVM flags are the launcher's
- Training FLOPs: RigL's accounting over all 4 epochs; \"executed\" is what the library multiplies (masked PyTorch multiplies dense weights), \"nominal\" what the sparse model needs"
notes=(); if [[ -f bench/peer/notes.md ]]; then notes=(--notes bench/peer/notes.md); fi
"$JAVA" -Djava.awt.headless=true -cp "$JAR" rewire.bench.peer.PeerReport --results "$results" --scale "$scale_results" \
  --commands "$commands" --csv "$out/peer.csv" --png "$out/peer.png" --doc "$doc" --context "$context" "${notes[@]}"
echo "logs in $work"
