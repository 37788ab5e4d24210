#!/usr/bin/env bash
# Runs the benchmarks' profile (benchmarks/README.md says what each row does), then writes the table and the chart.
#
#   benchmarks/run.sh                              # the profile (about 10 minutes on 2 cores)
#   benchmarks/run.sh 'Replay' -p events=1000      # a partial run: a benchmark regex and JMH options
#   benchmarks/run.sh 'EventumInMemoryReplay' -wi 2 -i 2
#
# Any JMH option you give replaces the profile's value for that option (JMH refuses an option given
# twice): `-i 2` replaces `-i 4`, `-prof stack` replaces `-prof gc` (give both to keep gc),
# `-jvmArgsAppend ...` replaces the fixed heap. The profile's exclusion of the side benchmarks
# (-e below) applies only when you name no benchmark regex and no -e of your own.
#
# Where the results go:
# - no arguments (the full profile): benchmarks/results/, the files the README shows (committed);
# - any arguments (a partial run): benchmarks/target/jmh-partial/<UTC time>/, never over the
#   committed files; with your own -rff FILE, the report goes beside FILE.
# Each holds jmh-result.json (JMH's own JSON), then results.md and results.png drawn from it.
#
# Left out of the profile, to keep it within 10 minutes, but in the jar:
# - Axon's append benchmarks (AxonInMemoryAppend, AxonJdbcH2Append, AxonJdbcPostgresAppend);
# - the bounded-state snapshot loads (EventumInMemoryAccountSnapshotReplay, EventumJpaPostgresAccountSnapshotReplay);
# - MongoCodecBenchmark, which compares the MongoDB store's hand-written BSON/JSON layer with the driver's codecs.
# Run them with
#   benchmarks/run.sh 'Axon\w*Append|AccountSnapshot'
#
# The JVM is $JAVA_HOME/bin/java when JAVA_HOME is set, else the java on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=benchmarks/target/benchmarks.jar
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ ! -f "$jar" ]]; then
  echo "building $jar" >&2
  ./mvnw -B -q -pl benchmarks -am -DskipTests package
fi

# The profile, sized to finish within 10 minutes on a 2-core machine (43 trials, one JVM fork each):
# - 1 fork: a second fork would double the time; run-to-run variance is judged by rerunning.
# - 5 warmup iterations of 1 s: on 2 cores the C2 compiler competes with the benchmark thread, and
#   a load of 1,000 events (Eventum's or Axon's) runs partly in profiling C1 code, up to 10x slower,
#   for the first ~5 s; a few benchmarks still have a slow first measurement iteration, which shows
#   in their error column (a sixth warmup iteration would push the run past 10 minutes).
# - 4 measurement iterations of 1 s: an N=100,000 load through Axon's JDBC engine takes ~1 s, so
#   each iteration still holds at least one; the error column is JMH's 99.9% interval.
# - A fixed 3 GB heap, so that heap sizing does not drift between forks.
# - -prof gc for gc.alloc.rate.norm, the bytes allocated per operation.
profile=(-f 1 -wi 5 -w 1s -i 4 -r 1s -jvmArgsAppend "-Xms3g -Xmx3g" -prof gc -rf json)
side_benchmarks='Axon\w*Append|AccountSnapshot|MongoCodec|Writers|FloorJdbc'

# Which options the user gave, and whether a benchmark regex is among the arguments. JMH's options
# that take no value are the listing ones (-h, -l, -lp, -lprof, -lrf); every other one takes one.
declare -A given=()
regex=false
args=("$@")
for ((k = 0; k < ${#args[@]}; k++)); do
  arg=${args[k]}
  case "$arg" in
    -h | -l | -lp | -lprof | -lrf) given[$arg]=1 ;;
    -*=*) given[${arg%%=*}]=1 ;;
    -*) given[$arg]=1; k=$((k + 1)) ;;
    *) regex=true ;;
  esac
done

if [[ $# -eq 0 ]]; then
  results=benchmarks/results
else
  results=benchmarks/target/jmh-partial/$(date -u +%Y%m%dT%H%M%SZ)
fi

options=()
for ((k = 0; k < ${#profile[@]}; k += 2)); do
  if [[ -z "${given[${profile[k]}]:-}" ]]; then
    options+=("${profile[k]}" "${profile[k + 1]}")
  fi
done
if [[ $regex == false && -z "${given[-e]:-}" ]]; then
  options+=(-e "$side_benchmarks")
fi
# Read back the results file the user named, or name ours.
json=
format=json
for ((k = 0; k < ${#args[@]}; k++)); do
  case "${args[k]}" in
    -rff) json=${args[k + 1]:-} ;;
    -rff=*) json=${args[k]#-rff=} ;;
    -rf) format=${args[k + 1]:-} ;;
    -rf=*) format=${args[k]#-rf=} ;;
  esac
done
if [[ -z "$json" ]]; then
  json=$results/jmh-result.json
  options+=(-rff "$json")
else
  results=$(dirname "$json")
fi
mkdir -p "$results"

status=0
"$java" -jar "$jar" "${options[@]}" "$@" || status=$?
if [[ $status -ne 0 ]]; then
  rmdir "$results" 2>/dev/null || true
  exit "$status"
fi

# A listing (-l, -h, ...) or a result format other than JSON leaves nothing for the report to read.
if [[ "${format,,}" != json ]]; then
  echo "run.sh: JMH wrote $format results to $json; the report reads JSON only" >&2
elif [[ ! -s "$json" ]]; then
  rmdir "$results" 2>/dev/null || true
  echo "run.sh: JMH wrote no results: no report" >&2
else
  "$java" -Djava.awt.headless=true -cp "$jar" io.eventum.benchmarks.report.ReportWriter "$json" "$results"
fi
