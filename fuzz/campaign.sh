#!/usr/bin/env bash
# A fuzzing campaign: builds every fuzz target with clang-19, libFuzzer, ASan and UBSan, then
# runs the named targets (all by default) one after another for SECONDS each and prints one
# line per target:
#   <target> execs=<n> exec/s=<n> cov=<n> findings=<n>
# A run that finds something is restarted on the grown corpus until its SECONDS are used up,
# so one finding does not end a target's campaign. What it finds is kept in the build tree:
#   $BUILD/fuzz/campaign/<target>/corpus/     new inputs (the seed corpus stays untouched)
#   $BUILD/fuzz/campaign/<target>/artifacts/  crash-*, leak-*, timeout-*, oom-* inputs
#   $BUILD/fuzz/campaign/<target>/log.txt     libFuzzer's output
# Exits 1 when anything was found, 2 on a usage or build error.
#
#   fuzz/campaign.sh 300                 # every target, 5 minutes each
#   nice -n 10 fuzz/campaign.sh 60 timestamp http_path
# Environment: BEDROCK_AGENT_FUZZ_BUILD (default build-fuzz), BEDROCK_AGENT_JOBS (default 1),
# BEDROCK_AGENT_FUZZ_PREBUILT=1 to fuzz the binaries already built there (no configure or build).
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(response request http_path error_response timestamp validate ndjson har boto3)
if [[ $# -lt 1 || ! "$1" =~ ^[0-9]+$ || "$1" -eq 0 ]]; then
  echo "usage: fuzz/campaign.sh SECONDS [TARGET...]  (targets: ${all_targets[*]})" >&2
  exit 2
fi
seconds=$1
shift
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "campaign: unknown target '$t'" >&2; exit 2; }
done

build=${BEDROCK_AGENT_FUZZ_BUILD:-build-fuzz}
jobs=${BEDROCK_AGENT_JOBS:-1}
if [[ ${BEDROCK_AGENT_FUZZ_PREBUILT:-0} == 1 ]]; then
  for t in "${targets[@]}"; do
    [[ -x $build/fuzz/fuzz_$t ]] || { echo "campaign: $build/fuzz/fuzz_$t is not built" >&2; exit 2; }
  done
# C++20 as in the CI's clang build (tools/validator/har.hpp does not build in clang's C++17 -Wpedantic).
elif ! cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_CXX_STANDARD=20 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
     -DBEDROCK_AGENT_BUILD_FUZZ=ON -DBEDROCK_AGENT_FUZZ_LINKMAIN=OFF -DBEDROCK_AGENT_FUZZ_SANITIZE=ON \
     -DBEDROCK_AGENT_BUILD_TESTS=OFF -DBEDROCK_AGENT_BUILD_EXAMPLES=OFF >/dev/null ||
   ! cmake --build "$build" -j "$jobs" --target $(printf 'fuzz_%s ' "${targets[@]}") >"$build/campaign-build.log" 2>&1; then
  echo "campaign: build failed (see $build/campaign-build.log)" >&2
  exit 2
fi

max_len() {  # the same -max_len as the fuzz.<target>.run tests (fuzz/CMakeLists.txt)
  case $1 in
    request) echo 2048 ;; http_path) echo 512 ;; timestamp) echo 64 ;; ndjson) echo 8192 ;; har) echo 32768 ;;
    *) echo 4096 ;;
  esac
}
dict() {
  case $1 in timestamp) echo fuzz/timestamp.dict ;; http_path) echo fuzz/http_path.dict ;; *) echo fuzz/json.dict ;; esac
}

status=0
for t in "${targets[@]}"; do
  out=$build/fuzz/campaign/$t
  mkdir -p "$out/corpus" "$out/artifacts"
  : >"$out/log.txt"
  seeds=()
  for d in fuzz/corpus/$t fuzz/regressions/$t; do
    [[ -d $d ]] && [[ -n $(ls -A "$d") ]] && seeds+=("$d")
  done
  before=$(find "$out/artifacts" -type f | wc -l)
  start=$(date +%s)
  execs=0 cov=0 restarts=0 rc=0
  while :; do
    left=$((seconds - ($(date +%s) - start)))
    ((left > 0)) || break
    count=$(find "$out/artifacts" -type f | wc -l)
    rc=0
    "$build/fuzz/fuzz_$t" -max_total_time="$left" -max_len="$(max_len "$t")" -timeout=30 -rss_limit_mb=2048 \
      -dict="$(dict "$t")" -print_final_stats=1 -artifact_prefix="$out/artifacts/" \
      "$out/corpus" "${seeds[@]}" >>"$out/log.txt" 2>&1 || rc=$?
    run_execs=$(grep -a 'stat::number_of_executed_units' "$out/log.txt" | tail -1 | awk '{print $2}')
    # The final stats are printed on a clean end and on a crash alike; count each run once.
    execs=$((execs + ${run_execs:-0}))
    sed -i 's/stat::number_of_executed_units/counted::number_of_executed_units/' "$out/log.txt"
    c=$(grep -aoE '(INITED|NEW|REDUCE|pulse|DONE) +cov: [0-9]+' "$out/log.txt" | tail -1 | awk '{print $3}')
    cov=${c:-$cov}
    ((rc == 0)) && break
    # A crash: go on unless it found nothing new (the same input again, e.g. from a seed).
    (($(find "$out/artifacts" -type f | wc -l) > count)) || { echo "$t: exit $rc without a new artifact" >>"$out/log.txt"; break; }
    restarts=$((restarts + 1))
    ((restarts < 50)) || break
  done
  elapsed=$(($(date +%s) - start))
  ((elapsed > 0)) || elapsed=1
  findings=$(($(find "$out/artifacts" -type f | wc -l) - before))
  ((rc == 0 || findings > 0)) || findings=$((findings + 1))  # failed without saving an input
  echo "$t execs=$execs exec/s=$((execs / elapsed)) cov=$cov findings=$findings"
  if ((findings > 0)); then
    status=1
    find "$out/artifacts" -type f -newermt "@$start" -printf "  %p\n"
  fi
done
exit $status
