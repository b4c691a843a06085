# Sourced by the benchmark scripts. bench_use_best_blas_core: exports OPENBLAS_CORETYPE as this
# CPU's best OpenBLAS core type (`rewire info --best-blas-core`), for the benchmark's own commands
# only, so that Rewire and PyTorch both run OpenBLAS's best kernels whatever the host sets (a host
# may set OPENBLAS_CORETYPE=Haswell on an AVX-512 CPU). Says on stderr what it set and what it
# replaced; the runs record the core type they actually used. ./rewire itself never does this.
bench_use_best_blas_core() {
  local root best
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  best=$("$root/rewire" info --best-blas-core)
  if [[ -z "$best" || "$best" == unknown ]]; then
    echo "bench: this CPU's best OpenBLAS core type is unknown; OPENBLAS_CORETYPE stays ${OPENBLAS_CORETYPE:-unset}" >&2
    return 0
  fi
  if [[ -n "${OPENBLAS_CORETYPE:-}" && "$OPENBLAS_CORETYPE" != "$best" ]]; then
    echo "bench: replacing OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE of the environment for this benchmark" >&2
  fi
  export OPENBLAS_CORETYPE=$best
  echo "bench: OPENBLAS_CORETYPE=$best (this CPU's best OpenBLAS kernels) for both sides of this benchmark" >&2
}

# bench_blas_cores_used RUNS: the OpenBLAS core types that the run folders under RUNS recorded
# (environment.blasCore of their run.json), "/"-separated, or "unrecorded".
bench_blas_cores_used() {
  find -L "$1" -name run.json -exec jq -r '.environment.blasCore // empty' {} + 2>/dev/null | sort -u | paste -sd/ - \
    | grep . || echo unrecorded
}
