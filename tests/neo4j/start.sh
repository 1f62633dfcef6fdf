#!/usr/bin/env bash
# Start a throwaway in-process Neo4j 5.26 Community (neo4j-harness) for tests. No Docker needed.
#
#   tests/neo4j/start.sh [launcher args...]      e.g. --auth (enable auth, neo4j/password)
#   tests/neo4j/start.sh --port 7999 --data-dir /tmp/neo4j-data   a server that can be stopped and
#                                                  started again with the same data and URI
#
# Prints the Bolt URI (bolt://127.0.0.1:<port>) on stdout; everything else goes to stderr.
# Writes  $NEO4J_RUN_DIR/uri, $NEO4J_RUN_DIR/pid, $NEO4J_RUN_DIR/neo4j.log (default run dir: tests/neo4j/.run).
# Builds the launcher with Maven first if needed (first build downloads ~50 MB into ~/.m2).
#
# Environment:
#   NEO4J_RUN_DIR        where uri/pid/log files go (default: <this dir>/.run)
#   NEO4J_START_TIMEOUT  seconds to wait for Neo4j to be ready (default 180)
#   NEO4J_JAVA_OPTS      JVM options (default: -Xms256m -Xmx1g + Neo4j's usual --add-opens)
#   NEO4J_WATCH_PID      if set, Neo4j shuts itself down when this process exits
#   JAVA_HOME            optional; otherwise `java` from PATH (needs Java 17+)
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${NEO4J_RUN_DIR:-$DIR/.run}"
TIMEOUT="${NEO4J_START_TIMEOUT:-180}"
TARGET="$DIR/target"
CP_FILE="$TARGET/cp.txt"
MAIN_CLASS_FILE="$TARGET/classes/harness/Launcher.class"

die() { echo "neo4j start: $*" >&2; exit 1; }
info() { echo "neo4j start: $*" >&2; }

# ---- Java -------------------------------------------------------------------------------------
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  JAVA="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  JAVA="$(command -v java)"
else
  die "Java not found. Install a JDK 17 or 21 (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME."
fi
java_major="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\)[."].*/\1/p' | head -n1)"
if [[ -z "$java_major" || "$java_major" -lt 17 ]]; then
  die "Java 17+ required (Neo4j 5.26), found: $("$JAVA" -version 2>&1 | head -n1)"
fi

# ---- Already running? ---------------------------------------------------------------------------
is_our_launcher() { # pid
  [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' < "/proc/$1/cmdline" | grep -q 'harness\.Launcher'
}
if [[ -f "$RUN_DIR/pid" ]]; then
  old_pid="$(cat "$RUN_DIR/pid" 2>/dev/null || true)"
  if [[ -n "$old_pid" ]] && kill -0 "$old_pid" 2>/dev/null && is_our_launcher "$old_pid" && [[ -s "$RUN_DIR/uri" ]]; then
    info "already running (pid $old_pid)"
    cat "$RUN_DIR/uri"
    exit 0
  fi
  rm -f "$RUN_DIR/pid" "$RUN_DIR/uri"
fi

# ---- Build if needed ----------------------------------------------------------------------------
needs_build() {
  [[ -f "$CP_FILE" && -f "$MAIN_CLASS_FILE" ]] || return 0
  # sources or pom changed since last build?
  [[ -z "$(find "$DIR/pom.xml" "$DIR/src" -newer "$CP_FILE" -print -quit)" ]] || return 0
  # every jar on the classpath still present (e.g. ~/.m2 wiped)?
  local jar
  while IFS= read -r -d ':' jar; do
    [[ -z "$jar" || -f "$jar" ]] || return 0
  done < <(tr -d '\n' < "$CP_FILE"; printf ':')
  return 1
}

build() {
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) not found; needed once to fetch neo4j-harness from Maven Central (apt-get install maven)."
  mkdir -p "$TARGET"
  local log="$TARGET/build.log"
  info "building launcher (mvn compile; first run downloads neo4j-harness from Maven Central)..."
  local t0=$SECONDS
  if ! (cd "$DIR" && mvn -B -q -Dstyle.color=never compile) >"$log" 2>&1; then
    echo "----- last lines of $log -----" >&2
    tail -n 40 "$log" >&2
    die "Maven build failed (full log: $log)"
  fi
  [[ -f "$CP_FILE" && -f "$MAIN_CLASS_FILE" ]] || die "build produced no $CP_FILE / Launcher.class (see $log)"
  touch "$CP_FILE"
  info "build done in $((SECONDS - t0))s"
}

if needs_build; then
  mkdir -p "$TARGET"
  if command -v flock >/dev/null 2>&1; then
    # serialize concurrent builds (e.g. two test runs started at once)
    exec 9>"$TARGET/.build.lock"
    flock 9
    if needs_build; then build; fi
    flock -u 9
    exec 9>&-
  else
    build
  fi
fi

# ---- Start --------------------------------------------------------------------------------------
mkdir -p "$RUN_DIR"
LOG="$RUN_DIR/neo4j.log"
OUT="$RUN_DIR/stdout"
: > "$LOG"
: > "$OUT"

# Heap: moderate, tests run alongside. The --add-opens/netty flags are the ones Neo4j's own
# launcher passes (avoids reflective-access fallbacks/warnings on Java 17+).
DEFAULT_JAVA_OPTS="-Xms256m -Xmx1g -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow \
 -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true -Djdk.nio.maxCachedBufferSize=1024 \
 --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
read -r -a JAVA_OPTS <<< "${NEO4J_JAVA_OPTS:-$DEFAULT_JAVA_OPTS}"

LAUNCHER_ARGS=(--no-stdin-watch)
if [[ -n "${NEO4J_WATCH_PID:-}" ]]; then
  LAUNCHER_ARGS+=(--watch-pid "$NEO4J_WATCH_PID")
fi
LAUNCHER_ARGS+=("$@")

CLASSPATH_ARG="$TARGET/classes:$(tr -d '\n' < "$CP_FILE")"
t0=$SECONDS
nohup "$JAVA" "${JAVA_OPTS[@]}" -cp "$CLASSPATH_ARG" harness.Launcher "${LAUNCHER_ARGS[@]}" \
  </dev/null >"$OUT" 2>"$LOG" &
pid=$!
echo "$pid" > "$RUN_DIR/pid"

fail() {
  echo "----- last lines of $LOG -----" >&2
  tail -n 40 "$LOG" >&2
  # the launcher deletes its temp data dir itself, except when it was SIGKILLed / crashed hard
  local workdir
  workdir="$(sed -n 's/^\[neo4j-launcher\] working directory //p' "$LOG" | head -n1)"
  if [[ -n "$workdir" && "$(basename "$workdir")" == neo4j-test-* && -d "$workdir" ]]; then
    rm -rf -- "$workdir"
  fi
  die "$*"
}

uri=""
deadline=$((SECONDS + TIMEOUT))
while :; do
  uri="$(sed -n 's/^NEO4J_URI=//p' "$OUT" | head -n1)"
  [[ -n "$uri" ]] && break
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    rm -f "$RUN_DIR/pid"
    fail "Neo4j process exited before becoming ready (log: $LOG)"
  fi
  if (( SECONDS >= deadline )); then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$RUN_DIR/pid"
    fail "Neo4j not ready after ${TIMEOUT}s (log: $LOG)"
  fi
  sleep 0.2
done

echo "$uri" > "$RUN_DIR/uri"
info "Neo4j ready at $uri (pid $pid, $((SECONDS - t0))s)"
echo "$uri"
