#!/usr/bin/env bash
# The one test command: installs what is missing, then configures, builds and runs every
# test twice: g++ in C++17, and clang-19 in C++20 with AddressSanitizer and UBSan.
# BEDROCK_AGENT_FUZZ_SECONDS (default 20) is how long each fuzz target runs in the clang build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

jobs=${BEDROCK_AGENT_JOBS:-$(nproc)}
start=$SECONDS
phase() { echo "test.sh: $1 done at $((SECONDS - start)) s"; }  # where CI's time goes
# RelWithDebInfo with line tables only (-g1; clang's -gline-tables-only): backtraces and sanitizer
# reports still name files and lines, and g++ skips variable tracking, about a third of the CPU of
# an -O2 -g translation unit (fuzz/fuzz_validate.cpp, user+sys: g++ 12 28.3 s at -O2 -g, 18.6 s
# at -O2 -g1; clang 19 with the sanitizers 35.8 s and 34.0 s). g++ makes the same code as with -g.
# The test programs set their own level (CMakeLists.txt, bedrock_agent_test_build).
build() {  # name, then extra cmake arguments
  local name=$1 dir=build/$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
    "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  phase "$name build"
  ctest --test-dir "$dir" -j "$jobs" --output-on-failure --timeout 900
  phase "$name tests"
}

# g++: fuzz harnesses as plain replayers of their corpora; the benchmarks, each run once
# (bench.smoke: a smoke test, never a timing).
build gcc -DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_STANDARD=17 \
  -DBEDROCK_AGENT_BUILD_FUZZ=ON -DBEDROCK_AGENT_FUZZ_LINKMAIN=ON -DBEDROCK_AGENT_BUILD_BENCH=ON
# clang: everything sanitized; libFuzzer binaries replay their corpora and fuzz briefly.
build clang -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_CXX_STANDARD=20 -DBEDROCK_AGENT_SANITIZE=ON \
  -DBEDROCK_AGENT_BUILD_FUZZ=ON -DBEDROCK_AGENT_FUZZ_SECONDS=${BEDROCK_AGENT_FUZZ_SECONDS:-20}
