#!/usr/bin/env bash
# The one test command: installs what is missing, then configures, builds and runs every
# test twice: g++ in C++17, and clang-19 in C++20 with AddressSanitizer and UBSan.
# BEDROCK_AGENT_FUZZ_SECONDS (default 20) is how long each fuzz target runs in the clang build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

jobs=${BEDROCK_AGENT_JOBS:-$(nproc)}
build() {  # name, then extra cmake arguments
  local dir=build/$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  ctest --test-dir "$dir" -j "$jobs" --output-on-failure --timeout 600
}

# g++: fuzz harnesses as plain replayers of their corpora. (The benchmarks are not built here yet:
# bench/time_bench.cpp and ndjson_bench.cpp trip g++ -O2 -Werror warnings in RelWithDebInfo.)
build gcc -DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_STANDARD=17 \
  -DBEDROCK_AGENT_BUILD_FUZZ=ON -DBEDROCK_AGENT_FUZZ_LINKMAIN=ON
# clang: everything sanitized; libFuzzer binaries replay their corpora and fuzz briefly.
build clang -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_CXX_STANDARD=20 -DBEDROCK_AGENT_SANITIZE=ON \
  -DBEDROCK_AGENT_BUILD_FUZZ=ON -DBEDROCK_AGENT_FUZZ_SECONDS=${BEDROCK_AGENT_FUZZ_SECONDS:-20}
