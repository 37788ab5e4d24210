#!/usr/bin/env bash
# Runs the benchmarks as the README's table was made, then writes the table and the chart.
#
#   benchmarks/run.sh                      # the README's profile (under 10 minutes on 2 cores)
#   benchmarks/run.sh 'Replay' -p events=1000   # extra JMH options and a benchmark regex go to JMH
#
# Left out of the profile, to keep it within 10 minutes, but in the jar:
# - Axon's append benchmarks (AxonInMemoryAppend, AxonJdbcH2Append, AxonJdbcPostgresAppend);
# - the bounded-state snapshot loads (EventumInMemoryAccountSnapshotReplay, EventumJpaPostgresAccountSnapshotReplay).
# Run them with
#   java -jar benchmarks/target/benchmarks.jar 'Axon\w*Append|AccountSnapshot' -f 1 -wi 5 -i 4
#
# Writes benchmarks/results/jmh-result.json (JMH's own JSON), then results.md and results.png from it.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=benchmarks/target/benchmarks.jar
results=benchmarks/results
if [[ ! -f "$jar" ]]; then
  echo "building $jar" >&2
  mvn -B -q -pl benchmarks -am -DskipTests package
fi
mkdir -p "$results"

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
java -jar "$jar" \
  -f 1 -wi 5 -w 1s -i 4 -r 1s \
  -e 'Axon\w*Append|AccountSnapshot|Writers|FloorJdbc' \
  -jvmArgsAppend "-Xms3g -Xmx3g" \
  -prof gc \
  -rf json -rff "$results/jmh-result.json" \
  "$@"

java -Djava.awt.headless=true -cp "$jar" io.eventum.benchmarks.report.ReportWriter "$results/jmh-result.json" "$results"
