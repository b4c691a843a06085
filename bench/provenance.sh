# Sourced by the benchmark and results scripts: what their documents state about how they were made.
# bench_revision: the git revision the numbers come from, flagged when tracked files differ from it
# (the configurations and code that ran are then not exactly that revision's).
bench_revision() {
  local root rev
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [[ $rev != unknown ]] && ! git -C "$root" diff --quiet HEAD -- 2>/dev/null; then
    rev="$rev with uncommitted changes"
  fi
  echo "$rev"
}

# bench_cpu_model: the CPU's model name, as lscpu gives it.
bench_cpu_model() { lscpu | sed -n 's/^Model name: *//p' | head -1; }

# bench_machine: the CPU model, its core count and the JDK, as the results documents name them.
bench_machine() {
  echo "$(bench_cpu_model), $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
}

# bench_run_revisions DIR: the git revisions that the run folders under DIR recorded (gitRevision of
# their run.json), "/"-separated, or "unrecorded": for documents written from runs made earlier.
bench_run_revisions() {
  find "$1" -name run.json -exec jq -r '.gitRevision // empty' {} + 2>/dev/null | sort -u | paste -sd/ - \
    | grep . || echo unrecorded
}
