#!/usr/bin/env bash
# Times one topology update (Rewirer.maybeRewire) of a 4096x4096 sparse layer for every grower with
# JMH, measures what it allocates (-prof gc), and writes docs/benchmarks-rewire.md.
#
#   bench/rewire.sh                    every grower at 1% and 10% density, 1 and 2 threads (roughly
#                                      30-45 minutes: an estimate, a configuration's iterations take
#                                      32 s against --quick's 11 s; --quick took 16 minutes at load 20)
#   bench/rewire.sh --growers a,b      only these growers (random, gradient, momentum, mixed, ch2)
#   bench/rewire.sh --slow g:d,...     run grower g at density d with 1 warmup and 3 measurement
#                                      iterations, for updates that take about a minute or more
#                                      (default: ch2:0.1)
#   bench/rewire.sh --quick            1 warmup and 2 measurement iterations: checks the pipeline
#   bench/rewire.sh --no-build         use the existing rewire-bench/target/benchmarks.jar
#   bench/rewire.sh --out FILE         write somewhere other than docs/benchmarks-rewire.md
#   bench/rewire.sh --no-profile       skip the JFR profile (where the time of an update goes)
#
# The machine is shared: before each JMH run the script waits until no other JMH run
# (benchmarks.jar) is left, and records the 1-minute load average before and after it (one JMH run
# of 1 thread alone ends near 1; more means it shared the machine). One JMH run per grower, thread
# count and iteration setting, plus one of the setup-only baseline RewireBenchmark.freshLayer, then
# JFR profiles at 1 thread (10% density; ch2 at 1%, whose update at 10% takes about half a minute).
set -euo pipefail
. "$(dirname "$0")/common.sh"
bench_jar_java

growers=random,gradient,momentum,mixed,ch2; slow=ch2:0.1; quick=false; build=true; profile=true; out=docs/benchmarks-rewire.md
command="bench/rewire.sh${*:+ $*}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --growers) growers="$2"; shift ;;
    --slow) slow="$2"; shift ;;
    --quick) quick=true ;;
    --no-build) build=false ;;
    --no-profile) profile=false ;;
    --out) out="$2"; shift ;;
    *) bench_unknown_option "$1" ;;
  esac
  shift
done

bench_prepare "$build"

normal=(); slowIterations=(-wi 1 -i 3); profileIterations=(-wi 2 -i 3)
if $quick; then normal=(-wi 1 -i 2); slowIterations=(-wi 0 -i 1); profileIterations=(-wi 1 -i 1); fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=bench/results/tmp/rewire-$stamp
mkdir -p "$results"
loads=()
files=()

# run NAME ARGS...: one JMH run after the machine is free of other JMH runs, results in $results/NAME.json
run() {
  local name=$1; shift
  while pgrep -f 'benchmarks.jar' >/dev/null; do sleep 20; done
  local before; before=$(cut -d' ' -f1 /proc/loadavg)
  "$JAVA" -jar "$JAR" "$@" -rf json -rff "$results/$name.json"
  loads+=("$name $before/$(cut -d' ' -f1 /proc/loadavg)")
}

# jmh NAME ARGS...: a measured run with the GC profiler, its results go into the table
jmh() {
  run "$@" -prof gc
  files+=("$results/$1.json")
}

# profile NAME GROWERS DENSITY: JFR profiles of one thread, one profile.jfr per configuration under $results/jfr
profile() {
  if [[ -n $2 ]]; then
    run "$1" 'RewireBenchmark\.update$' -p grower="$2" -p density="$3" -p threads=1 "${profileIterations[@]}" \
      -prof "jfr:dir=$results/jfr"
  fi
}

# densities of grower $1: "normal" or "slow" ones, as a JMH -p value (empty when there are none)
densities() {
  local kind=$1 grower=$2 all=(0.01 0.1) picked=() d
  for d in "${all[@]}"; do
    if [[ ",$slow," == *",$grower:$d,"* ]]; then [[ $kind == slow ]] && picked+=("$d")
    else [[ $kind == normal ]] && picked+=("$d"); fi
  done
  (IFS=,; echo "${picked[*]}")
}

jmh baseline 'RewireBenchmark\.freshLayer$' -p grower=random -p threads=1 "${normal[@]}"
for grower in ${growers//,/ }; do
  for threads in 1 2; do
    d=$(densities normal "$grower")
    if [[ -n $d ]]; then
      jmh "$grower-t$threads" 'RewireBenchmark\.update$' -p grower="$grower" -p threads="$threads" -p density="$d" \
        "${normal[@]}"
    fi
    d=$(densities slow "$grower")
    if [[ -n $d ]]; then
      jmh "$grower-t$threads-slow" 'RewireBenchmark\.update$' -p grower="$grower" -p threads="$threads" \
        -p density="$d" "${slowIterations[@]}"
    fi
  done
done

if $profile; then
  growersAt10=$(echo ",$growers," | sed 's/,ch2,/,/; s/^,//; s/,$//')
  profile profile-10 "$growersAt10" 0.1
  if [[ ",$growers," == *",ch2,"* ]]; then profile profile-ch2 ch2 0.01; fi
  if [[ -d $results/jfr ]]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$results/jfr" -name profile.jfr | sort)
  fi
fi

machine="$(bench_cpu_model), $(nproc) cores; $(lscpu | sed -n 's/^L2 cache: *//p') L2, $(lscpu | sed -n 's/^L3 cache: *//p') L3"
load=$(IFS=';'; echo "${loads[*]}")
"$JAVA" "${FLAGS[@]}" -cp "$JAR" rewire.bench.RewireBenchmarkReport --out "$out" --command "$command" --revision "$revision" \
  --machine "$machine" --load "${load//;/, }" "${files[@]}"
echo "JMH results in $results"
