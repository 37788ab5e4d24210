#!/usr/bin/env bash
# Tests benchmarks/run.sh's handling of its arguments, without running a benchmark: a copy of the
# script runs in a scratch tree against a stand-in `java` (through JAVA_HOME) that records each
# command line and, for a JMH run, writes the results file it was told to (-rff) as JMH does, and
# refuses an option given twice as JMH does ("Found multiple arguments for option ...").
#
#   benchmarks/run-test.sh        # prints one line per case, then "N passed, 0 failed"
set -euo pipefail
# The profile's exclusions, as run.sh defines them.
side_benchmarks=$(sed -n "s/^side_benchmarks='\\(.*\\)'$/\\1/p" "$(dirname "$0")/run.sh")
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

mkdir -p "$scratch/tree/benchmarks/target" "$scratch/tree/benchmarks/results" "$scratch/jdk/bin"
cp "$here/run.sh" "$scratch/tree/benchmarks/run.sh"
touch "$scratch/tree/benchmarks/target/benchmarks.jar"
cat > "$scratch/jdk/bin/java" <<'JAVA'
#!/usr/bin/env bash
calls=$(dirname "$0")/../calls
n=$(ls "$calls" 2>/dev/null | wc -l)
mkdir -p "$calls"
printf '%s\n' "$@" > "$calls/$n"
if [[ $1 == -jar ]]; then
  # JMH's options that may repeat: -p, -prof, -e, -tg, -wmb. Any other given twice is refused.
  repeated=$(printf '%s\n' "${@:3}" | grep -E '^-[a-zA-Z]+$' | grep -vxE -- '-(p|prof|e|tg|wmb)' | sort | uniq -d | head -n 1)
  if [[ -n $repeated ]]; then
    echo "Found multiple arguments for option ${repeated#-}, but you asked for only one" >&2
    exit 1
  fi
  # A listing runs nothing and writes no results.
  printf '%s\n' "$@" | grep -qxE -- '-(h|l|lp|lprof|lrf)' && exit 0
  previous=
  for arg in "$@"; do
    [[ $previous == -rff ]] && mkdir -p "$(dirname "$arg")" && echo '[]' > "$arg"
    previous=$arg
  done
fi
exit 0
JAVA
chmod +x "$scratch/jdk/bin/java"

passed=0
failed=0
# run_case NAME ARGS... : runs the script; the checks that follow read $jmh and $report.
run_case() {
  name=$1
  shift
  rm -rf "$scratch/jdk/calls" "$scratch/tree/benchmarks/target/jmh-partial"
  echo committed > "$scratch/tree/benchmarks/results/jmh-result.json"
  (cd "$scratch/tree" && JAVA_HOME="$scratch/jdk" bash benchmarks/run.sh "$@") > "$scratch/out" 2>&1 || true
  jmh=$(cat "$scratch/jdk/calls/0" 2>/dev/null || true)
  report=$(cat "$scratch/jdk/calls/1" 2>/dev/null || true)
}
# check DESCRIPTION COMMAND... : one assertion of the current case.
check() {
  description=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok      $name: $description"
  else
    failed=$((failed + 1))
    echo "FAILED  $name: $description"
    echo "        JMH got: $(tr '\n' ' ' <<<"$jmh")"
    echo "        report:  $(tr '\n' ' ' <<<"$report")"
    sed 's/^/        run.sh: /' "$scratch/out"
  fi
}
has() { grep -qxF -- "$1" <<<"$jmh"; }
count() { grep -cxF -- "$1" <<<"$jmh" || true; }
after() { grep -xF -A1 -- "$1" <<<"$jmh" | sed -n 2p; }
committed_untouched() { [[ "$(cat "$scratch/tree/benchmarks/results/jmh-result.json")" == committed ]]; }

run_case "the full profile"
check "JMH runs the profile" eval '[[ $(after -wi) == 5 && $(after -i) == 4 && $(after -f) == 1 && $(after -prof) == gc ]]'
check "the side benchmarks are excluded" eval '[[ $(after -e) == "$side_benchmarks" ]]'
check "the results are the committed ones" eval '[[ $(after -rff) == benchmarks/results/jmh-result.json ]]'
check "the report is drawn into benchmarks/results" eval '[[ $report == *"ReportWriter"$'"'"'\n'"'"'"benchmarks/results/jmh-result.json"$'"'"'\n'"'"'"benchmarks/results" ]]'

run_case "a regex with -wi 2 -i 2" 'EventumInMemoryReplay' -wi 2 -i 2
check "each option reaches JMH once, with the user's value" eval '[[ $(count -wi) == 1 && $(count -i) == 1 && $(after -wi) == 2 && $(after -i) == 2 ]]'
check "the profile's other options stay" eval '[[ $(after -f) == 1 && $(after -r) == 1s && $(after -prof) == gc ]]'
check "the regex reaches JMH" has 'EventumInMemoryReplay'
check "a named benchmark is not excluded" eval '! has -e'
check "the results go apart from the committed ones" eval '[[ $(after -rff) == benchmarks/target/jmh-partial/*/jmh-result.json ]]'
check "the partial results and report are written" eval '[[ -s $(echo "$scratch"/tree/benchmarks/target/jmh-partial/*/jmh-result.json) && $report == *"ReportWriter"* ]]'
check "the committed results are untouched" committed_untouched

run_case "options only, no regex" -wi 1 -f 2
check "the user's values win" eval '[[ $(count -wi) == 1 && $(after -wi) == 1 && $(count -f) == 1 && $(after -f) == 2 ]]'
check "the side benchmarks stay excluded" eval '[[ $(after -e) == "$side_benchmarks" ]]'
check "still a partial run, kept apart" eval '[[ $(after -rff) == benchmarks/target/jmh-partial/*/jmh-result.json ]]'

run_case "the user's own profiler and heap" 'Floor' -prof stack -jvmArgsAppend -Xmx1g
check "they replace the profile's" eval '[[ $(count -prof) == 1 && $(after -prof) == stack && $(count -jvmArgsAppend) == 1 && $(after -jvmArgsAppend) == -Xmx1g ]]'

run_case "the user's own -e" -e 'Mongo'
check "it replaces the profile's exclusion" eval '[[ $(count -e) == 1 && $(after -e) == Mongo ]]'

run_case "the user's own results file" 'Floor' -rff "$scratch/mine/out.json"
check "JMH writes there" eval '[[ $(count -rff) == 1 && $(after -rff) == "$scratch/mine/out.json" ]]'
check "the report is drawn beside it" eval '[[ $report == *"$scratch/mine/out.json"$'"'"'\n'"'"'"$scratch/mine" ]]'
check "the committed results are untouched" committed_untouched

run_case "a result format the report cannot read" 'Floor' -rf csv
check "JMH gets one -rf, the user's" eval '[[ $(count -rf) == 1 && $(after -rf) == csv ]]'
check "no report is drawn" eval '[[ -z $report ]]'

run_case "a JMH failure" 'Floor' -wi 1 -wi 2
check "JMH's refusal reaches the user" eval 'grep -q "Found multiple arguments for option wi" "$scratch/out"'
check "no report is drawn, no empty folder is left" eval '[[ -z $report && -z $(ls -A "$scratch/tree/benchmarks/target/jmh-partial" 2>/dev/null) ]]'

run_case "a listing" -l
check "JMH lists" has '-l'
check "no report is drawn, no empty folder is left" eval '[[ -z $report && -z $(ls -A "$scratch/tree/benchmarks/target/jmh-partial" 2>/dev/null) ]]'

echo "run.sh: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
