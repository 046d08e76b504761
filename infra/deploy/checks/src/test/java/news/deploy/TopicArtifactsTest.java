package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import news.contracts.TopicCatalog;
import news.contracts.TopicSpec;

/**
 * Topic creation comes from the topic list: the checked-in script's topic lines and the Strimzi topics are exactly
 * what {@link TopicArtifacts} generates from {@code infra/contracts/topics.yaml}. After a change to the topic list, run
 * {@value TopicArtifacts#REGENERATE}.
 */
class TopicArtifactsTest {

    private static final boolean REGENERATE = Boolean.getBoolean("news.deploy.regenerate");
    private final TopicCatalog catalog = TopicCatalog.load();

    @Test
    void theTopicCreationScriptIsGeneratedFromTheTopicList() throws IOException {
        assertGenerated(TopicArtifacts.SCRIPT, TopicArtifacts.createTopicsScript(catalog,
                Repository.read(Repository.DEPLOY.resolve(TopicArtifacts.SCRIPT))));
    }

    @Test
    void theStrimziTopicsAreGeneratedFromTheTopicList() throws IOException {
        assertGenerated(TopicArtifacts.STRIMZI_TOPICS, TopicArtifacts.strimziTopics(catalog));
    }

    @Test
    void everyTopicOfTheListIsCreatedWithItsPartitionsAndConfigsInProduction() {
        List<Map<String, Object>> topics = Yaml.documents(Repository.DEPLOY.resolve(TopicArtifacts.STRIMZI_TOPICS));
        assertThat(topics).hasSameSizeAs(catalog.topics());
        for (TopicSpec spec : catalog.topics()) {
            Map<String, Object> topic = topics.stream()
                    .filter(t -> spec.name().equals(Yaml.at(t, "spec.topicName"))).findFirst().orElseThrow();
            assertThat(Yaml.at(topic, "spec.partitions")).isEqualTo(spec.partitions());
            assertThat(Yaml.at(topic, "spec.replicas")).isEqualTo(3);
            Map<String, Object> config = Yaml.map(topic, "spec.config");
            spec.config().forEach((k, v) -> assertThat(config).containsEntry(k, v));
            assertThat(config).containsEntry("min.insync.replicas", "2");
        }
    }

    @Test
    void theComposeStackAndTheBaseRunTheGeneratedScript() {
        assertThat(Repository.read(Repository.DEPLOY.resolve("compose.yaml")))
                .contains("./k8s/base/kafka-topics/create-topics.sh:/news/create-topics.sh:ro");
        assertThat(Repository.read(Repository.K8S.resolve("base/kustomization.yaml")))
                .contains("create-topics.sh=kafka-topics/create-topics.sh");
    }

    private static void assertGenerated(String relative, String expected) throws IOException {
        Path file = Repository.DEPLOY.resolve(relative);
        if (REGENERATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected);
        }
        assertThat(file).as("%s is missing or stale: run %s", file, TopicArtifacts.REGENERATE).exists();
        assertThat(Files.readString(file)).as("%s is stale: run %s", relative, TopicArtifacts.REGENERATE)
                .isEqualTo(expected);
    }
}
