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

# bench_run_folder DIR: the run folder under DIR (where `./rewire train train.runs=DIR` wrote), with
# its trailing slash, or nothing.
bench_run_folder() { ls -d "$1"/*/ 2>/dev/null | head -1 || true; }

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

# bench_unknown_option OPTION: the options loops' last case: says OPTION is not one of the script's and
# exits 2 (each script's header lists its options).
bench_unknown_option() {
  echo "unknown option: $1 (see the header of $0)" >&2
  exit 2
}
