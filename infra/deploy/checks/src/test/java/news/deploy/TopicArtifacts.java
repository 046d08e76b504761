package news.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import news.contracts.TopicCatalog;
import news.contracts.TopicSpec;

/**
 * What deployment derives from the topic list ({@code infra/contracts/topics.yaml}): the topic-creation script of the
 * compose stack and the local overlay, and the Strimzi {@code KafkaTopic} resources of the production overlay. Both
 * are checked in and kept equal to what this class generates ({@code TopicArtifactsTest}).
 */
final class TopicArtifacts {

    static final String SCRIPT = "k8s/base/kafka-topics/create-topics.sh";
    static final String STRIMZI_TOPICS = "k8s/overlays/production/kafka/topics.yaml";
    static final String STRIMZI_CLUSTER = "news-kafka";
    static final int PRODUCTION_REPLICAS = 3;
    static final int PRODUCTION_MIN_INSYNC_REPLICAS = 2;
    static final String REGENERATE = "./mvnw -B -q -pl infra/deploy/checks verify -Dnews.deploy.regenerate=true";

    private TopicArtifacts() {
    }

    static String createTopicsScript(TopicCatalog catalog) {
        StringBuilder s = new StringBuilder();
        s.append("""
                #!/bin/sh
                # GENERATED from infra/contracts/topics.yaml by infra/deploy/checks (TopicArtifacts); do not edit:
                #   %s
                # Creates every topic of the contract that does not exist yet, with its partitions and configs; existing
                # topics are left alone. min.insync.replicas comes from the brokers' default (2 in the compose stack).
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

                """.formatted(REGENERATE));
        for (TopicSpec topic : catalog.topics()) {
            s.append("create ").append(topic.name()).append(' ').append(topic.partitions());
            new TreeMap<>(topic.config()).forEach((k, v) -> s.append(" --config ").append(k).append('=').append(v));
            s.append('\n');
        }
        s.append("echo \"Topics of infra/contracts/topics.yaml: ").append(catalog.topics().size())
                .append(" present (replication factor $RF)\"\n");
        return s.toString();
    }

    static String strimziTopics(TopicCatalog catalog) {
        StringBuilder s = new StringBuilder();
        s.append("""
                # GENERATED from infra/contracts/topics.yaml by infra/deploy/checks (TopicArtifacts); do not edit:
                #   %s
                # The topics of the contract for the Strimzi topic operator: replicas %d, min.insync.replicas %d.
                """.formatted(REGENERATE, PRODUCTION_REPLICAS, PRODUCTION_MIN_INSYNC_REPLICAS));
        for (TopicSpec topic : catalog.topics()) {
            Map<String, String> config = new LinkedHashMap<>(new TreeMap<>(topic.config()));
            config.put("min.insync.replicas", Integer.toString(PRODUCTION_MIN_INSYNC_REPLICAS));
            s.append("---\n")
                    .append("apiVersion: kafka.strimzi.io/v1\n")
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ").append(topic.name()).append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: ").append(STRIMZI_CLUSTER).append('\n')
                    .append("spec:\n")
                    .append("  topicName: ").append(topic.name()).append('\n')
                    .append("  partitions: ").append(topic.partitions()).append('\n')
                    .append("  replicas: ").append(PRODUCTION_REPLICAS).append('\n')
                    .append("  config:\n");
            config.forEach((k, v) -> s.append("    ").append(k).append(": \"").append(v).append("\"\n"));
        }
        return s.toString();
    }
}
