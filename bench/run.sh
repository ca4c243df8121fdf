#!/usr/bin/env bash
# Builds and runs the benchmark suite, then writes docs/performance.md and docs/performance.svg.
#
#   bench/run.sh [FILTER]       FILTER: a Google Benchmark regex (default: everything)
#
# Environment (defaults in brackets):
#   BEDROCK_AGENT_BENCH_BUILD        build directory [<repo>/build-bench]
#   BEDROCK_AGENT_BENCH_ARCH         target flags of the benchmarks [-march=haswell]
#   BEDROCK_AGENT_BENCH_CPU          core the runs are pinned to with taskset [1]
#   BEDROCK_AGENT_BENCH_REPETITIONS  repetitions; medians are reported [5]
#   BEDROCK_AGENT_BENCH_MIN_TIME     seconds per repetition [0.2]
#   BEDROCK_AGENT_BENCH_NDJSON_MB    size of the generated NDJSON corpus in MiB [100]
#   BEDROCK_AGENT_BENCH_CLI_RUNS     timed runs of bedrock-agent-validate on the corpus [3]
#   BEDROCK_AGENT_BENCH_VALIDATOR_RUNS  repetitions of the whole-process validator benchmark [7]
#   BEDROCK_AGENT_BENCH_VALIDATOR_LINES lines of each of its two corpora [250000]
#   BEDROCK_AGENT_BENCH_NO_DOCS=1    write the JSON results only
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BEDROCK_AGENT_BENCH_BUILD:-$root/build-bench}
arch=${BEDROCK_AGENT_BENCH_ARCH:--march=haswell}
cpu=${BEDROCK_AGENT_BENCH_CPU:-1}
reps=${BEDROCK_AGENT_BENCH_REPETITIONS:-5}
min_time=${BEDROCK_AGENT_BENCH_MIN_TIME:-0.2}
cli_runs=${BEDROCK_AGENT_BENCH_CLI_RUNS:-3}
validator_runs=${BEDROCK_AGENT_BENCH_VALIDATOR_RUNS:-7}
validator_lines=${BEDROCK_AGENT_BENCH_VALIDATOR_LINES:-250000}
filter=${1:-.}
results=$build/bench-results
mkdir -p "$results"
export BEDROCK_AGENT_BENCH_NDJSON=$build/stop-responses.ndjson
export BEDROCK_AGENT_BENCH_NDJSON_MB=${BEDROCK_AGENT_BENCH_NDJSON_MB:-100}

pin=()
if command -v taskset >/dev/null && taskset -c "$cpu" true 2>/dev/null; then pin=(taskset -c "$cpu"); fi

# ---- build (one job: the machine is shared) ----
configure() {
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBEDROCK_AGENT_BUILD_BENCH=ON \
    -DBEDROCK_AGENT_BUILD_TESTS=OFF -DBEDROCK_AGENT_BUILD_EXAMPLES=OFF -DBEDROCK_AGENT_INSTALL=OFF \
    -DBEDROCK_AGENT_BENCH_ARCH="$arch" "$@" >/dev/null
}
configure -DBEDROCK_AGENT_BUILD_TOOLS=ON || configure -DBEDROCK_AGENT_BUILD_TOOLS=OFF
cmake --build "$build" -j1 --target bedrock_agent_bench bedrock_agent_bench_fallback bedrock_agent_validator_floor
cli=""
if cmake --build "$build" -j1 --target bedrock-agent-validate >"$build/cli-build.log" 2>&1; then
  cli=$build/tools/bedrock-agent-validate
else
  echo "run.sh: bedrock-agent-validate does not build (see $build/cli-build.log); not timed" >&2
fi
# The validator as shipped builds without -march flags (fallback On-Demand kernel); a second
# copy with the bench's flags shows what consumers gain by passing them.
cli_arch=""
if [[ -f "$root/tools/CMakeLists.txt" ]]; then
  if cmake -S "$root" -B "$build/cli-arch" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$arch" \
       -DBEDROCK_AGENT_BUILD_TESTS=OFF -DBEDROCK_AGENT_BUILD_EXAMPLES=OFF -DBEDROCK_AGENT_INSTALL=OFF \
       -DBEDROCK_AGENT_BUILD_TOOLS=ON >/dev/null &&
     cmake --build "$build/cli-arch" -j1 --target bedrock-agent-validate >"$build/cli-arch-build.log" 2>&1; then
    cli_arch=$build/cli-arch/tools/bedrock-agent-validate
  else
    echo "run.sh: bedrock-agent-validate with $arch does not build (see $build/cli-arch-build.log)" >&2
  fi
fi

# ---- run ----
bench_args=(--benchmark_filter="$filter" --benchmark_repetitions="$reps" --benchmark_report_aggregates_only=true
            --benchmark_enable_random_interleaving=true --benchmark_min_time="$min_time"
            --benchmark_out_format=json)
echo "run.sh: ${pin[*]} bedrock_agent_bench ${bench_args[*]}"
"${pin[@]}" "$build/bench/bedrock_agent_bench" "${bench_args[@]}" --benchmark_out="$results/bench.json"
"${pin[@]}" "$build/bench/bedrock_agent_bench_fallback" "${bench_args[@]}" --benchmark_out="$results/bench-fallback.json"

rm -f "$results/cli.json" "$results/cli-arch.json"
if [[ -n "$cli" && -f "$BEDROCK_AGENT_BENCH_NDJSON" ]]; then
  python3 "$root/bench/time_cli.py" "$results/cli.json" "$cli_runs" "$BEDROCK_AGENT_BENCH_NDJSON" -- \
    "${pin[@]}" "$cli" --input ndjson --shape response --quiet --no-progress
fi
if [[ -n "$cli_arch" && -f "$BEDROCK_AGENT_BENCH_NDJSON" ]]; then
  python3 "$root/bench/time_cli.py" "$results/cli-arch.json" "$cli_runs" "$BEDROCK_AGENT_BENCH_NDJSON" -- \
    "${pin[@]}" "$cli_arch" --input ndjson --shape response --quiet --no-progress
fi

# The validator against its floor, both as whole processes on two generated corpora: every line
# a new job, and 50 jobs observed in turn (bench/validator_floor.cpp, bench/time_validator.py).
rm -f "$results/validator.json"
if [[ -n "$cli" ]]; then
  floor_bin=$build/bench/bedrock_agent_validator_floor
  for kind in distinct polled; do
    corpus=$build/validator-$kind-$validator_lines.ndjson
    [[ -f "$corpus" ]] || "$floor_bin" generate "$kind" "$validator_lines" "$corpus"
  done
  python3 "$root/bench/time_validator.py" "$results/validator.json" "$validator_runs" \
    --corpus "distinct jobs=$build/validator-distinct-$validator_lines.ndjson" \
    --corpus "50 jobs polled=$build/validator-polled-$validator_lines.ndjson" \
    --command "floor=${pin[*]} $floor_bin read" \
    --command "checked floor=${pin[*]} $floor_bin checked" \
    --command "validator=${pin[*]} $cli --input ndjson --shape response --quiet --no-progress"
fi

# ---- report ----
if [[ -z "${BEDROCK_AGENT_BENCH_NO_DOCS:-}" ]]; then
  # The commit measured (the page itself is committed after the code it describes).
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  git -C "$root" diff --quiet HEAD -- include bench tools 2>/dev/null || commit="$commit + uncommitted changes"
  python3 "$root/bench/report.py" --results "$results" --md "$root/docs/performance.md" \
    --svg "$root/docs/performance.svg" \
    --command "bench/run.sh${1:+ $1} at $commit (repetitions $reps, min_time $min_time s, pinned: ${pin[*]:-no})"
fi
echo "run.sh: results in $results"
