#!/usr/bin/env bash
# Robustness of the bedrock-agent-validate binary under AddressSanitizer and UBSan: it must
# never crash, never print a sanitizer report, and exit 0 or 1 (2 is for usage and I/O errors,
# which none of these inputs is) on
#   1. every file of JSONTestSuite's test_parsing, read where it lies (nothing is copied), in
#      each input mode (auto, json, ndjson, har, boto3, python, cli) and in the client profile;
#   2. every example HAR (examples/recordings/*.har) truncated at 256 places and with 256
#      single bits flipped (deterministic positions), as HAR and as auto-detected input;
#   3. 100000-deep nesting: arrays, objects, unclosed arrays, inside a response, a HAR and an
#      NDJSON line;
#   4. every Python printout fixture (tests/validator/data/printouts) cut at 64 places, as
#      --input python and auto-detected, and a 100000-deep printout.
# Prints one line per check and a total; exits 1 on any finding, 2 on a build error.
#
#   fuzz/validator_robustness.sh
# Environment: BEDROCK_AGENT_VALIDATE (a sanitized bedrock-agent-validate to use instead of
# building one, e.g. build/clang/tools/bedrock-agent-validate of a -DBEDROCK_AGENT_SANITIZE=ON
# build), BEDROCK_AGENT_FUZZ_BUILD (default build-fuzz/validator-asan), BEDROCK_AGENT_JOBS (default 1),
# JSONTESTSUITE (default tests/data/JSONTestSuite/test_parsing, the project's copy).
# CI runs it as the ctest validator.robustness in the sanitized build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

build=${BEDROCK_AGENT_FUZZ_BUILD:-build-fuzz/validator-asan}
jobs=${BEDROCK_AGENT_JOBS:-1}
suite=${JSONTESTSUITE:-$root/tests/data/JSONTestSuite/test_parsing}
[[ -d $suite ]] || { echo "validator_robustness: JSONTestSuite not found at $suite (set JSONTESTSUITE)" >&2; exit 2; }

exe=${BEDROCK_AGENT_VALIDATE:-}
if [[ -z $exe ]]; then
  exe=$build/tools/bedrock-agent-validate
  mkdir -p "$(dirname "$build")"
  # C++20 as in the CI's clang build (tools/validator/har.hpp does not build in clang's C++17 -Wpedantic).
  if ! cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_CXX_STANDARD=20 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
       -DBEDROCK_AGENT_SANITIZE=ON -DBEDROCK_AGENT_BUILD_TOOLS=ON -DBEDROCK_AGENT_BUILD_TESTS=OFF \
       -DBEDROCK_AGENT_BUILD_EXAMPLES=OFF -DBEDROCK_AGENT_INSTALL=OFF >/dev/null ||
     ! cmake --build "$build" -j "$jobs" --target bedrock-agent-validate >"$build.log" 2>&1; then
    echo "validator_robustness: build failed (see $build.log)" >&2
    exit 2
  fi
fi
[[ -x $exe ]] || { echo "validator_robustness: $exe is not an executable" >&2; exit 2; }

# Sanitizer reports get their own exit codes and are also searched for in stderr.
export ASAN_OPTIONS=exitcode=86:detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
runs=0 findings=0

# run LABEL ARGS...: one validator run; anything but exit 0/1, or a sanitizer report, is a finding.
run() {
  local label=$1; shift
  local rc=0
  "$exe" --no-progress --quiet "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || rc=$?
  runs=$((runs + 1))
  if ((rc > 1)) || grep -qE 'Sanitizer|runtime error:|==[0-9]+==' "$tmp/err"; then
    findings=$((findings + 1))
    echo "FINDING ($label): exit $rc: $*"
    head -30 "$tmp/err" | sed 's/^/  /'
    return 1
  fi
  return 0
}

# batch LABEL FILE...: the files in one run; on a finding, each file alone, to name it.
batch() {
  local label=$1; shift
  local -a opts=()
  while [[ $# -gt 0 && $1 == --* ]]; do opts+=("$1" "$2"); shift 2; done
  local before=$findings
  run "$label" "${opts[@]}" "$@" && return 0
  findings=$before
  for f in "$@"; do run "$label" "${opts[@]}" "$f" || true; done
  ((findings > before)) || { findings=$((before + 1)); echo "  (the batch failed, no single file does)"; }
}

report() {  # check name, findings before it
  local status=ok
  (($2 == findings)) || status="$((findings - $2)) findings"
  printf '%-44s %s\n' "$1" "$status"
}

# ---- 1. JSONTestSuite -------------------------------------------------------------------
mapfile -t suite_files < <(find "$suite" -maxdepth 1 -type f -name '*.json' | sort)
f0=$findings
for f in "${suite_files[@]}"; do run "JSONTestSuite auto" "$f" || true; done
for mode in json ndjson har boto3 python cli; do batch "JSONTestSuite $mode" --input "$mode" "${suite_files[@]}"; done
batch "JSONTestSuite client" --profile client "${suite_files[@]}"
report "JSONTestSuite (${#suite_files[@]} files, 8 modes)" "$f0"

# ---- 2. truncated and bit-flipped HAR files ------------------------------------------------
# pick N: sets r to a deterministic pseudo-random number in 0..N-1 (an LCG, so that a finding
# can be replayed; not $(pick) - a subshell would lose the state).
seed=12345 r=0
pick() {
  seed=$(((seed * 1103515245 + 12345) % 2147483648))
  r=$(((seed >> 8) % $1))
}
f0=$findings
mutants=0
for har in examples/recordings/*.har; do
  name=$(basename "$har" .har)
  size=$(stat -c %s "$har")
  mkdir -p "$tmp/har/$name"
  for ((k = 0; k < 256; k++)); do
    pick $((size / 256 + 1))
    cut=$((k * size / 256 + r))
    head -c "$cut" "$har" >"$tmp/har/$name/trunc-$cut.har"
  done
  for ((k = 0; k < 256; k++)); do
    pick "$size"
    at=$r
    pick 8
    bit=$r
    out=$tmp/har/$name/flip-$at-$bit.har
    cp "$har" "$out"
    byte=$(od -An -tu1 -j "$at" -N1 "$har" | tr -d ' ')
    printf "$(printf '\\%03o' $((byte ^ (1 << bit))))" | dd of="$out" bs=1 seek="$at" conv=notrunc status=none
  done
  mapfile -t files < <(find "$tmp/har/$name" -type f | sort)
  mutants=$((mutants + ${#files[@]}))
  for ((i = 0; i < ${#files[@]}; i += 64)); do
    batch "HAR $name" "${files[@]:i:64}"
    batch "HAR $name as json" --input json "${files[@]:i:64}"
  done
done
report "HAR mutants ($mutants files)" "$f0"

# ---- 3. 100000-deep nesting -------------------------------------------------------------------
f0=$findings
deep=100000
open_a=$(head -c "$deep" /dev/zero | tr '\0' '[')
close_a=$(head -c "$deep" /dev/zero | tr '\0' ']')
open_o=$(printf '{"a":%.0s' $(seq "$deep"))
close_o=$(head -c "$deep" /dev/zero | tr '\0' '}')
job='"knowledgeBaseId":"KB12345678","dataSourceId":"DS12345678","ingestionJobId":"IJ12345678","status":"STOPPED","startedAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:01Z"'
mkdir -p "$tmp/deep"
printf '%s%s' "$open_a" "$close_a" >"$tmp/deep/arrays.json"
printf '%s1%s' "$open_o" "$close_o" >"$tmp/deep/objects.json"
printf '%s' "$open_a" >"$tmp/deep/unclosed.json"
printf '{"ingestionJob":{%s,"x":%s%s}}' "$job" "$open_a" "$close_a" >"$tmp/deep/in-response.json"
printf '{"ingestionJob":{%s,"x":%s1%s}}\n{"ingestionJob":{%s}}\n' "$job" "$open_o" "$close_o" "$job" >"$tmp/deep/lines.ndjson"
printf '{"log":{"entries":[{"request":{"method":"POST","url":"/knowledgebases/KB12345678/datasources/DS12345678/ingestionjobs/IJ12345678/stop"},"response":{"status":202,"content":{"text":"{\\"ingestionJob\\":%s%s}"}},"x":%s%s}]}}' \
  "$open_a" "$close_a" "$open_a" "$close_a" >"$tmp/deep/deep.har"
for f in "$tmp"/deep/*; do
  run "deep $(basename "$f")" "$f" || true
  run "deep $(basename "$f") client" --profile client "$f" || true
done
report "100000-deep nesting (6 files, 2 profiles)" "$f0"

# ---- 4. truncated Python printouts ---------------------------------------------------------
# Every printout fixture cut at 64 places, read as --input python and auto-detected: the
# literal parser (tools/validator/python_literal.hpp) on every prefix of a real printout.
f0=$findings
mkdir -p "$tmp/printouts"
for p in tests/validator/data/printouts/*.pyrepr; do
  name=$(basename "$p" .pyrepr)
  size=$(stat -c %s "$p")
  for ((k = 0; k < 64; k++)); do head -c $((k * size / 64)) "$p" >"$tmp/printouts/$name-$k.pyrepr"; done
done
mapfile -t files < <(find "$tmp/printouts" -type f | sort)
for ((i = 0; i < ${#files[@]}; i += 64)); do
  batch "printouts" --input python "${files[@]:i:64}"
  batch "printouts auto" "${files[@]:i:64}"
done
python_deep=$(head -c "$deep" /dev/zero | tr '\0' '[')
printf "{'a': %s" "$python_deep" >"$tmp/deep-printout.pyrepr"
run "deep printout" --input python "$tmp/deep-printout.pyrepr" || true
report "printout prefixes (${#files[@]} files, 2 modes)" "$f0"

echo "validator_robustness: $runs runs, $findings findings"
((findings == 0))
