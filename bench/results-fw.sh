#!/usr/bin/env bash
# The Fantastic Weights study grid (Nowak et al., NeurIPS 2023; METHODS C) at MLP scale on
# Fashion-MNIST: eight pruning criteria x densities x random and gradient growth, each over seeds,
# with static sparse training at each density as the floor the paper compares against. Every run is
# `./rewire train examples/mlp-fw.yaml` (the paper's loop, C.2) with prune=, grow=, density and seed
# set. Writes docs/results-fw.md (tables of mean and 95% interval, average ranks per density band as
# the paper's critical-distance diagrams use them, the comparisons with static training and between
# growers; the verdicts are in the hand-written bench/results-fw-notes.md it appends) and
# docs/img/results-fw-{random,gradient}.png (test accuracy against density per criterion, one chart
# per grower).
#
#   bench/results-fw.sh                          the whole grid, seeds 1 2 3, two runs at a time, one
#                                                thread each (about an hour on 2 cores)
#   bench/results-fw.sh --seeds "1 2 3 4 5"      other seeds
#   bench/results-fw.sh --densities "0.05 0.1"   other densities (default 0.01 0.02 0.05 0.1 0.2 0.5)
#   bench/results-fw.sh --epochs 2               override the example's epochs (a pipeline check; the doc says so)
#   bench/results-fw.sh --jobs 1                 runs at a time (default 2)
#   bench/results-fw.sh --runs DIR               train into DIR, keeping the runs already there
#   bench/results-fw.sh --report-only DIR        rewrite the doc and plot from the run folders under DIR
#   bench/results-fw.sh --out FILE               write somewhere other than docs/results-fw.md (the plot
#                                                goes beside it, under img/)
#
# Runs go to bench/results/fw-<time>/<grow>-<prune>-d<density>-s<seed>/ and static-d<density>-s<seed>/.
set -euo pipefail
. "$(dirname "$0")/common.sh"
bench_select_jdk_and_jq

seeds="1 2 3"; densities="0.01 0.02 0.05 0.1 0.2 0.5"; epochs=""; jobs=2; runs_dir=""; report_only=""
out=docs/results-fw.md
command="bench/results-fw.sh $*"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seeds) seeds="$2"; shift ;;
    --densities) densities="$2"; shift ;;
    --epochs) epochs="$2"; shift ;;
    --jobs) jobs="$2"; shift ;;
    --runs) runs_dir="$2"; shift ;;
    --report-only) report_only="$2"; shift ;;
    --out) out="$2"; shift ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done

# the paper's five main-grid criteria (SET as it defines it: an equal count of each sign), then
# sensitivity, random removal and SET as its own paper defines it (the same fraction of each sign)
# (METHODS C.1). First-order Taylor, (w g)^2, is left out: it orders weights as SNIP's |w g| does, so
# it removes the same weights and trains to the same bits.
criteria=(magnitude set-equal-split mest snip rsensitivity sensitivity random set)
criteria_json=$(printf '%s\n' "${criteria[@]}" | jq -R . | jq -sc .)
growers=(random gradient)
runs=${report_only:-${runs_dir:-bench/results/fw-$(date -u +%Y%m%dT%H%M%SZ)}}

# train NAME ARGS...: one run of examples/mlp-fw.yaml into $runs/NAME unless it finished there before
train() {
  local name=$1; shift
  bench_train_in_background "$runs/$name" "$name" examples/mlp-fw.yaml ${epochs:+"train.epochs=$epochs"} "$@"
}

if [[ -z $report_only ]]; then
  bench_use_best_blas_core
  mkdir -p "$runs"
  ./rewire --version >/dev/null  # builds once, before the parallel runs
  # seed by seed, so that a grid cut short still holds whole seeds
  for s in $seeds; do
    train "dense-s$s" "seed=$s" "name=dense" sparsity.recipe=dense sparsity.density=1 "sparsity.options=[]"
    for d in $densities; do
      train "static-d$d-s$s" "seed=$s" "name=static-d$d" sparsity.recipe=static "sparsity.density=$d" "sparsity.options=[]"
      for g in "${growers[@]}"; do
        for c in "${criteria[@]}"; do
          train "$g-$c-d$d-s$s" "seed=$s" "name=$g-$c-d$d" "sparsity.density=$d" \
            "sparsity.options=[prune=$c,grow=$g,deltaT=800]"
        done
      done
    done
  done
  wait
fi

# every finished run of the grid: {g: grower or "static"/"dense", c: criterion or "static"/"dense",
# d: nominal density, s: seed, acc, density: measured, rev}
records=$(for f in "$runs"/*/*/run.json; do
  [[ -f $f ]] && jq -c 'select(.summary != null) | .config as $c
    | ($c.sparsity.options // [] | map(split("=") | {(.[0]): .[1]}) | add // {}) as $o
    | ($c.sparsity.recipe | if . == "fw" then null else . end) as $other
    | {g: ($o.grow // $other), c: ($o.prune // $other), d: $c.sparsity.density, s: $c.seed,
       acc: .summary.evaluation.accuracy, density: .summary.density, rev: .gitRevision}' "$f"
done | jq -s --arg seeds "$seeds" --arg densities "$densities" --argjson C "$criteria_json" '
  ($seeds | split(" ") | map(select(. != "") | tonumber)) as $S
  | ($densities | split(" ") | map(select(. != "") | tonumber)) as $D
  | map(select(.s as $s | $S | index($s)) | select(.c as $c | $C + ["static", "dense"] | index($c))
    | select(.c == "dense" or (.d as $d | $D | index($d))))')
[[ $(jq length <<<"$records") -gt 0 ]] || { echo "no finished runs under $runs" >&2; exit 1; }
img_dir="$(dirname "$out")/img"; mkdir -p "$img_dir"
img_name=$(basename "$out" .md)

# ranks: within each block (grower, density, seed) holding all the criteria, rank 1 = highest accuracy,
# ties sharing the mean rank (as the paper's critical-distance diagrams rank runs)
ranks=$(jq -c --argjson C "$criteria_json" '
  map(select(.c | IN("static", "dense") | not)) | group_by([.g, .d, .s]) | map(select(length == ($C | length)))
  | map(. as $b | map(.acc as $a | . + {rank: (1 + ($b | map(select(.acc > $a)) | length)
      + (($b | map(select(.acc == $a)) | length) - 1) / 2)})) | flatten' <<<"$records")

# bands: the paper splits its rank diagrams at density 0.2
band_table() {  # band_table LABEL JQ-SELECT
  jq -r --argjson C "$criteria_json" --arg band "$1" "$2"' as $rows
    | ($rows | map([.g, .d, .s]) | unique | length) as $n
    | ($C | length) as $k
    | (if $n > 0 then 3.031 * ((($k * ($k + 1)) / (6 * $n)) | sqrt) else null end) as $cd
    | [$C[] as $c | {c: $c, r: ($rows | map(select(.c == $c).rank) | if length > 0 then add / length else null end)}]
    | sort_by(.r) as $avg
    | if $n == 0 then "| \($band) | no complete block | | |" else
      "| \($band) | \($n) | \($cd * 100 | round / 100) | "
      + ($avg | map("\(.c) \(.r * 100 | round / 100)" + (if .r - $avg[0].r > $cd then " *" else "" end)) | join(", ")) + " |" end' <<<"$ranks"
}

revisions=$(jq -r '.[].rev' <<<"$records" | sort | uniq -c | awk '{printf "%s%s (%d runs)", (NR > 1 ? ", " : ""), $2, $1}')
{
  echo "# Results: the Fantastic Weights grid on an MLP"
  echo
  echo "Generated by \`bench/results-fw.sh\`; do not edit by hand."
  echo
  echo "- Command: \`$command\`; runs in \`$runs\`"
  echo "- Git: $revisions; $(date -u +%Y-%m-%d), $(bench_cpu_model), $(nproc) cores"
  echo "- Each cell: \`./rewire train examples/mlp-fw.yaml sparsity.density=D \"sparsity.options=[prune=C,grow=G,deltaT=800]\" seed=S\`"
  echo "  for seeds $seeds: the MLP 784-256-256-256-10 on Fashion-MNIST, batch 128, SGD with momentum 0.9, lr 0.05"
  echo "  cosine, weight decay 5e-4, $(if [[ -n $epochs ]]; then echo "$epochs epochs (overridden: a pipeline check)"; else echo "the example's $(grep -m1 'epochs:' examples/mlp-fw.yaml | awk '{print $2}') epochs"; fi); the paper's loop (METHODS C.2): ERK masks,"
  echo "  an update every 800 steps removing ceil(p nnz) per layer, p from 0.5 by cosine to 0.005, regrown weights at 0."
  echo "  \`static\`: the same ERK mask never changed (\`sparsity.recipe=static\`). The dense MLP (\`sparsity.recipe=dense\`):"
  echo "  $(jq -r "$BENCH_JQ_CI"'map(select(.c == "dense") | .acc) | if length == 0 then "not run" else ci(100) end' \
    <<<"$records") test accuracy over the same seeds."
  echo "- Test accuracy in percent, mean ± 95% confidence interval (Student t) over the seeds; the best mean of each"
  echo "  column in bold; density is the recipe's target (the measured one includes the dense biases)."
  for g in "${growers[@]}"; do
    echo
    echo "## $g growth"
    echo
    echo "| criterion | $(sed 's/ / | /g' <<<"$densities") |"
    echo "|---|$(for _ in $densities; do printf -- '---:|'; done)"
    for c in "${criteria[@]}" static; do
      jq -r --arg g "$g" --arg c "$c" --arg densities "$densities" "$BENCH_JQ_CI"'
        . as $all | ($densities | split(" ") | map(select(. != "") | tonumber)) as $D
        | [$D[] as $d | ($all | map(select(.d == $d and .c != "static" and .g == $g))
            | group_by(.c) | map(map(.acc) | add / length) | max) as $best
          | ($all | map(select(.d == $d and .c == $c and (.g == $g or $c == "static")) | .acc)) as $a
          | if ($a | length) == 0 then "" elif $c != "static" and ($a | add / length) == $best
            then "**\($a | ci(100))**" else ($a | ci(100)) end]
        | "| \($c) | " + join(" | ") + " |"' <<<"$records"
    done
  done
  echo
  echo "## Average ranks"
  echo
  echo "Rank of each criterion within a block (one grower, one density, one seed: the eight runs that share"
  echo "their initial mask, weights and data order), 1 = most accurate, averaged over the blocks of a band."
  echo "CD is the Nemenyi critical distance at p = 0.05 (q = 3.031 for eight criteria); \`*\` marks a"
  echo "criterion whose average rank is more than CD behind the best, a significant difference."
  echo
  echo "| band | blocks | CD | criteria by average rank |"
  echo "|---|---:|---:|---|"
  band_table "density <= 0.2, both growers" 'map(select(.d <= 0.2))'
  band_table "density > 0.2, both growers" 'map(select(.d > 0.2))'
  for g in "${growers[@]}"; do
    band_table "density <= 0.2, $g growth" "map(select(.d <= 0.2 and .g == \"$g\"))"
    band_table "density > 0.2, $g growth" "map(select(.d > 0.2 and .g == \"$g\"))"
  done
  echo
  echo "## Against static sparse training and between growers"
  echo
  jq -r '
    (map(select(.c == "static")) | group_by(.d) | map({key: (.[0].d | tostring), value: (map(.acc) | add / length)})
      | from_entries) as $static
    | map(select(.c | IN("static", "dense") | not)) | group_by([.g, .c, .d]) | map({g: .[0].g, c: .[0].c, d: .[0].d, m: (map(.acc) | add / length)})
    | . as $cells
    | ($cells | map(select($static[.d | tostring] != null))) as $paired
    | "- Cells (criterion, grower, density) whose mean beats static sparse training at the same density: "
      + "\($paired | map(select(.m > $static[.d | tostring])) | length) of \($paired | length); the margin, mean over"
      + " the cells: \($paired | map(.m - $static[.d | tostring]) | if length > 0 then add / length * 10000 | round / 100 else "n/a" end) points."
    , ([$cells[] | select(.g == "gradient") | . as $x | ($cells[] | select(.g == "random" and .c == $x.c and .d == $x.d)) | $x.m - .m]
      | "- Gradient growth minus random growth, mean over \(length) (criterion, density) pairs: "
        + "\(if length > 0 then add / length * 10000 | round / 100 else "n/a" end) points; gradient ahead in "
        + "\(map(select(. > 0)) | length) of them.")' <<<"$records"
  if [[ -f bench/results-fw-notes.md ]]; then echo; cat bench/results-fw-notes.md; fi
  echo
  for g in "${growers[@]}"; do
    echo "![test accuracy against density, $g growth](img/$img_name-$g.png)"
    echo
  done
} > "$out"

# the figure: one chart per grower, a line per criterion (mean, with the 95% interval as bars), static the
# ninth line (dashed), dense a flat tenth
for g in "${growers[@]}"; do
  jq -r --arg g "$g" --argjson C "$criteria_json" "$BENCH_JQ_CI"'
    "series\tx\ty\terror",
    (map(select(.g == $g or .c == "static")) | group_by([.c, .d])
     | sort_by(.[0].c as $c | ($C | index($c)) // 99, .[0].d)[]
     | "\(.[0].c)\t\(.[0].d)\t\(map(.acc) | add / length * 100)\t\(map(.acc) | ci_half(100))"),
    (map(select(.c != "dense") | .d) | [min, max]) as $ends
    | (map(select(.c == "dense") | .acc) | select(length > 0)
       | "dense\t\($ends[]?)\t\(add / length * 100)\t\(ci_half(100))")' <<<"$records" \
    > "$runs/plot-$g.tsv"
  ./rewire plot "$runs/plot-$g.tsv" --out "$img_dir/$img_name-$g.png" --log-x --x-label "density (log scale)" \
    --y-label "test accuracy (%)" --title "Pruning criteria, $g growth: MLP on Fashion-MNIST" >&2
done
echo "wrote $out and $img_dir/$img_name-{${growers[*]// /,}}.png (runs in $runs)" >&2
