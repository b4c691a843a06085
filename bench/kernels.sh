#!/usr/bin/env bash
# Benchmarks a sparse linear layer against its dense twin with JMH and writes docs/benchmarks.md.
#
#   bench/kernels.sh                 the targets: 1000x1000, batch 128, 1 thread, all densities,
#                                    every sparse run paired with a dense run just before it (about
#                                    10 minutes per repetition: --quick with 1 repetition took 4)
#   bench/kernels.sh --full          also one pass over every other configuration (1000x1000 at
#                                    batch 1 and 32, 2 threads; 4096x4096), dense measured once
#                                    per configuration (about an hour more)
#   bench/kernels.sh --reps 5        repetitions of the target grid (default 3); the doc shows medians
#   bench/kernels.sh --quick         1 warmup and 2 measurement iterations: checks the pipeline
#   bench/kernels.sh --no-build      use the existing rewire-bench/target/benchmarks.jar
#   bench/kernels.sh --out FILE      write somewhere other than docs/benchmarks.md
#
# JMH JSON results stay in bench/results/tmp/<time>/; bench/kernels-notes.md, when present, is
# appended to the doc verbatim (the analysis that the numbers alone do not give).
set -euo pipefail
. "$(dirname "$0")/common.sh"
bench_jar_java

full=false; quick=false; build=true; reps=3; out=docs/benchmarks.md
command="bench/kernels.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --full) full=true ;;
    --quick) quick=true ;;
    --no-build) build=false ;;
    --reps) reps="$2"; shift ;;
    --out) out="$2"; shift ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done

bench_prepare "$build"

iterations=()
if $quick; then iterations=(-wi 1 -i 2); fi
results=bench/results/tmp/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$results"
loads=()
files=()

# jmh NAME ARGS...: one JMH run of SparseLinearBenchmark into $results/NAME.json
jmh() {
  local name=$1; shift
  bench_jmh "$results" "$name" SparseLinearBenchmark "$@" "${iterations[@]}"
}

for rep in $(seq 1 "$reps"); do
  jmh "rep-$rep" -p layer=1000x1000 -p batch=128 -p threads=1
  files+=("$results/rep-$rep.json")
done

if $full; then
  # every configuration but the target one: sparse at every density, dense once (density 1.0)
  grids=("-p layer=1000x1000 -p batch=1,32" "-p layer=1000x1000 -p batch=128 -p threads=2" "-p layer=4096x4096")
  for i in "${!grids[@]}"; do
    read -r -a params <<< "${grids[$i]}"
    jmh "full-$i-sparse" "${params[@]}" -p weights=sparse
    jmh "full-$i-dense" "${params[@]}" -p weights=dense -p density=1.0
    jq -s 'add' "$results/full-$i-dense.json" "$results/full-$i-sparse.json" > "$results/full-$i.json"
  done
  # one repetition: the three grids cover disjoint configurations
  jq -s 'add' "$results"/full-[0-9].json > "$results/full.json"
  files+=("$results/full.json")
fi

machine=$(bench_cpu_caches)
load=$(IFS=,; echo "${loads[*]}")
notes=()
if [[ -f bench/kernels-notes.md ]]; then notes=(--notes bench/kernels-notes.md); fi
"$JAVA" "${FLAGS[@]}" -cp "$JAR" rewire.bench.BenchmarkReport --out "$out" --command "$command" --revision "$revision" \
  --machine "$machine" --load "${load//,/, }" "${notes[@]}" "${files[@]}"
echo "JMH results in $results"
