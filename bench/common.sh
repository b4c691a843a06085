# Sourced first by every script under bench/ (after `set -euo pipefail`): what they all start with, so
# that each script holds only its own options and runs. Moves to the repository root and loads
# scripts/jdk.sh (rewire_select_jdk, rewire_ensure_package; exports MAVEN_OPTS), bench/blas-core.sh
# and bench/provenance.sh; below, the helpers the scripts share. Selects no JDK itself: the results
# scripts call bench_select_jdk_and_jq, the scripts that run benchmarks.jar bench_jar_java.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/jdk.sh
. bench/blas-core.sh
. bench/provenance.sh

# bench_select_jdk_and_jq: a JDK 25 for ./rewire (exports JAVA_HOME, see scripts/jdk.sh) and jq, which
# the results scripts read run folders with; exits when either is missing.
bench_select_jdk_and_jq() {
  rewire_select_jdk
  rewire_ensure_package jq /usr/bin/jq required
}

# bench_jar_java: for the scripts that run rewire-bench's benchmarks.jar with java directly: exports
# JAVA_HOME (as set, or Temurin 25 at its Debian path) and sets JAVA (its java), JAR (the jar) and
# FLAGS (the JVM options every Rewire process needs).
bench_jar_java() {
  export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
  JAVA="$JAVA_HOME/bin/java"
  JAR=rewire-bench/target/benchmarks.jar
  FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
}

# bench_build_jar: builds benchmarks.jar, offline first (the usual case: dependencies already local).
bench_build_jar() {
  ./mvnw -q -o -pl rewire-bench -am package -DskipTests || ./mvnw -q -pl rewire-bench -am package -DskipTests
}

# bench_prepare BUILD: what a script that times benchmarks.jar does before its runs: builds the jar
# unless BUILD is false, sets `revision` (the revision the runs measure, taken before them) and
# selects this CPU's best OpenBLAS kernels (the reports name the core type that ran).
bench_prepare() {
  if [[ $1 == true ]]; then
    bench_build_jar
  fi
  revision=$(bench_revision)
  bench_use_best_blas_core
}

# bench_run_folder DIR: the run folder under DIR (where `./rewire train train.runs=DIR` wrote), with
# its trailing slash, or nothing.
bench_run_folder() { ls -d "$1"/*/ 2>/dev/null | head -1 || true; }

# bench_finished_run DIR: the run folder under DIR if its run.json has a summary (the run finished), or nothing.
bench_finished_run() {
  local f
  f=$(bench_run_folder "$1")
  if [[ -n $f ]] && jq -e .summary "$f/run.json" >/dev/null 2>&1; then echo "$f"; fi
}

# bench_train_in_background DIR LABEL ARGS...: unless DIR holds a finished run, trains
# `./rewire train ARGS train.runs=DIR` on one kernel thread in the background, its output in DIR.log,
# once fewer than $jobs (default 2) of this shell's jobs run; an unfinished run in DIR is trained again.
bench_train_in_background() {
  local dir=$1 label=$2; shift 2
  [[ -n $(bench_finished_run "$dir") ]] && return 0
  rm -rf "${dir:?}"
  bench_wait_for_slot "${jobs:-2}"
  echo "== $label" >&2
  REWIRE_THREADS=1 bench_logged "$label" "$dir.log" ./rewire train "$@" "train.runs=$dir" &
}

# bench_logged LABEL LOG COMMAND...: runs COMMAND with its output in LOG. A failure is said on stderr
# with LOG's last lines and does not stop the script: the doc then shows that run as missing.
bench_logged() {
  local label=$1 log=$2; shift 2
  "$@" >"$log" 2>&1 || { echo "$label failed, see $log" >&2; tail -3 "$log" >&2; }
}

# bench_timed LABEL LOG COMMAND...: bench_logged, then how long it took on stderr (for runs trained in
# parallel, whose start and end lines interleave).
bench_timed() {
  local start
  start=$(date +%s)
  bench_logged "$@"
  echo "== $1 done in $(( $(date +%s) - start )) s" >&2
}

# bench_wait_for_slot N: waits until fewer than N of this shell's background jobs are running.
bench_wait_for_slot() {
  while (( $(jobs -rp | wc -l) >= $1 )); do wait -n || true; done
}

# bench_jmh DIR NAME ARGS...: one JMH run of benchmarks.jar (ARGS: the benchmark and its options) into
# DIR/NAME.json, its output in DIR/NAME.log, appending the 1-minute load average at its start to the
# array `loads`. JMH allows one instance per machine (/tmp/jmh.lock); while another benchmark holds it,
# waits rather than fails. Needs bench_jar_java.
bench_jmh() {
  local dir=$1 name=$2; shift 2
  local log="$dir/$name.log"
  while true; do
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    if "$JAVA" -jar "$JAR" "$@" -rf json -rff "$dir/$name.json" 2>&1 | tee "$log"; then
      grep -q "Unable to acquire the JMH lock" "$log" || return 0
    fi
    grep -q "Unable to acquire the JMH lock" "$log" || { echo "JMH failed, see $log" >&2; exit 1; }
    unset 'loads[-1]'
    echo "another JMH run holds the lock; waiting" >&2
    sleep 30
  done
}

# bench_cpu_caches: the CPU, its caches and vector extensions, for a kernel report's header.
bench_cpu_caches() {
  echo "$(bench_cpu_model), $(nproc) cores; $(lscpu | sed -n 's/^L1d cache: *//p') L1d, $(lscpu | sed -n 's/^L2 cache: *//p') L2, $(lscpu | sed -n 's/^L3 cache: *//p') L3; $(lscpu | grep -o -w -E 'avx512f|avx2' | sort -u | paste -sd/ - | grep . || echo 'no AVX2')"
}

# bench_unknown_option OPTION: the options loops' last case: says OPTION is not one of the script's and
# exits 2 (each script's header lists its options).
bench_unknown_option() {
  echo "unknown option: $1 (see the header of $0)" >&2
  exit 2
}

# BENCH_JQ_CI: jq definitions for scripts that compute intervals inside jq: `ci($k)` turns an array of
# numbers into "mean ± half-width of the 95% confidence interval (Student t)", each number multiplied
# by $k first, to two decimals, "(1 seed)" after a lone number; `ci_to($k; $digits)` the same to
# $digits decimals; `ci_half($k)` is the half-width alone (0 for one number).
BENCH_JQ_CI='def t: {"1": 12.706, "2": 4.303, "3": 3.182, "4": 2.776, "5": 2.571, "6": 2.447,
    "7": 2.365, "8": 2.306, "9": 2.262}[tostring] // 1.96;
  def ci_half($k): map(. * $k) | length as $n | (add / $n) as $m |
    if $n < 2 then 0 else ((map(. - $m | . * .) | add) / ($n - 1) | sqrt) * ($n - 1 | t) / ($n | sqrt) end;
  def ci_to($k; $digits): pow(10; $digits) as $p | (map(. * $k) | add / length) as $m |
    if length < 2 then "\($m * $p | round / $p) (1 seed)"
    else "\($m * $p | round / $p) ± \(ci_half($k) * $p | round / $p)" end;
  def ci($k): ci_to($k; 2);'

# bench_ci [SCALE]: the mean ± 95% confidence interval (Student t) of the numbers on stdin, one per
# line, each multiplied by SCALE (default 1; 100 shows fractions as percent), to two decimals; "(1 seed)"
# after a lone number.
bench_ci() {
  jq -rs --argjson k "${1:-1}" "$BENCH_JQ_CI ci(\$k)"
}
