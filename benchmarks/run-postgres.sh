#!/usr/bin/env bash
# Runs the PostgreSQL profile: every PostgreSQL row side by side in one run, with durable commits
# (fsync and synchronous_commit on, checked with SHOW when the server starts), then writes the table.
#
#   benchmarks/run-postgres.sh              # durable: benchmarks/results/postgres/ (committed)
#   benchmarks/run-postgres.sh --no-fsync   # the same appends and writers without durable commits:
#                                           # benchmarks/results/postgres-no-fsync/ (committed)
#
# The rows: replay at N=10, 1,000 and 100,000 (Eventum's JPA store, Axon's JDBC engine, the JDBC load
# floor), the append of a new aggregate's 1 and 100 events (the same three), and 1, 4 and 16 writers
# appending 1-event batches (the same three). About 8 minutes on 2 cores (24 trials; 12 without fsync).
# benchmarks/README.md says what each row does.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=benchmarks/target/benchmarks.jar
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ ! -f "$jar" ]]; then
  echo "building $jar" >&2
  ./mvnw -B -q -pl benchmarks -am -DskipTests package
fi

heap="-Xms3g -Xmx3g"
if [[ "${1:-}" == "--no-fsync" ]]; then
  selection='EventumJpaPostgresAppend|AxonJdbcPostgresAppend|FloorJdbcPostgresAppend|PostgresWriters'
  heap="$heap -Deventum.postgres.durable=false"
  results=benchmarks/results/postgres-no-fsync
else
  selection='EventumJpaPostgresAppend|AxonJdbcPostgresAppend|FloorJdbcPostgresAppend|EventumJpaPostgresReplay|AxonJdbcPostgresReplay|FloorJdbcPostgresReplay|PostgresWriters'
  results=benchmarks/results/postgres
fi
mkdir -p "$results"
"$java" -jar "$jar" "$selection" -p batch=1,100 -f 1 -wi 5 -w 1s -i 4 -r 1s -jvmArgsAppend "$heap" \
  -rf json -rff "$results/jmh-result.json"
"$java" -Djava.awt.headless=true -cp "$jar" io.eventum.benchmarks.report.ReportWriter "$results/jmh-result.json" "$results"
