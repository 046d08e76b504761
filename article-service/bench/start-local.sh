#!/usr/bin/env bash
# Starts what the views benchmark needs, on ports of its own so it does not disturb a running infra/platform:
# a KRaft broker (one JVM, from infra/local-kafka's class path) with the article topics, the H2-backed
# MongoDB-wire store (infra/local-mongo), the local identity provider (infra/identity) and article-service from its
# jar; publishes a few articles and prints their ids and the wrk command. Ctrl-C (or SIGTERM) stops everything it
# started.
#
#   ./mvnw -B -q -pl infra/local-kafka,infra/local-mongo,infra/identity,article-service package -DskipTests   # once
#   article-service/bench/start-local.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KAFKA_PORT="${BENCH_KAFKA_PORT:-19092}"
CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-19093}"
MONGO_PORT="${BENCH_MONGO_PORT:-27117}"
SERVICE_PORT="${BENCH_SERVICE_PORT:-18081}"
IDENTITY_PORT="${BENCH_IDENTITY_PORT:-19000}"
ARTICLES="${BENCH_ARTICLES:-20}"
KAFKA_LIB="$ROOT/infra/local-kafka/target/lib"
MONGO_JAR="$(ls "$ROOT"/infra/local-mongo/target/local-mongo-*.jar 2>/dev/null | head -1 || true)"
SERVICE_JAR="$(ls "$ROOT"/article-service/target/article-service-*.jar 2>/dev/null | grep -v original | head -1 || true)"
IDENTITY_JAR="$(ls "$ROOT"/infra/identity/target/identity-*.jar 2>/dev/null | grep -v original | head -1 || true)"
WORK="$(mktemp -d /tmp/article-bench.XXXXXX)"
PIDS=()

if [[ ! -d "$KAFKA_LIB" || -z "$MONGO_JAR" || -z "$SERVICE_JAR" || -z "$IDENTITY_JAR" ]]; then
  echo "Build first: ./mvnw -B -q -pl infra/local-kafka,infra/local-mongo,infra/identity,article-service package -DskipTests" >&2
  exit 1
fi

stop_all() {
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null || true
    wait "${PIDS[i]}" 2>/dev/null || true
  done
  echo "Stopped. Logs were in $WORK"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

wait_for() { # description, command...
  local what="$1"; shift
  for _ in $(seq 1 120); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "$what did not come up; see $WORK" >&2
  exit 1
}

cat > "$WORK/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$WORK/kafka-logs
num.partitions=6
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
KAFKA_JAVA=(java -Dlog4j2.configurationFile="$ROOT/infra/local-kafka/log4j2.xml" -cp "$KAFKA_LIB/*")
"${KAFKA_JAVA[@]}" kafka.tools.StorageTool format -t "$("${KAFKA_JAVA[@]}" kafka.tools.StorageTool random-uuid)" \
  -c "$WORK/server.properties" > "$WORK/kafka-format.log" 2>&1
"${KAFKA_JAVA[@]}" -Xmx1g kafka.Kafka "$WORK/server.properties" > "$WORK/kafka.log" 2>&1 &
PIDS+=($!)
wait_for "Kafka on $KAFKA_PORT" "${KAFKA_JAVA[@]}" org.apache.kafka.tools.TopicCommand \
  --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list
for topic in news.article-events news.article-views news.article-shares; do
  config=()
  [[ "$topic" == news.article-events ]] && config=(--config cleanup.policy=compact)
  "${KAFKA_JAVA[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create \
    --if-not-exists --topic "$topic" --partitions 6 --replication-factor 1 "${config[@]}" >> "$WORK/topics.log" 2>&1
done
echo "Kafka ready on 127.0.0.1:$KAFKA_PORT"

java -cp "$MONGO_JAR:$ROOT/infra/local-mongo/target/lib/*" news.localmongo.LocalMongoStore \
  --port "$MONGO_PORT" --file "$WORK/store.mv" > "$WORK/mongo.log" 2>&1 &
PIDS+=($!)
wait_for "the store on $MONGO_PORT" bash -c "echo > /dev/tcp/127.0.0.1/$MONGO_PORT"
echo "Store ready on 127.0.0.1:$MONGO_PORT"

# the benchmark's own identity provider, with a minting client whose secret lives only in this run
CLI_SECRET="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
IDENTITY_PORT="$IDENTITY_PORT" NEWS_IDENTITY_SIGNING_KEY="$WORK/signing-key.json" \
  NEWS_IDENTITY_GATEWAY_CLIENT_SECRET="$CLI_SECRET-gateway" NEWS_IDENTITY_CLI_CLIENT_SECRET="$CLI_SECRET" \
  java -Xmx128m -XX:TieredStopAtLevel=1 -jar "$IDENTITY_JAR" > "$WORK/identity.log" 2>&1 &
PIDS+=($!)
wait_for "the identity provider on $IDENTITY_PORT" curl -fs "http://localhost:$IDENTITY_PORT/.well-known/openid-configuration"
echo "Identity provider ready on http://localhost:$IDENTITY_PORT"

SERVER_PORT="$SERVICE_PORT" MANAGEMENT_SERVER_PORT="$((SERVICE_PORT + 1000))" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT" NEWS_READERS_HASH_KEY="benchmark-reader-hash-key-of-32-characters-or-more" \
  NEWS_SECURITY_DEVELOPMENT=true IDENTITY_PORT="$IDENTITY_PORT" \
  java ${BENCH_SERVICE_JAVA_OPTS:--Xmx512m} -jar "$SERVICE_JAR" > "$WORK/article-service.log" 2>&1 &
PIDS+=($!)
wait_for "article-service on $SERVICE_PORT" curl -fs "http://127.0.0.1:$((SERVICE_PORT + 1000))/actuator/health/readiness"
echo "article-service ready on http://127.0.0.1:$SERVICE_PORT"

TOKEN="$(curl -fs -u "news-platform-cli:$CLI_SECRET" -d grant_type=client_credentials -d sub=bench -d role=editor \
  -d name=Bench "http://localhost:$IDENTITY_PORT/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
IDS=()
for i in $(seq 1 "$ARTICLES"); do
  id="$(curl -fs -X POST "http://127.0.0.1:$SERVICE_PORT/api/articles" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' \
    -d "{\"title\":\"Benchmark article $i\",\"section\":\"Army\",\"source\":\"Bench\",\"byline\":{\"name\":\"Bench\",\"email\":\"bench@example.com\"},\"body\":[\"Benchmark body $i.\"],\"publish\":true}" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')"
  IDS+=("$id")
done
echo "$ARTICLES published articles: ${IDS[*]}"
echo
echo "Run, e.g.:"
echo "  wrk -t2 -c64 -d30s --latency -s $ROOT/article-service/bench/views.lua http://127.0.0.1:$SERVICE_PORT -- ${IDS[*]}"
echo "  curl -s http://127.0.0.1:$((SERVICE_PORT + 1000))/actuator/prometheus | grep -E '^news_views_(accepted|dropped)_total'"
echo
echo "Logs in $WORK. Ctrl-C stops broker, store and service."
wait
