#!/usr/bin/env bash
# Per-step costs of the peer MLP (issue 16's first target): where one training step's time goes at
# each density, from JFR samples over the timed epochs (rewire.bench.peer.StepCosts), as a table of
# every part (batch fill, dense products, ReLU passes, bias gradient, loss, optimizer, hooks,
# topology updates, sparse products) in docs/benchmarks-steps.md.
#
#   bench/step-costs.sh                      dense, RigL 10%, 2% and 1%: 1 warm-up + 3 timed epochs each
#   bench/step-costs.sh --quick              30 batches per epoch: checks the pipeline in a minute
#                                            (writes under bench/results/tmp only)
#   bench/step-costs.sh --densities 0.1,0.01 only these densities (1 = dense)
#   bench/step-costs.sh --timed 1            timed epochs per configuration (default 3; the doc states it)
#   bench/step-costs.sh --no-build           use the existing rewire-bench/target/benchmarks.jar
#
# One thread (-Drewire.threads=1), the peer benchmark's JVM flags and OpenBLAS core; every
# configuration its own process, run through $BENCH_PREFIX (empty by default).
set -euo pipefail
. "$(dirname "$0")/common.sh"
bench_jar_java
JVM=("${FLAGS[@]}" -XX:+UseSerialGC -Xmx256m -Xmn16m)
read -r -a PREFIX <<< "${BENCH_PREFIX:-}"

densities=1,0.1,0.02,0.01; timed=3; quick=false; build=true
command="bench/step-costs.sh${*:+ $*}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true ;;
    --densities) densities="$2"; shift ;;
    --timed) timed="$2"; shift ;;
    --no-build) build=false ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done
if ! [[ "$timed" =~ ^[1-9][0-9]*$ ]]; then echo "--timed takes a positive number of epochs, got '$timed'" >&2; exit 2; fi
bench_prepare "$build"

work=bench/results/tmp/steps-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$work"
csv=$work/steps.csv; : > "$csv"
quick_flag=(); if $quick; then quick_flag=(--quick); fi
IFS=, read -r -a ds <<< "$densities"
for d in "${ds[@]}"; do
  method=rigl; if [[ "$d" == 1 || "$d" == 1.0 ]]; then method=dense; fi
  log=$work/$method-$d.log
  echo "== $method $d" >&2
  "${PREFIX[@]}" "$JAVA" "${JVM[@]}" -Drewire.threads=1 -cp "$JAR" rewire.bench.peer.StepCosts --method "$method" \
    --density "$d" --timed "$timed" "${quick_flag[@]}" > "$log" 2>&1 \
    || { echo "$method $d failed, see $log" >&2; tail -5 "$log" >&2; exit 1; }
  sed -n 's/^STEP_COST,//p' "$log" >> "$csv"
done

# a quick run or a partial selection of densities writes next to its logs; otherwise the doc (which
# states the timed epochs)
doc=docs/benchmarks-steps.md
if $quick || [[ "$densities" != 1,0.1,0.02,0.01 ]]; then doc=$work/benchmarks-steps.md; fi
machine="$(bench_cpu_model), $(nproc) cores"
context="- Date: $(date -u +%Y-%m-%d), machine: $machine; JDK: $("$JAVA" -version 2>&1 | head -1); OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}
- Command: \`$command\` (git $revision); 1 thread; 1 warm-up epoch, then JFR execution and native-method samples every 5 ms over the timed epochs ($timed per configuration$($quick && echo ', 30 batches each' || true))
- Share of samples times wall time per step: with one thread the samples cover the step's wall time; JIT, GC and JFR's own threads are not sampled, so their cost is spread over the parts"
"$JAVA" -cp "$JAR" rewire.bench.peer.StepCosts --report "$csv" --doc "$doc" --context "$context"
echo "wrote $doc; logs in $work"
