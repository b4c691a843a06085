#!/usr/bin/env bash
# Benchmarks a linear layer in the structured formats (wrap-around diagonals, constant fan-in, 4x4 and
# 1x16 blocks, N:M 2:4 and 1:8) against CSR at the same number of entries and against the dense GEMMs,
# with JMH, and writes the generated block of docs/benchmarks-structured.md (one table per layer and format).
#
#   bench/structured.sh              the layer step at 1000x1000 and 4096x4096, batch 128, 1 thread,
#                                    densities 1-50%, 3 repetitions (each: 84 JMH trials of 8 s for
#                                    dense, CSR, diagonal, fan-in and the blocks, then 4 for N:M at 50%
#                                    and 12.5%)
#   bench/structured.sh --reps 5     repetitions (default 3); the doc shows medians
#   bench/structured.sh --threads 1,2
#                                    Rewire's and OpenBLAS's threads (default 1); each count gets its own tables
#   bench/structured.sh --with DIR   also report the JMH JSON files of an earlier run (its rep-*.json), such as
#                                    the other thread count's, whose revision the doc then names beside this one
#   bench/structured.sh --ops all    also forward, input gradient and weight gradient alone (JSON only)
#   bench/structured.sh --layer 1000x1000 --density 0.1 --weights dense,csr,block4x4
#                                    only these JMH parameter values (comma-separated lists); a format's
#                                    table needs its dense and csr runs; with --density, N:M runs only at
#                                    the densities listed that it has
#   bench/structured.sh --quick      1 warmup and 2 measurement iterations: checks the pipeline
#   bench/structured.sh --no-build   use the existing rewire-bench/target/benchmarks.jar
#   bench/structured.sh --out FILE   write somewhere other than docs/benchmarks-structured.md
#
# JMH JSON results stay in bench/results/tmp/structured-<time>/.
set -euo pipefail
. "$(dirname "$0")/common.sh"
bench_jar_java

quick=false; build=true; reps=3; out=docs/benchmarks-structured.md; ops=step; params=(); layers=(); densities=
threads=(); earlier=""
command="bench/structured.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    --reps) reps="$2"; shift ;;
    --ops) ops="$2"; shift ;;
    --layer) params+=(-p "layer=$2"); layers=(-p "layer=$2"); shift ;;
    --density) params+=(-p "density=$2"); densities=",$2,"; shift ;;
    --weights) params+=(-p "weights=$2"); shift ;;
    --threads) threads=(-p "threads=$2"); shift ;;
    --with) earlier="$2"; shift ;;
    --out) out="$2"; shift ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done

bench_prepare "$build"

iterations=()
if $quick; then iterations=(-wi 1 -i 2); fi
include='StructuredLinearBenchmark.step$'
if [[ $ops == all ]]; then include='StructuredLinearBenchmark'; fi
results=bench/results/tmp/structured-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$results"
loads=()
files=()
# N:M exists at one density each (N / M), so it runs beside the main grid, paired with its dense and CSR runs
nm=()
for format in nm2:4@0.5 nm1:8@0.125; do
  if [[ -z $densities || $densities == *",${format#*@},"* ]]; then nm+=("$format"); fi
done
for rep in $(seq 1 "$reps"); do
  bench_jmh "$results" "rep-$rep" "$include" "${params[@]}" "${threads[@]}" "${iterations[@]}"
  files+=("$results/rep-$rep.json")
  for format in "${nm[@]}"; do
    name="rep-$rep-${format%@*}"; name=${name//:/-}
    bench_jmh "$results" "$name" "$include" "${layers[@]}" "${threads[@]}" -p "weights=${format%@*}" \
      -p "density=${format#*@}" "${iterations[@]}"
    files+=("$results/$name.json")
  done
done

echo "$revision" > "$results/revision"
if [[ -n $earlier ]]; then
  if [[ ! -f $earlier/revision ]]; then
    echo "bench/structured.sh: $earlier has no file 'revision' (the git revision its results were measured at)" >&2
    exit 1
  fi
  files+=("$earlier"/rep-*.json)
  revision="$revision, and $(cat "$earlier/revision") for the results of $earlier"
fi
load=$(IFS=,; echo "${loads[*]}")
"$JAVA" "${FLAGS[@]}" -cp "$JAR" rewire.bench.StructuredReport --out "$out" --command "$command" \
  --revision "$revision" --machine "$(bench_cpu_caches)" --load "${load//,/, }" "${files[@]}"
echo "JMH results in $results"
