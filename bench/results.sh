#!/usr/bin/env bash
# Trains the example configurations (examples/*.yaml) and writes docs/results.md from their run
# folders: one table of accuracy, density, FLOPs and wall clock, and the issue's accuracy targets.
# A run named <example>-div255 is the example with data.standardize=none: pixels x/255 without
# standardization, the preprocessing of the PyTorch DST libraries (sparse_learning, rigl-torch) that
# the accuracy targets were set against; its rows and targets stand beside the default's.
#
#   bench/results.sh                         every example as configured, and the MLP examples of the
#                                            methods those libraries run (dense, RigL 90% and 99%, SET,
#                                            SNFS) at their preprocessing (about 75 minutes on 2 cores)
#   bench/results.sh mlp-dense mlp-rigl      only these runs (the doc then shows only them)
#   bench/results.sh mlp-rigl mlp-rigl-div255  RigL at both preprocessings
#   bench/results.sh --update mlp-cht ...    retrain only these and keep the rest of the doc: their rows move from
#                                            the main table to the table of retrained rows, under a line saying
#                                            when and how they were made; the targets are recomputed from the rows
#   bench/results.sh --epochs 1 ...          override the epochs of every run (pipeline check)
#   bench/results.sh --out FILE              write somewhere other than docs/results.md
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bench_select_jdk_and_jq
revision=$(bench_revision)  # before the runs: the revision they measure

out=docs/results.md; extra=(); names=(); update=false
command="${REWIRE_THREADS:+REWIRE_THREADS=$REWIRE_THREADS }bench/results.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --epochs) extra+=("train.epochs=$2"); shift ;;
    --out) out="$2"; shift ;;
    --update) update=true ;;
    -*) bench_unknown_option "$1" ;;
    *) names+=("$1") ;;
  esac
  shift
done
if $update && [[ ${#names[@]} -eq 0 || ! -f "$out" ]]; then
  echo "--update needs the examples to retrain and an existing $out (see the header of $0)" >&2; exit 2
fi
peer_suffix=-div255
if [[ ${#names[@]} -eq 0 ]]; then
  names=(mlp-dense mlp-rigl mlp-rigl-99 mlp-set mlp-snfs mlp-mest mlp-cht mlp-chts mlp-chtss mlp-gmp cnn-dense cnn-rigl
         mlp-dense$peer_suffix mlp-rigl$peer_suffix mlp-rigl-99$peer_suffix mlp-set$peer_suffix mlp-snfs$peer_suffix)
fi
for name in "${names[@]}"; do
  [[ -f "examples/${name%"$peer_suffix"}.yaml" ]] || { echo "no example examples/${name%"$peer_suffix"}.yaml for run $name" >&2; exit 2; }
done

runs="bench/results/runs-$(date -u +%Y%m%dT%H%M%SZ)"
bench_use_best_blas_core
mkdir -p "$runs"
for name in "${names[@]}"; do
  echo "== $name" >&2
  example=${name%"$peer_suffix"}; preprocessing=()
  if [[ $name != "$example" ]]; then preprocessing=(data.standardize=none "name=$name"); fi
  bench_logged "$name" "$runs/$name.log" ./rewire train "examples/$example.yaml" "train.runs=$runs" "${preprocessing[@]}" "${extra[@]}"
done

fresh=$(./rewire compare $(ls -d "$runs"/*/ 2>/dev/null))
machine="$(bench_machine), git $revision; OpenBLAS kernels the runs used: $(bench_blas_cores_used "$runs") (the script sets this CPU's best, bench/blas-core.sh)"

# Table rows of the text on stdin, header and rule left out; those whose run is not among the retrained examples.
rows() { grep '^|' | grep -v -E '^\| *run *\||^\|[-: |]+\|$' || true; }
not_retrained() { awk -F'|' -v names=" ${names[*]} " '{ r = $2; gsub(/ /, "", r) } index(names, " " r " ") == 0'; }
# The doc without its targets, --update's way: the rows of the retrained examples leave the main table (the first
# one) for the table under "### Retrained rows" (added after the main table at the first update), which takes the
# fresh rows beside its earlier ones; a line under the heading says how each batch of rows was made.
updated_doc() {
  local parts; parts=$(mktemp -d)
  awk -v d="$parts" '
    /^## Targets/ { exit }
    part == "" && /^\|/ { part = "main" }
    part == "" { print > (d "/intro"); next }
    part == "main" && /^\|/ { print > (d "/main"); next }
    part == "main" { part = "rest" }
    /^### Retrained rows/ { part = "section"; next }
    part == "section" && /^\|/ { print > (d "/retrained"); table = 1; next }
    part == "section" && table { part = "rest" }
    part == "section" { if (NF) print > (d "/made"); next }
    { print > (d "/rest") }
  ' "$out"
  touch "$parts"/{intro,main,made,retrained,rest}
  cat "$parts/intro"
  head -2 "$parts/main"; rows <"$parts/main" | not_retrained
  echo; echo "### Retrained rows"; echo
  while IFS= read -r line; do echo "$line"; echo; done <"$parts/made"
  echo "Retrained by \`$command\` on $(date -u +%Y-%m-%d), $machine; run folders: \`$runs\`."
  echo
  head -2 <<<"$fresh"; { rows <<<"$fresh"; rows <"$parts/retrained" | not_retrained; } | LC_ALL=C sort -t'|' -k2,2
  echo; sed '/./,$!d' "$parts/rest"
  rm -r "$parts"
}

# test accuracy of example NAME in percent, from its row in the doc text on stdin (the first cell with a %), or empty
accuracy() { awk -F'|' -v n="$1" '{ r = $2; gsub(/ /, "", r) } r == n { for (i = 3; i <= NF; i++) if ($i ~ /^ *[0-9.]+% *$/) { gsub(/[ %]/, "", $i); print $i; exit } }'; }
target() { # label value threshold-expression-in-awk
  local label=$1 value=$2 rule=$3
  if [[ -z "$value" ]]; then echo "| $label | not run | |"; return; fi
  verdict=$(awk -v v="$value" "BEGIN { print (($rule) ? \"met\" : \"missed\") }")
  printf '| %s | %.2f | %s |\n' "$label" "$value" "$verdict"
}
targets() { # from the doc text $1, for the runs named <example>$2, under the heading's words $3
  local dense rigl rigl99 set90 cnn cnnrigl
  dense=$(accuracy "mlp-dense$2" <<<"$1"); rigl=$(accuracy "mlp-rigl$2" <<<"$1"); rigl99=$(accuracy "mlp-rigl-99$2" <<<"$1")
  set90=$(accuracy "mlp-set$2" <<<"$1"); cnn=$(accuracy "cnn-dense$2" <<<"$1"); cnnrigl=$(accuracy "cnn-rigl$2" <<<"$1")
  echo "## Targets (issue 4)$3"
  echo
  echo "| target | measured (% or points) | |"
  echo "|---|---:|---|"
  target "MLP dense >= 89%" "$dense" "v >= 89"
  [[ -n "$dense" && -n "$rigl" ]] && target "RigL 90% within 0.5 point of dense (gap)" "$(awk -v a="$dense" -v b="$rigl" 'BEGIN{print a-b}')" "v <= 0.5"
  [[ -n "$dense" && -n "$rigl99" ]] && target "RigL 99% within 3 points of dense (gap)" "$(awk -v a="$dense" -v b="$rigl99" 'BEGIN{print a-b}')" "v <= 3"
  [[ -n "$dense" && -n "$set90" ]] && target "SET 90% within 1 point of dense (gap)" "$(awk -v a="$dense" -v b="$set90" 'BEGIN{print a-b}')" "v <= 1"
  if [[ -n "$cnn$cnnrigl" || -z "$2" ]]; then target "CNN dense >= 91%" "$cnn" "v >= 91"; fi
  [[ -n "$cnn" && -n "$cnnrigl" ]] && target "CNN RigL 90% within 0.7 point of CNN dense (gap)" "$(awk -v a="$cnn" -v b="$cnnrigl" 'BEGIN{print a-b}')" "v <= 0.7"
  true
}
# both targets tables: the default preprocessing's, and the peers' when the doc holds such rows
all_targets() {
  targets "$1" "" ""
  if grep -q "^| *[a-z0-9-]*$peer_suffix " <<<"$1"; then
    echo; targets "$1" "$peer_suffix" ", pixels x/255 as the PyTorch DST libraries feed them (runs \`<example>$peer_suffix\`)"
  fi
}

if $update; then
  doc=$(updated_doc)
else
  doc=$(
    echo "# Results: sparse training on Fashion-MNIST"
    echo
    echo "Produced by \`$command\` on $(date -u +%Y-%m-%d), $machine."
    echo "Configurations: \`examples/<run>.yaml\`; run folders (with report.html): \`$runs\`."
    echo "Test accuracy after the configured epochs, one seed (42); FLOPs as in RigL's accounting"
    echo "(\`FlopCounter\`), relative to the dense twin trained on the same batches. Preprocessing: the examples"
    echo "standardize pixels with the training set's global mean and std (\`data.standardize: global\`, the"
    echo "default); a run named \`<example>$peer_suffix\` is the same example with \`data.standardize=none\`, pixels"
    echo "x/255 without standardization, as the PyTorch DST libraries (sparse_learning, rigl-torch) feed them."
    echo
    echo "Other workloads have their own measured tables: [results-gpt.md](results-gpt.md) (character-level GPT,"
    echo "MST, CHTss, RigL; \`bench/results-gpt.sh\`) and [results-marl.md](results-marl.md) (QMIX and MAST on the"
    echo "SMAC-like simulator; \`bench/results-marl.sh\`)."
    echo
    echo "$fresh"
    if [[ -f bench/results-notes.md ]]; then echo; cat bench/results-notes.md; fi
  )
fi
{ echo "$doc"; echo; all_targets "$doc"; } >"$out"
echo "wrote $out" >&2
