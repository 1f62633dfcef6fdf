#!/usr/bin/env bash
# Run a command against a fresh throwaway Neo4j, then always stop it.
#
#   tests/neo4j/run-with-neo4j.sh npx jest
#
# Exports NEO4J_URI, NEO4J_USER=neo4j, NEO4J_PASSWORD=password, NEO4J_DATABASE=neo4j for the command
# and exits with the command's status. Each invocation gets its own instance and run dir
# (tests/neo4j/.run/<pid>), so parallel invocations don't interfere. Neo4j also watches this
# script's pid and exits on its own if the script is killed.
# Set NEO4J_ARGS (e.g. "--auth") to pass extra launcher arguments.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ $# -eq 0 ]]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

# Prune run dirs left by earlier invocations that were SIGKILLed (their Neo4j already exited by itself).
for d in "$DIR"/.run/[0-9]*; do
  [[ -d "$d" ]] || continue
  kill -0 "$(basename "$d")" 2>/dev/null || rm -rf -- "$d"
done

export NEO4J_RUN_DIR="$DIR/.run/$$"

cleanup() {
  "$DIR/stop.sh" || true
  rm -rf -- "$NEO4J_RUN_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

read -r -a extra_args <<< "${NEO4J_ARGS:-}"
uri="$(NEO4J_WATCH_PID=$$ "$DIR/start.sh" ${extra_args[@]+"${extra_args[@]}"})"

export NEO4J_URI="$uri"
export NEO4J_USER=neo4j
export NEO4J_PASSWORD=password
export NEO4J_DATABASE=neo4j

set +e
"$@"
status=$?
set -e
exit "$status"
