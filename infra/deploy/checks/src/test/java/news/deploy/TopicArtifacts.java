package news.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import news.contracts.TopicCatalog;
import news.contracts.TopicSpec;

/**
 * What deployment derives from the topic list ({@code infra/contracts/topics.yaml}): the topic lines of the
 * topic-creation script of the compose stack and the local overlay, and the Strimzi {@code KafkaTopic} resources of the
 * production overlay. Both are checked in and kept equal to what this class generates ({@code TopicArtifactsTest}).
 */
final class TopicArtifacts {

    static final String SCRIPT = "k8s/base/kafka-topics/create-topics.sh";
    static final String SCRIPT_GENERATED_BELOW =
            "# GENERATED from infra/contracts/topics.yaml by infra/deploy/checks (TopicArtifacts) from here on; do not edit:";
    static final String STRIMZI_TOPICS = "k8s/overlays/production/kafka/topics.yaml";
    static final String STRIMZI_CLUSTER = "news-kafka";
    static final int PRODUCTION_REPLICAS = 3;
    static final int PRODUCTION_MIN_INSYNC_REPLICAS = 2;
    static final String REGENERATE = "./mvnw -B -q -pl infra/deploy/checks verify -Dnews.deploy.regenerate=true";

    private TopicArtifacts() {
    }

    /**
     * {@code script}, the checked-in one, with what follows its line {@link #SCRIPT_GENERATED_BELOW} made from the
     * topic list: the script's own logic is written in the script alone, the topics only in the topic list.
     */
    static String createTopicsScript(TopicCatalog catalog, String script) {
        int generated = script.indexOf(SCRIPT_GENERATED_BELOW);
        if (generated < 0) {
            throw new IllegalStateException(SCRIPT + " lacks its line \"" + SCRIPT_GENERATED_BELOW + "\"");
        }
        StringBuilder s = new StringBuilder(script.substring(0, generated)).append(SCRIPT_GENERATED_BELOW)
                .append("\n#   ").append(REGENERATE).append('\n');
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
