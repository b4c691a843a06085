#!/usr/bin/env bash
# Benchmarks a sparse linear layer against its dense twin with JMH and writes docs/benchmarks.md.
#
#   bench/kernels.sh                 focused grid: 1000x1000, batch 128, 1 thread, all densities
#   bench/kernels.sh --full          every layer, batch, density and thread count (hours)
#   bench/kernels.sh --reps 5        repetitions of the grid (default 3); the doc shows medians
#   bench/kernels.sh --quick         1 warmup and 2 measurement iterations: checks the pipeline
#   bench/kernels.sh --no-build      use the existing rewire-bench/target/benchmarks.jar
#   bench/kernels.sh --out FILE      write somewhere other than docs/benchmarks.md
#
# The focused grid pairs every sparse run with a dense run just before it (weights=dense,sparse),
# so each speedup compares two measurements taken seconds apart on this shared machine. The full
# grid measures dense once per configuration (at density 1.0) to keep its running time sane.
set -euo pipefail
cd "$(dirname "$0")/.."

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
JAVA="$JAVA_HOME/bin/java"
JAR=rewire-bench/target/benchmarks.jar
FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)

full=false; quick=false; build=true; reps=3; out=docs/benchmarks.md
command="bench/kernels.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --full) full=true ;;
    --quick) quick=true ;;
    --no-build) build=false ;;
    --reps) reps="$2"; shift ;;
    --out) out="$2"; shift ;;
    *) echo "unknown option: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift
done

if $build; then
  ./mvnw -q -o -pl rewire-bench -am package -DskipTests || ./mvnw -q -pl rewire-bench -am package -DskipTests
fi

iterations=()
if $quick; then iterations=(-wi 1 -i 2); fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=bench/results/tmp/$stamp
mkdir -p "$results"
loads=()
files=()
for rep in $(seq 1 "$reps"); do
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  if $full; then
    "$JAVA" -jar "$JAR" 'SparseLinearBenchmark' -p weights=sparse "${iterations[@]}" \
      -rf json -rff "$results/rep-$rep-sparse.json"
    "$JAVA" -jar "$JAR" 'SparseLinearBenchmark' -p weights=dense -p density=1.0 "${iterations[@]}" \
      -rf json -rff "$results/rep-$rep-dense.json"
    jq -s 'add' "$results/rep-$rep-dense.json" "$results/rep-$rep-sparse.json" > "$results/rep-$rep.json"
  else
    "$JAVA" -jar "$JAR" 'SparseLinearBenchmark' -p layer=1000x1000 -p batch=128 -p threads=1 "${iterations[@]}" \
      -rf json -rff "$results/rep-$rep.json"
  fi
  files+=("$results/rep-$rep.json")
done

machine="$(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; $(lscpu | sed -n 's/^L1d cache: *//p') L1d, $(lscpu | sed -n 's/^L2 cache: *//p') L2, $(lscpu | sed -n 's/^L3 cache: *//p') L3; $(lscpu | grep -o 'avx512f' | head -1 || true)"
load=$(IFS=,; echo "${loads[*]}")
notes=()
if [[ -f bench/kernels-notes.md ]]; then notes=(--notes bench/kernels-notes.md); fi
"$JAVA" "${FLAGS[@]}" -cp "$JAR" rewire.bench.BenchmarkReport --out "$out" --command "$command" \
  --machine "$machine" --load "${load//,/, }" "${notes[@]}" "${files[@]}"
echo "JMH results in $results"
