#!/usr/bin/env bash
# The main job: installs what is missing, builds bedrock-agent-validate and validates the
# bundled recordings (or the files given as arguments), printing the findings and a summary.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/setup.sh" >&2
build="$root/build/release"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBEDROCK_AGENT_BUILD_TESTS=OFF \
  -DBEDROCK_AGENT_BUILD_EXAMPLES=OFF -DBEDROCK_AGENT_BUILD_TOOLS=ON >/dev/null
cmake --build "$build" -j "$(nproc)" --target bedrock-agent-validate >/dev/null
if (($# == 0)); then
  cd "$root"
  set -- examples/recordings/*.json examples/recordings/*.ndjson examples/recordings/*.har
fi
exec "$build/tools/bedrock-agent-validate" "$@"
