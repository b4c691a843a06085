#!/usr/bin/env bash
# Trains the example configurations (examples/*.yaml) and writes docs/results.md from their run
# folders: one table of accuracy, density, FLOPs and wall clock, and the issue's accuracy targets.
#
#   bench/results.sh                         every example as configured (about an hour on 2 cores)
#   bench/results.sh mlp-dense mlp-rigl      only these examples (the doc then shows only them)
#   bench/results.sh --epochs 1 ...          override the epochs of every run (pipeline check)
#   bench/results.sh --out FILE              write somewhere other than docs/results.md
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/jdk.sh
rewire_select_jdk
rewire_ensure_package jq /usr/bin/jq required
. bench/blas-core.sh

out=docs/results.md; extra=(); names=()
command="bench/results.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --epochs) extra+=("train.epochs=$2"); shift ;;
    --out) out="$2"; shift ;;
    -*) echo "unknown option: $1 (see the header of $0)" >&2; exit 2 ;;
    *) names+=("$1") ;;
  esac
  shift
done
if [[ ${#names[@]} -eq 0 ]]; then
  names=(mlp-dense mlp-rigl mlp-rigl-99 mlp-set mlp-snfs mlp-mest mlp-cht mlp-gmp cnn-dense cnn-rigl)
fi

runs="bench/results/runs-$(date -u +%Y%m%dT%H%M%SZ)"
bench_use_best_blas_core
mkdir -p "$runs"
for name in "${names[@]}"; do
  echo "== $name" >&2
  ./rewire train "examples/$name.yaml" "train.runs=$runs" "${extra[@]}" >"$runs/$name.log" 2>&1 \
    || { echo "$name failed, see $runs/$name.log" >&2; tail -3 "$runs/$name.log" >&2; }
done

# accuracy of the finished run of example NAME, in percent, or empty
accuracy() { local f; f=$(ls -d "$runs/$1"-*/run.json 2>/dev/null | head -1); if [[ -n "$f" ]]; then jq -r '.summary.testAccuracy // empty | . * 100' "$f"; fi; }
target() { # label value threshold-expression-in-awk
  local label=$1 value=$2 rule=$3
  if [[ -z "$value" ]]; then echo "| $label | not run | |"; return; fi
  verdict=$(awk -v v="$value" "BEGIN { print (($rule) ? \"met\" : \"missed\") }")
  printf '| %s | %.2f | %s |\n' "$label" "$value" "$verdict"
}
dense=$(accuracy mlp-dense); rigl=$(accuracy mlp-rigl); rigl99=$(accuracy mlp-rigl-99); set90=$(accuracy mlp-set)
cnn=$(accuracy cnn-dense); cnnrigl=$(accuracy cnn-rigl)

{
  echo "# Results: sparse training on Fashion-MNIST"
  echo
  echo "Produced by \`$command\` on $(date -u +%Y-%m-%d), $(lscpu | sed -n 's/^Model name: *//p' | head -1),"
  echo "$(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), git $(git rev-parse --short HEAD)."
  echo "OpenBLAS kernels the runs used: $(bench_blas_cores_used "$runs") (the script sets this CPU's best, bench/blas-core.sh)."
  echo "Configurations: \`examples/<run>.yaml\`; run folders (with report.html): \`$runs\`."
  echo "Test accuracy after the configured epochs, one seed (42); FLOPs as in RigL's accounting"
  echo "(\`FlopCounter\`), relative to the dense twin trained on the same batches."
  echo
  echo "Other workloads have their own measured tables: [results-gpt.md](results-gpt.md) (character-level GPT,"
  echo "MST, CHTss, RigL; \`bench/results-gpt.sh\`) and [results-marl.md](results-marl.md) (QMIX and MAST on the"
  echo "SMAC-like simulator; \`bench/results-marl.sh\`)."
  echo
  ./rewire compare $(ls -d "$runs"/*/ 2>/dev/null)
  echo
  echo "## Targets (issue 4)"
  echo
  echo "| target | measured (% or points) | |"
  echo "|---|---:|---|"
  target "MLP dense >= 89%" "$dense" "v >= 89"
  [[ -n "$dense" && -n "$rigl" ]] && target "RigL 90% within 0.5 point of dense (gap)" "$(awk -v a="$dense" -v b="$rigl" 'BEGIN{print a-b}')" "v <= 0.5"
  [[ -n "$dense" && -n "$rigl99" ]] && target "RigL 99% within 3 points of dense (gap)" "$(awk -v a="$dense" -v b="$rigl99" 'BEGIN{print a-b}')" "v <= 3"
  [[ -n "$dense" && -n "$set90" ]] && target "SET 90% within 1 point of dense (gap)" "$(awk -v a="$dense" -v b="$set90" 'BEGIN{print a-b}')" "v <= 1"
  target "CNN dense >= 91%" "$cnn" "v >= 91"
  [[ -n "$cnn" && -n "$cnnrigl" ]] && target "CNN RigL 90% within 0.7 point of CNN dense (gap)" "$(awk -v a="$cnn" -v b="$cnnrigl" 'BEGIN{print a-b}')" "v <= 0.7"
  true
} >"$out"
echo "wrote $out" >&2
