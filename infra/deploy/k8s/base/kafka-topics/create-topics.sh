#!/bin/sh
# Creates every topic of the contract (infra/contracts/topics.yaml) that does not exist yet, with its partitions and
# configs; existing topics are left alone. min.insync.replicas comes from the brokers' default (2 in the compose stack).
#   BOOTSTRAP_SERVERS   required, e.g. kafka-1:9092,kafka-2:9092,kafka-3:9092
#   REPLICATION_FACTOR  default 3
#   KAFKA_TOPICS        the kafka-topics command, default kafka-topics.sh (apache/kafka: /opt/kafka/bin/...)
#   COMMAND_CONFIG      optional admin client properties file (e.g. SASL_SSL settings)
set -euf
: "${BOOTSTRAP_SERVERS:?BOOTSTRAP_SERVERS is required}"
RF="${REPLICATION_FACTOR:-3}"
KAFKA_TOPICS="${KAFKA_TOPICS:-kafka-topics.sh}"

topics() {
  if [ -n "${COMMAND_CONFIG:-}" ]; then
    $KAFKA_TOPICS --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$COMMAND_CONFIG" "$@"
  else
    $KAFKA_TOPICS --bootstrap-server "$BOOTSTRAP_SERVERS" "$@"
  fi
}

attempt=1
until topics --list >/dev/null 2>&1; do
  [ "$attempt" -ge 30 ] && { echo "Kafka at $BOOTSTRAP_SERVERS does not answer" >&2; exit 1; }
  attempt=$((attempt + 1))
  sleep 2
done

create() {
  name="$1"
  partitions="$2"
  shift 2
  topics --create --if-not-exists --topic "$name" --partitions "$partitions" --replication-factor "$RF" "$@"
}

# GENERATED from infra/contracts/topics.yaml by infra/deploy/checks (TopicArtifacts) from here on; do not edit:
#   ./mvnw -B -q -pl infra/deploy/checks verify -Dnews.deploy.regenerate=true
create news.article-events 6 --config cleanup.policy=compact --config min.compaction.lag.ms=3600000
create news.article-views 6 --config cleanup.policy=delete --config retention.ms=691200000
create news.article-shares 6 --config cleanup.policy=delete --config retention.ms=691200000
create news.comment-events 6 --config cleanup.policy=delete --config retention.ms=2592000000
create news.rankings 1 --config cleanup.policy=compact --config min.compaction.lag.ms=60000 --config segment.ms=3600000
create news.article-events.dlq 6 --config cleanup.policy=delete --config retention.ms=1209600000
create news.article-views.dlq 6 --config cleanup.policy=delete --config retention.ms=1209600000
create news.article-shares.dlq 6 --config cleanup.policy=delete --config retention.ms=1209600000
create news.comment-events.dlq 6 --config cleanup.policy=delete --config retention.ms=1209600000
echo "Topics of infra/contracts/topics.yaml: 9 present (replication factor $RF)"
