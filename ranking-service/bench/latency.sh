#!/usr/bin/env bash
# Benchmark (b): a view until it is visible in GET /api/rankings/popular-now, p50/p99, while 5,000 other
# views/s arrive. Target: p99 < 1 s.
#   ranking-service/bench/latency.sh               # RATE=5000 DURATION=60 (s, after 15 s warm-up)
#   RATE=1000 DURATION=20 ranking-service/bench/latency.sh
#   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 RANKINGS_URL=http://localhost:8080 RATE=0 ranking-service/bench/latency.sh
#       (probes only, against a running platform while `infra/platform simulate` makes the load)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RATE="${RATE:-5000}"
DURATION="${DURATION:-60}"
build
start_broker
if [[ -n "${RANKINGS_URL:-}" ]]; then
  URL="$RANKINGS_URL"          # a running platform (with KAFKA_BOOTSTRAP_SERVERS): its gateway or ranking-service
else
  PORT="$(free_service_port 17093)"
  start_service "$PORT" "bench-latency-$(date +%s)"
  URL="http://127.0.0.1:$PORT"
fi
bench latency "$BOOTSTRAP" "$URL" "$RATE" "$DURATION" 15 | tee "$WORK/latency.txt"
if [[ -n "$SERVICE_PID" ]]; then
  echo "== the service's own view-to-list freshness (news_ranking_freshness_seconds)"
  curl -fs "http://127.0.0.1:$((PORT + 1000))/actuator/prometheus" | grep -E '^news_ranking_freshness_seconds_(count|sum|max)' || true
  stop_service
fi
