# Sourced by bench/results-dist.sh: write_results_dist RUNS COMMAND COMMANDS prints docs/results-dist.md
# from the run folders under RUNS (one folder per run name, as results-dist.sh trains them); COMMAND is
# the script's command line, COMMANDS each run's ./rewire command, one a line. Needs bench/common.sh.

# the run folder of run $1, or nothing
dist_folder() { bench_run_folder "$DIST_RUNS/$1"; }
# run.json's summary.$2 of run $1, or nothing
dist_summary() {
  local f; f=$(dist_folder "$1")
  if [[ -n "$f" && -f "$f/run.json" ]]; then jq -r ".summary.$2 // empty" "$f/run.json"; fi
}
# run $1's train lines of metrics.jsonl as a JSON array
dist_train() {
  local f; f=$(dist_folder "$1")
  if [[ -n "$f" && -f "$f/metrics.jsonl" ]]; then jq -s '[.[] | select(.split == "train")]' "$f/metrics.jsonl"; else echo '[]'; fi
}
# the step-weighted mean of metric $2 over run $1's train lines, the first (warm-up) window left out when there are more
dist_mean() {
  dist_train "$1" | jq -r --arg k "$2" '[.[] | select(.[$k] != null)] | (if length > 1 then .[1:] else . end)
    | if length == 0 then empty else ((map(.[$k] * .steps) | add) / (map(.steps) | add)) end'
}
# the largest value of metric $2 in run $1's train lines
dist_max() { dist_train "$1" | jq -r --arg k "$2" '[.[] | .[$k] // empty] | max // empty'; }
# every byte run $1 sent: the sum of stepBytes over its steps
dist_total_bytes() { dist_train "$1" | jq -r '[.[] | select(.stepBytes != null) | .stepBytes * .steps] | add // empty'; }
# wall-clock seconds per step over run $1's train lines after the first window
dist_seconds_per_step() {
  dist_train "$1" | jq -r 'if length > 2 then ((.[-1].elapsedSeconds - .[0].elapsedSeconds) / (.[-1].step - .[0].step))
    else empty end'
}
# what run $1 trained, from its run.json: "E epoch(s) (S steps of 128) on the first N training examples"
dist_budget() {
  local f; f=$(dist_folder "$1")
  if [[ -z "$f" || ! -f "$f/run.json" ]]; then echo "(not run)"; return; fi
  jq -r '(.config.data.trainLimit) as $n | "\(.summary.epochs) epoch(s) (\(.summary.steps) steps of \(.config.data.batchSize))"
    + (if $n > 0 then " on the first \($n) training examples" else " on the whole training set" end)' "$f/run.json"
}
# test accuracy of run $1 in percent, or nothing
dist_accuracy() {
  local a; a=$(dist_summary "$1" score)
  if [[ -n "$a" ]]; then awk -v a="$a" 'BEGIN { printf "%.2f", 100 * a }'; fi
}
# awk's thousands separators, for every table (mawk has no %'d)
DIST_AWK='function comma(n,   s, r) { s = sprintf("%.0f", n); r = ""
  while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } return s r }
function size(b) { return b >= 1e9 ? sprintf("%.2f GB", b / 1e9) : b >= 1e6 ? sprintf("%.1f MB", b / 1e6) : sprintf("%.0f kB", b / 1e3) }'
dist_or() { if [[ -n "$1" ]]; then echo "$1"; else echo "${2:-not run}"; fi; }
dist_fmt() { if [[ -n "$2" ]]; then awk -v v="$2" "BEGIN { printf \"$1\", v }"; else echo "not run"; fi; }
dist_verdict() { awk "BEGIN { print (($1) ? \"met\" : \"missed\") }"; }

dist_traffic_table() {
  echo "| density | nnz stored | bytes per round (2 shards) | vs dense | bytes per epoch (469 rounds) | snapshot (ms) | shards (ms) | aggregate (ms) |"
  echo "|---|---|---|---|---|---|---|---|"
  local dense_round; dense_round=$(dist_mean traffic-1 roundBytes)
  for d in 1 0.1 0.01; do
    local r; r=$(dist_mean "traffic-$d" roundBytes)
    if [[ -z "$r" ]]; then echo "| $d | not run | | | | | | |"; continue; fi
    awk -v d="$d" -v nnz="$(dist_summary "traffic-$d" nnz)" -v r="$r" -v dr="${dense_round:-0}" \
        -v s="$(dist_mean "traffic-$d" snapshotSeconds)" -v w="$(dist_mean "traffic-$d" shardSeconds)" \
        -v a="$(dist_mean "traffic-$d" aggregateSeconds)" "$DIST_AWK"' BEGIN {
      printf "| %s | %s | %s | %s | %s | %.1f | %.0f | %.1f |\n", d, comma(nnz), comma(r),
        (dr > 0 ? sprintf("%.2f%%", 100 * r / dr) : "no dense row"), size(469 * r), 1000 * s, 1000 * w, 1000 * a }'
  done
}

# a rewiring step's message against the dense gradients a worker would otherwise send, at the MLP's shapes
dist_rewire_table() {
  echo "| density | bytes of a rewiring step (2 shards) | of which layer batches (64 examples x (in + out) per layer and shard) | dense gradients of the 4 layers, 2 shards |"
  echo "|---|---|---|---|"
  for d in 0.1 0.01; do
    local g; g=$(dist_max "rewire-$d" roundBytes)
    if [[ -z "$g" ]]; then echo "| $d | not run | | |"; continue; fi
    awk -v d="$d" -v g="$g" "$DIST_AWK"' BEGIN {
      batches = 2 * 4 * 64 * ((784 + 1000) + (1000 + 1000) + (1000 + 1000) + (1000 + 10))
      dense = 2 * 4 * (784 * 1000 + 1000 * 1000 + 1000 * 1000 + 1000 * 10)
      printf "| %s | %s | %s | %s |\n", d, comma(g), comma(batches), comma(dense) }'
  done
}

dist_accuracy_table() {
  echo "| density | seed | single process (test acc. %) | Spark, 2 partitions x 64 (test acc. %) | difference (points) | Spark wall clock (s) |"
  echo "|---|---|---|---|---|---|"
  for key in 1-42 0.1-42 0.1-43 0.1-44 0.01-42; do
    local s p; s=$(dist_accuracy "acc-single-$key"); p=$(dist_accuracy "acc-spark-$key")
    local diff=""; [[ -n "$s" && -n "$p" ]] && diff=$(awk -v a="$p" -v b="$s" 'BEGIN { printf "%+.2f", a - b }')
    echo "| ${key%-*} | ${key##*-} | $(dist_or "$s") | $(dist_or "$p") | $(dist_or "$diff" "") | $(dist_fmt "%.0f" "$(dist_summary "acc-spark-$key" wallClockSeconds)") |"
  done
}

# the accuracy target's row: the largest |Spark - single process| over the rows that ran both
dist_accuracy_verdict() {
  local worst=""
  for key in 1-42 0.1-42 0.1-43 0.1-44 0.01-42; do
    local s p; s=$(dist_accuracy "acc-single-$key"); p=$(dist_accuracy "acc-spark-$key")
    [[ -n "$s" && -n "$p" ]] && worst=$(awk -v a="$p" -v b="$s" -v w="${worst:-0}" 'BEGIN { d = a - b; if (d < 0) d = -d; print (d > w ? d : w) }')
  done
  if [[ -z "$worst" ]]; then echo "| Spark within 0.3 points of the single process at every density | not run | |"; return; fi
  echo "| Spark within 0.3 points of the single process at every density | largest difference $(awk -v w="$worst" 'BEGIN { printf "%.2f", w }') points | $(dist_verdict "$worst <= 0.3") |"
}

# mean and sample standard deviation of the accuracies of runs $@
dist_mean_sd() {
  local vals=(); for r in "$@"; do local a; a=$(dist_accuracy "$r"); [[ -n "$a" ]] && vals+=("$a"); done
  if [[ ${#vals[@]} -eq 0 ]]; then echo "not run"; return; fi
  printf '%s\n' "${vals[@]}" | awk '{ s += $1; q += $1 * $1; n++ } END {
    m = s / n; sd = n > 1 ? sqrt((q - n * m * m) / (n - 1)) : 0; printf "%.2f +- %.2f (%d seeds)", m, sd, n }'
}

dist_compression_table() {
  echo "| update | local steps K | test acc. (%) | bytes sent | vs uncompressed K = 1 | compression error |"
  echo "|---|---|---|---|---|---|"
  local plain; plain=$(dist_total_bytes acc-spark-0.1-42)
  while IFS='|' read -r run label k; do
    local b e; b=$(dist_total_bytes "$run"); e=$(dist_mean "$run" compressionError)
    if [[ -z "$b" ]]; then echo "| $label | $k | not run | | | |"; continue; fi
    awk -v l="$label" -v k="$k" -v acc="$(dist_accuracy "$run")" -v b="$b" -v p="${plain:-0}" -v e="$e" "$DIST_AWK"' BEGIN {
      printf "| %s | %s | %s | %s | %s | %s |\n", l, k, acc, size(b), (p > 0 ? sprintf("%.3f", b / p) : "no baseline"),
        (e == "" ? "-" : sprintf("%.3f", e)) }'
  done <<'EOF'
acc-spark-0.1-42|none (values, exact; Spark)|1
comp-topk-ef|top-1% with error feedback|1
comp-topk-noef|top-1% without error feedback|1
comp-randomk-ef|random-1% with error feedback|1
comp-int8-ef|8-bit with error feedback|1
comp-k4|none|4
comp-k16|none|16
EOF
}

dist_federated_table() {
  echo "| client split | clients | sampled per round | local steps | test acc. (%) | bytes sent |"
  echo "|---|---|---|---|---|---|"
  for run in fed-iid fed-dirichlet; do
    local label; label=$([[ $run == fed-iid ]] && echo "IID" || echo "Dirichlet, alpha = 0.1")
    local b; b=$(dist_total_bytes "$run")
    echo "| $label | 8 | 4 (50%) | 16 | $(dist_or "$(dist_accuracy "$run")") | $(dist_or "$([[ -n "$b" ]] && awk -v b="$b" "$DIST_AWK"' BEGIN { print size(b) }')") |"
  done
}

dist_scaling_measured() {
  echo "| partitions (local[N]) | density | ms per round | snapshot (ms) | shards (ms) | aggregate (ms) | rounds/s |"
  echo "|---|---|---|---|---|---|---|"
  for d in 0.1 0.01; do
    for p in 1 2 4; do
      local run; run=$([[ $p == 2 ]] && echo "traffic-$d" || echo "scale-p$p-$d")
      local t; t=$(dist_seconds_per_step "$run")
      if [[ -z "$t" ]]; then echo "| $p | $d | not run | | | | |"; continue; fi
      awk -v p="$p" -v d="$d" -v t="$t" -v s="$(dist_mean "$run" snapshotSeconds)" -v w="$(dist_mean "$run" shardSeconds)" \
          -v a="$(dist_mean "$run" aggregateSeconds)" 'BEGIN {
        printf "| %d | %s | %.0f | %.1f | %.0f | %.1f | %.2f |\n", p, d, 1000 * t, 1000 * s, 1000 * w, 1000 * a, 1 / t }'
    done
  done
}

# rounds per second of P executors at each density, from the measured costs (see the assumptions in the doc)
dist_scaling_model() {
  echo "| executors | density | compute (ms) | broadcast (ms) | gather (ms) | aggregate (ms) | overhead (ms) | rounds/s | examples/s |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for d in 1 0.1 0.01; do
    local m nnz c a o
    m=$(dist_mean "traffic-$d" roundBytes); nnz=$(dist_summary "traffic-$d" nnz)
    c=$(dist_seconds_per_step "acc-single-$d-42"); a=$(dist_mean "traffic-$d" aggregateSeconds)
    o=$(dist_overhead)
    for p in 8 64 512; do
      if [[ -z "$m" || -z "$c" || -z "$o" ]]; then echo "| $p | $d | not run | | | | | | |"; continue; fi
      awk -v p="$p" -v d="$d" -v m="$m" -v nnz="$nnz" -v c="$c" -v a="$a" -v o="$o" "$DIST_AWK"' BEGIN {
        bw = 1.25e9; lat = 0.001
        msg = m / 2; snap = d == 1 ? msg : msg + 4 * nnz
        compute = 64 * c / 128; broadcast = snap / bw + lat * log(p) / log(2); gather = p * msg / bw
        aggregate = p * a / 2; t = compute + broadcast + gather + aggregate + o
        printf "| %d | %s | %.0f | %.1f | %.1f | %.1f | %.0f | %.2f | %s |\n", p, d, 1000 * compute, 1000 * broadcast,
          1000 * gather, 1000 * aggregate, 1000 * o, 1 / t, comma(64 * p / t) }'
    done
  done
}

# the engine's per-round overhead measured at 1% density: the shards' time beyond their compute
dist_overhead() {
  local w c; w=$(dist_mean traffic-0.01 shardSeconds); c=$(dist_seconds_per_step acc-single-0.01-42)
  if [[ -n "$w" && -n "$c" ]]; then awk -v w="$w" -v c="$c" 'BEGIN { o = w - 64 * c / 128; print (o > 0 ? o : 0) }'; fi
}

write_results_dist() {
  DIST_RUNS=$1
  local command=$2 commands=${3:-}
  local dense_round sparse_round acc_single acc_spark
  dense_round=$(dist_mean traffic-1 roundBytes); sparse_round=$(dist_mean traffic-0.01 roundBytes)
  cat <<EOF
# Results: data-parallel and federated training (Apache Spark)

Produced by \`$command\` on $(date -u +%Y-%m-%d), $(lscpu | sed -n 's/^Model name: *//p' | head -1),
$(nproc) cores shared with other jobs (load average $(cut -d' ' -f1-3 /proc/loadavg) when the doc was written),
$("$JAVA_HOME/bin/java" -version 2>&1 | head -1), Spark 4.2.0, git $(git rev-parse --short HEAD).
Run folders: \`$DIST_RUNS\` (\`bench/results-dist.sh --runs DIR\` with the same options rewrites this doc
from them). OpenBLAS kernels the runs used: $(bench_blas_cores_used "$DIST_RUNS") (the script sets this CPU's
best, bench/blas-core.sh). Each run's command is listed at the end.

**Budget.** This machine has 2 cores shared by seven engineers, so these are short runs of the MLP
784-1000-1000-1000-10 (\`examples/spark/mlp-spark.yaml\`: SGD with momentum 0.9, lr 0.05, weight decay
5e-4; RigL, ERK, deltaT 100 for the sparse accuracy rows, a fixed random topology for the traffic rows):
the traffic and scaling rows train $(dist_budget traffic-1), every accuracy, compression and federated
row trains **$(dist_budget acc-spark-0.1-42)**, one seed (42) for the comparisons and three (42, 43,
44) for the headline row. Accuracies after so short a run are far below converged ones; they compare
the engines with each other, not with published figures. Times depend on the other jobs sharing the
machine (the load average above). The full budget is for a quiet machine: \`bench/results-dist.sh --epochs 20\`.

Bytes are what the shards' messages hold as serialized (\`rewire.dist.LocalMessage\`: each parameter's
nnz values and each optimizer slot, 4 bytes a float, plus the steps' results), summed over the shards:
the \`roundBytes\` and \`stepBytes\` metrics of metrics.jsonl. Spark's own task envelope (a few hundred bytes
per task) is not counted; the snapshot the driver broadcasts each round (values, slots and the CSR
patterns) is the downlink and is listed in the scaling model.

## Traffic and time per round against dense data parallelism

Spark \`local[2]\`, 2 partitions of 64 examples, one local step per round, uncompressed: a round sends
every parameter's values and momentum, nnz floats each. Times per round, from the driver
(\`snapshotSeconds\`: taking the model's snapshot; \`shardSeconds\`: the Spark round, broadcasting the
snapshot's bytes, each partition's deserialisation, step and encoding, the messages' way back through
\`treeAggregate\`; \`aggregateSeconds\`: decoding and averaging the messages), means over rounds 11 to 40
(the first 10 warm the JVM up).

$(dist_traffic_table)

| target | measured | verdict |
|---|---|---|
$(if [[ -n "$dense_round" && -n "$sparse_round" ]]; then
    echo "| traffic proportional to density: the 1%-dense model ships at most 2% of dense bytes | $(awk -v a="$sparse_round" -v b="$dense_round" 'BEGIN { printf "%.2f%%", 100 * a / b }') | $(dist_verdict "$sparse_round <= 0.02 * $dense_round") |"
  else echo "| the 1%-dense model ships at most 2% of dense bytes | not run | |"; fi)

The biases (3,010 floats) and their momentum are dense at every density, which is why the sparse
rows' share is slightly above their density.

**Gradient growth on Spark.** At a step where RigL rewires, the driver needs the top-k of every sparse
layer's dense gradient over the whole batch. The shards send their gradients (nnz floats) and each
sparse layer's batch, its inputs and output gradients for their 64 examples, from which the driver
streams the dense gradient in row tiles with a bounded top-k (what one process does). The alternative,
each shard streaming its dense gradient in tiles, sends every entry of it: \`in x out\` floats a layer.
The batches are smaller whenever a shard's batch is below \`in x out / (in + out)\` examples: 440 for the
784 x 1000 layer, 500 for 1000 x 1000, but 10 for the 1000 x 10 output layer, whose batch of 64
examples is larger than its dense gradient (choosing per layer is left open). Summed over the four
layers the batches are far smaller. Measured at the MLP's shapes (RigL every 10 steps; the largest
round of the run is a rewiring step):

$(dist_rewire_table)

## Accuracy against the single process with the same global batch

$(dist_budget acc-spark-0.1-42), global batch 128: the single process, and Spark \`local[2]\` with 2 partitions of 64 and one
local step per round (synchronous data parallelism, uncompressed; RigL rewires on the driver from the
whole batch's gradient). With SGD and momentum the update is linear in the gradient, so the two runs
differ only by the order of float sums.

$(dist_accuracy_table)

Headline (density 0.1, RigL): single process $(dist_mean_sd acc-single-0.1-42 acc-single-0.1-43 acc-single-0.1-44),
Spark $(dist_mean_sd acc-spark-0.1-42 acc-spark-0.1-43 acc-spark-0.1-44).

| target | measured | verdict |
|---|---|---|
$(dist_accuracy_verdict)

## Compression and local steps

Density 0.1 (RigL), 2 shards, $(dist_budget comp-topk-ef), on the local engine (threads): compression and client
sampling are the same code on every engine, and the Spark tests check that Spark gives the local
engine's bits. Bytes sent: the sum of \`stepBytes\` (rewiring steps included). The
compression error is \`|x - C(x)| / |x|\` of a round's changes x (the change plus the residual with
error feedback), averaged over the run. K local steps between averagings is local SGD: each shard
takes K optimizer steps on its own batches before the driver averages values and momentum.

$(dist_compression_table)

## Federated averaging

8 clients, each owning a fixed share of the training set (\`dist.split\`: IID, or per class a share drawn
from Dirichlet(0.1)), 50% of them sampled per round (FedAvg's client fraction), 16 local steps of 16
examples each, $(dist_budget fed-iid): $(dist_fmt "about %d rounds" "$(dist_summary fed-iid steps | awk '{ if ($1 != "") print int(($1 + 15) / 16) }')"). Every client keeps the global mask: clients train
the driver's sparse topology and RigL rewires on the driver.

$(dist_federated_table)

## Scaling

**Measured** on this machine with Spark \`local[N]\`, N = partitions, global batch 128 (so a partition's
batch shrinks as N grows), 40 rounds, uncompressed, 2 cores for every N:

$(dist_scaling_measured)

**Modelled** for 8, 64 and 512 executors (on paper, from the measured costs above). Assumptions: weak
scaling, each executor trains one partition of 64 examples per round (global batch 64 x executors),
at the single process's measured compute per example at that density; the driver's link is 10 Gb/s
(1.25 GB/s) and every message crosses it (treeAggregate here concatenates messages, so the tree does not
reduce the bytes that reach the driver); the snapshot's broadcast costs one copy on the driver's link
(TorrentBroadcast: executors fetch blocks from each other) plus 1 ms per doubling of executors; the
driver decodes and averages every message at its measured cost per message; each round pays the
engine overhead measured here at 1% density (the shards' time beyond their compute: task launch, job
scheduling, (de)serialisation), $(dist_fmt "%.0f ms" "$(o=$(dist_overhead); [[ -n "$o" ]] && awk -v o="$o" 'BEGIN { print 1000 * o }')"). Stragglers, executors with several cores,
uncompressed downlink of the patterns after a rewiring step and a shuffle-based aggregation are not
modelled.

$(dist_scaling_model)

## Commands

Each row's run, as the script trains it (\`RUNS\`: the run folders above):

\`\`\`bash
$commands
\`\`\`
EOF
  if [[ -f bench/results-dist-notes.md ]]; then echo; cat bench/results-dist-notes.md; fi
}
