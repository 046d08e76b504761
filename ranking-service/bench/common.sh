# Shared by throughput.sh and latency.sh: build, a private broker (unless KAFKA_BOOTSTRAP_SERVERS is set), the
# ranking-service jar, the bench tool. Only processes started here are stopped here.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODULE="$ROOT/ranking-service"
KAFKA_LIB="$ROOT/infra/local-kafka/target/lib"
JAR="${BENCH_JAR:-$MODULE/target/ranking-service-0.1.0-SNAPSHOT.jar}"  # BENCH_JAR: another build, to compare
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ranking-bench.XXXXXX")"
# The engines compared (ranking-service and the peers) run with the same heap and collector. The local runtime's small
# heap (-Xms64m -Xmx384m) cost ranking-service 16 % of its processing time in collections.
ENGINE_JAVA_OPTS="-Xmx1g -XX:+UseSerialGC"
SERVICE_JAVA_OPTS="${BENCH_SERVICE_JAVA_OPTS:-$ENGINE_JAVA_OPTS}"
BROKER_PID=""
SERVICE_PID=""
FLOOR_PID=""
PEER_PID=""
REDIS_PID=""

RESULTS="$MODULE/target/bench-results/$(date +%Y%m%d-%H%M%S)"

# Stops what this script started, keeps logs and figures under target/bench-results, drops the broker's data
# (BENCH_KEEP=1 keeps it).
cleanup() {
  [[ -n "$SERVICE_PID" ]] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  stop_bench "$FLOOR_PID"
  stop_bench "$PEER_PID"
  [[ -n "$REDIS_PID" ]] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true
  stop_bench "$BROKER_PID"
  mkdir -p "$RESULTS"
  cp "$WORK"/*.log "$WORK"/*.txt "$WORK"/kafka/kafka.log "$RESULTS"/ 2>/dev/null || true
  if [[ "${BENCH_KEEP:-}" == "1" ]]; then echo "data kept in $WORK"; else rm -rf "$WORK"; fi
  echo "logs and figures: $RESULTS"
}
trap cleanup EXIT

# stop_bench <pid>: a `bench ... &` runs in a subshell (bench is a function): stop the java process under it and wait
# until its shutdown hooks (streams close, broker stop) are done, at most a minute, then the subshell. Nothing for an
# empty pid.
stop_bench() {
  [[ -n "$1" ]] || return 0
  local children pid
  children="$(pgrep -P "$1" || true)"
  kill $children "$1" 2>/dev/null || true
  for pid in $children; do
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  wait "$1" 2>/dev/null || true
}

build() {
  if [[ "${BENCH_SKIP_BUILD:-}" == "1" ]]; then return; fi
  echo "== building (broker jars, ranking-service jar, bench tool)"
  # -am: against this tree's modules, never a snapshot another checkout installed
  (cd "$ROOT" && ./mvnw -B -q -pl infra/local-kafka,ranking-service -am package dependency:build-classpath -DskipTests \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath)
}

# build_peers: the Flink and Redis peers of benchmark (a) (module bench/peers, profile ranking-bench)
build_peers() {
  if [[ "${BENCH_SKIP_BUILD:-}" == "1" ]]; then return; fi
  echo "== building the peers (Flink job, Redis consumer)"
  (cd "$ROOT" && ./mvnw -B -q -Pranking-bench -pl ranking-service/bench/peers package dependency:build-classpath \
      -DskipTests -Dmdep.outputFile=target/peers.classpath)
}

peers() {
  java $ENGINE_JAVA_OPTS --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
    -cp "$MODULE/bench/peers/target/classes:$(cat "$MODULE/bench/peers/target/peers.classpath")" \
    news.ranking.bench.peers.Peers "$@"
}

bench() {
  java -Xmx1g -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/target/bench.classpath")" \
    news.ranking.bench.RankingBench "$@"
}

free_port() {
  local port
  for port in $(seq "$1" $(($1 + 200))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port from $1" >&2; exit 1
}

# free_service_port <from>: a free port whose management port (port + 1000) is free too
free_service_port() {
  local port
  for port in $(seq "$1" $(($1 + 200))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null \
        && ! (exec 3<>"/dev/tcp/127.0.0.1/$((port + 1000))") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port pair from $1" >&2; exit 1
}

start_broker() {
  if [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
    BOOTSTRAP="$KAFKA_BOOTSTRAP_SERVERS"
    echo "== using the broker at $BOOTSTRAP"
    return
  fi
  local port controller
  port="$(free_port 19092)"
  controller="$(free_port $((port + 1)))"
  mkdir -p "$WORK/kafka"
  bench broker "$WORK/kafka" "$port" "$controller" "$KAFKA_LIB" > "$WORK/broker-tool.log" 2>&1 &
  BROKER_PID=$!
  for _ in $(seq 1 240); do
    [[ -f "$WORK/kafka/ready" ]] && break
    kill -0 "$BROKER_PID" 2>/dev/null || { cat "$WORK/broker-tool.log"; exit 1; }
    sleep 0.5
  done
  BOOTSTRAP="$(cat "$WORK/kafka/ready")"
  echo "== private broker at $BOOTSTRAP (data in $WORK/kafka)"
}

# start_service <port> <application id>: the jar as infra/platform starts it, with its own application id (Actuator
# on port + 1000)
start_service() {
  local port="$1" app="$2"
  KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" NEWS_RANKING_APPLICATION_ID="$app" NEWS_RANKING_STATE_DIR="$WORK/state" \
    java $SERVICE_JAVA_OPTS -jar "$JAR" --server.port="$port" --management.server.port="$((port + 1000))" > "$WORK/ranking-service-$port.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$((port + 1000))/actuator/health/readiness" >/dev/null 2>&1; then
      echo "== ranking-service ready on $port (application id $app)"
      return
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -30 "$WORK/ranking-service-$port.log"; exit 1; }
    sleep 0.5
  done
  echo "ranking-service did not become ready; see $WORK/ranking-service-$port.log" >&2
  exit 1
}

stop_service() {
  kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
}
