#!/usr/bin/env bash
# Stop the Neo4j started by start.sh: SIGTERM, wait (NEO4J_STOP_TIMEOUT, default 30s), then SIGKILL.
# Uses $NEO4J_RUN_DIR (default: <this dir>/.run). Safe to call when nothing is running.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${NEO4J_RUN_DIR:-$DIR/.run}"
TIMEOUT="${NEO4J_STOP_TIMEOUT:-30}"

info() { echo "neo4j stop: $*" >&2; }

if [[ ! -f "$RUN_DIR/pid" ]]; then
  info "not running (no $RUN_DIR/pid)"
  rm -f "$RUN_DIR/uri"
  exit 0
fi
pid="$(cat "$RUN_DIR/pid" 2>/dev/null || true)"

is_our_launcher() {
  [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' < "/proc/$1/cmdline" | grep -q 'harness\.Launcher'
}

if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
  info "not running (stale pid file)"
elif ! is_our_launcher "$pid"; then
  info "pid $pid is not the Neo4j launcher (stale pid file); not touching it"
else
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    info "pid $pid still alive after ${TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    # a killed JVM cannot delete its temp data dir; do it here
    workdir="$(sed -n 's/^\[neo4j-launcher\] working directory //p' "$RUN_DIR/neo4j.log" 2>/dev/null | head -n1)"
    if [[ -n "$workdir" && "$(basename "$workdir")" == neo4j-test-* && -d "$workdir" ]]; then
      rm -rf -- "$workdir"
    fi
  fi
  info "stopped (pid $pid)"
fi
rm -f "$RUN_DIR/pid" "$RUN_DIR/uri" "$RUN_DIR/stdout"
