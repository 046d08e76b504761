#!/usr/bin/env bash
# Benchmark (a): sustained view events/s through ranking-service, beside what reads the same topic on the same
# machine in the same run: Kafka's ConsumerPerformance (the baseline), bare exactly-once Kafka Streams applications
# (the floor), and the engines a team would pick instead (a Flink job, a Kafka consumer feeding Redis sorted sets),
# each of which must produce the same Popular Now top 10 as ranking-service. Prints one table.
#   ranking-service/bench/throughput.sh            # VIEWS=1000000 by default
#   VIEWS=500000 BENCH_PEERS=0 ranking-service/bench/throughput.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

VIEWS="${VIEWS:-1000000}"
TOP="${BENCH_TOP:-10}"
ROWS=()          # "name|records/s" in the order measured
TOPS=()          # peers whose top list was compared

# processed_by <pid> <group> <file>: bench processed for a consumer running as <pid>; gives up when that one dies
processed_by() {
  bench processed "$BOOTSTRAP" "$2" news.article-views > "$3" 2>&1 &
  local watcher=$!
  while kill -0 "$watcher" 2>/dev/null; do
    if ! kill -0 "$1" 2>/dev/null; then
      kill "$watcher" 2>/dev/null || true
      echo "processed: the consumer stopped before it committed every record (see its log)" >> "$3"
      break
    fi
    sleep 1
  done
  wait "$watcher" 2>/dev/null || true
  grep -v '^SLF4J' "$3" || true
}

row() { ROWS+=("$1|$(grep -oE '[0-9]+ records/s' "$2" | grep -oE '^[0-9]+' || echo '-')"); }

# compare_top <name> <file>: the peer's top $TOP against ranking-service's
compare_top() {
  if [[ ! -s "$WORK/top-ranking-service.txt" ]]; then return; fi
  if diff -q "$WORK/top-ranking-service.txt" "$2" >/dev/null; then
    TOPS+=("$1: the same top $TOP as ranking-service")
  else
    TOPS+=("$1: a DIFFERENT top $TOP (diff $(basename "$2") top-ranking-service.txt in the results)")
  fi
}

build
if [[ "${BENCH_PEERS:-1}" == "1" ]]; then build_peers; fi
start_broker
echo "== loading $VIEWS views"
bench load "$BOOTSTRAP" "$VIEWS" 1000

echo "== Kafka ConsumerPerformance, $VIEWS records of news.article-views"
java -Xmx1g -cp "$KAFKA_LIB/*" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "$BOOTSTRAP" \
  --topic news.article-views --messages "$VIEWS" --group "perf-$(date +%s)" --timeout 120000 \
  | tee "$WORK/consumer-performance.txt"
CP="$(tail -1 "$WORK/consumer-performance.txt" | awk -F', *' '{printf "%.0f", $6}')"

if [[ "${BENCH_SERVICE:-1}" == "1" ]]; then
  echo "== ranking-service, the same records through the topology (exactly-once, state with changelogs)"
  APP="bench-throughput-$(date +%s)"
  PORT="$(free_service_port 17093)"
  start_service "$PORT" "$APP"
  processed_by "$SERVICE_PID" "$APP" "$WORK/ranking-service.txt"
  row "ranking-service" "$WORK/ranking-service.txt"
  sleep 2  # the lists are recomputed every 250 ms after the last commit
  bench top "http://127.0.0.1:$PORT" "$TOP" > "$WORK/top-ranking-service.txt"
  stop_service
fi

# The floor under the service: a bare Kafka Streams application with the same guarantee and commit interval that
# does nothing with a view (noop), only reads it as the service does (read), or reads it and keeps one durable key per
# reader and article (store). BENCH_STREAMS_FLOOR=0 skips them.
if [[ "${BENCH_STREAMS_FLOOR:-1}" == "1" ]]; then
  for mode in ${BENCH_STREAMS_FLOOR_MODES:-noop read store}; do
    echo "== Kafka Streams floor: $mode"
    APP="bench-streams-$mode-$(date +%s)"
    bench streams "$BOOTSTRAP" "$APP" "$WORK/state-$mode" "$mode" > "$WORK/streams-$mode.log" 2>&1 &
    FLOOR_PID=$!
    processed_by "$FLOOR_PID" "$APP" "$WORK/streams-$mode.txt"
    row "floor $mode" "$WORK/streams-$mode.txt"
    stop_bench "$FLOOR_PID"
    FLOOR_PID=""
  done
fi

# The peers. BENCH_PEERS=0 skips them.
if [[ "${BENCH_PEERS:-1}" == "1" ]]; then
  echo "== peer: Flink job (local MiniCluster, parallelism ${BENCH_FLINK_PARALLELISM:-2}, heap state, exactly-once checkpoints every 1 s)"
  GROUP="bench-flink-$(date +%s)"
  peers flink "$BOOTSTRAP" "$GROUP" "$WORK/flink-checkpoints" "bench.flink-rankings" "${BENCH_FLINK_PARALLELISM:-2}" \
    > "$WORK/flink.log" 2>&1 &
  PEER_PID=$!
  processed_by "$PEER_PID" "$GROUP" "$WORK/flink.txt"
  row "Flink" "$WORK/flink.txt"
  sleep 3  # the last top list goes out with the checkpoint after the last one the offsets were committed with
  peers flink-top "$BOOTSTRAP" "bench.flink-rankings" "$TOP" > "$WORK/top-flink.txt" 2>> "$WORK/flink.log"
  stop_bench "$PEER_PID"
  PEER_PID=""
  compare_top "Flink" "$WORK/top-flink.txt"

  if ! command -v redis-server >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing redis-server (Debian)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server > "$WORK/redis-install.log" 2>&1 || true
  fi
  if command -v redis-server >/dev/null 2>&1; then
    REDIS_PORT="$(free_port 16379)"
    echo "== peer: Kafka consumer + Redis $(redis-server --version | grep -oE 'v=[0-9.]+') on $REDIS_PORT (at-least-once, not exact)"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
      > "$WORK/redis-server.log" 2>&1 &
    REDIS_PID=$!
    for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done
    GROUP="bench-redis-$(date +%s)"
    peers redis "$BOOTSTRAP" "$GROUP" "$REDIS_PORT" > "$WORK/redis.log" 2>&1 &
    PEER_PID=$!
    processed_by "$PEER_PID" "$GROUP" "$WORK/redis.txt"
    row "Redis" "$WORK/redis.txt"
    peers redis-top "$REDIS_PORT" "$TOP" > "$WORK/top-redis.txt" 2>> "$WORK/redis.log"
    stop_bench "$PEER_PID"
    PEER_PID=""
    kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=""
    compare_top "Redis" "$WORK/top-redis.txt"
  else
    echo "== peer: Redis SKIPPED: redis-server is not installed and could not be installed (apt-get install redis-server)"
    ROWS+=("Redis (skipped: no redis-server)|-")
  fi
fi

{
  echo
  echo "== benchmark (a): $VIEWS views of news.article-views, $(nproc) cores, $(date '+%Y-%m-%d %H:%M')"
  printf '| %-32s | %12s | %22s |\n' "consumer of the same records" "records/s" "x ConsumerPerformance"
  printf '|%s|%s|%s|\n' "----------------------------------" "--------------" "------------------------"
  printf '| %-32s | %12s | %22s |\n' "ConsumerPerformance (nMsg.sec)" "$CP" "1"
  for r in "${ROWS[@]}"; do
    name="${r%%|*}"; rate="${r##*|}"
    if [[ "$rate" =~ ^[0-9]+$ && -n "$CP" ]]; then ratio="$(awk -v a="$rate" -v b="$CP" 'BEGIN{printf "%.3f", a/b}')"; else ratio="-"; fi
    printf '| %-32s | %12s | %22s |\n' "$name" "$rate" "$ratio"
  done
  for t in "${TOPS[@]}"; do echo "top $TOP of popular-now|all: $t"; done
} | tee "$WORK/table.txt"
