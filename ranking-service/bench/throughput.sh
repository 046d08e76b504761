#!/usr/bin/env bash
# Benchmark (a) of issue #5: sustained view events/s through the ranking topology, side by side with Kafka's own
# ConsumerPerformance reading the same topic on the same machine. Target: ranking-service >= 0.5x ConsumerPerformance.
#   ranking-service/bench/throughput.sh            # VIEWS=2000000 by default
#   VIEWS=500000 NEWS_RANKING_STREAM_THREADS=2 ranking-service/bench/throughput.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

VIEWS="${VIEWS:-2000000}"
build
start_broker
echo "== loading $VIEWS views"
bench load "$BOOTSTRAP" "$VIEWS" 1000

echo "== Kafka ConsumerPerformance, $VIEWS records of news.article-views"
java -Xmx1g -cp "$KAFKA_LIB/*" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "$BOOTSTRAP" \
  --topic news.article-views --messages "$VIEWS" --group "perf-$(date +%s)" --timeout 120000 \
  | tee "$WORK/consumer-performance.txt"

if [[ "${BENCH_SERVICE:-1}" == "1" ]]; then
  echo "== ranking-service, the same records through the topology (exactly-once, RocksDB, changelogs)"
  APP="bench-throughput-$(date +%s)"
  start_service "$(free_port 18093)" "$APP"
  bench processed "$BOOTSTRAP" "$APP" news.article-views | tee "$WORK/ranking-service.txt"
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
    bench processed "$BOOTSTRAP" "$APP" news.article-views | tee "$WORK/streams-$mode.txt"
    stop_bench "$FLOOR_PID"
    FLOOR_PID=""
  done
fi
echo "Compare nMsg.sec / fetch.nMsg.sec above with the records/s of ranking-service; record both in docs/benchmarks.md."
