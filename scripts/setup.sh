#!/usr/bin/env bash
# Installs the Debian packages this project builds and tests with. Idempotent: runs
# apt-get update and install only when something is missing. Needs root (or sudo).
set -euo pipefail

packages=(
  cmake make g++ git pkg-config
  libboost1.81-dev          # Boost.Describe >= 1.77 (the default libboost-dev is 1.74)
  libsimdjson-dev libhowardhinnant-date-dev doctest-dev librapidcheck-dev
  clang-19 libclang-rt-19-dev libfuzzer-19-dev   # sanitizer and fuzzer builds
  libbenchmark-dev nlohmann-json3-dev rapidjson-dev # benchmarks (Boost.JSON comes with libboost1.81-dev)
  libfyaml-dev              # the validator's vcrpy cassette input
)
# Node.js >= 20 and npm (the interop tests' AWS SDK) come with this kind of machine; Debian 12's
# nodejs is 18, too old for the SDK, so it is not installed from here. The interop tests report
# themselves skipped when node is missing or older than 20.
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
