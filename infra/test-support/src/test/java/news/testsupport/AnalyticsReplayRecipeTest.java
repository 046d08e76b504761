package news.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java recipe of docs/analytics.md, run for real: read news.article-events from the beginning with a plain
 * consumer, set aside what is not the platform's or breaks the schema, drop repeated ce_ids, keep the highest
 * version per article, and end with the current public state. The recipe in the document is this code, line for line.
 */
class AnalyticsReplayRecipeTest {

    private static final Path SOURCE = RepositoryFiles.root()
            .resolve("infra/test-support/src/test/java/news/testsupport/AnalyticsReplayRecipeTest.java");
    private static final Path SNAPSHOT_SCHEMA = RepositoryFiles.root()
            .resolve("infra/contracts/schemas/article-snapshot.schema.json");

    @Test
    void theDocumentShowsExactlyTheCodeThisTestRuns() {
        assertThat(DocRecipes.recipe(DocRecipes.ANALYTICS, "rebuild-article-state"))
                .as("the Java recipe of docs/analytics.md and rebuildArticleState below must be the same code")
                .containsExactlyElementsOf(DocRecipes.codeOf(SOURCE, "rebuild-article-state"));
    }

    @Test
    void replayingArticleEventsFromTheBeginningRebuildsTheStateAndSetsAsideWhatIsNotOurs() throws Exception {
        String a = "an" + UUID.randomUUID().toString().substring(0, 8);
        String b = "an" + UUID.randomUUID().toString().substring(0, 8);
        String noId = "an" + UUID.randomUUID().toString().substring(0, 8);
        String published = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(event(a, published, "news.article.published", snapshot(a, "published", 2, "First title"))).get();
            producer.send(event(a, published, "news.article.published", snapshot(a, "published", 2, "First title"))).get(); // redelivery
            producer.send(event(a, newId(), "news.article.updated", snapshot(a, "published", 4, "Better title"))).get();
            producer.send(event(a, newId(), "news.article.updated", snapshot(a, "published", 3, "Stale title"))).get();
            producer.send(event(b, newId(), "news.article.published", snapshot(b, "published", 2, "Gone soon"))).get();
            producer.send(event(b, newId(), "news.article.unpublished", snapshot(b, "unpublished", 5, "Gone soon"))).get();
            // what the recipe must not apply: no ce_id, another source, a broken time, not JSON, an unknown type
            ProducerRecord<String, byte[]> withoutId = event(noId, newId(), "news.article.published",
                    snapshot(noId, "published", 9, "No id"));
            withoutId.headers().remove("ce_id");
            producer.send(withoutId).get();
            ProducerRecord<String, byte[]> forged = event(a, newId(), "news.article.updated",
                    snapshot(a, "published", 10, "Forged"));
            forged.headers().remove("ce_source").add("ce_source", "/someone-else".getBytes(UTF_8));
            producer.send(forged).get();
            producer.send(event(a, newId(), "news.article.updated",
                    snapshot(a, "published", 11, "Broken time").replace("2026-11-25T09:00:00Z", "yesterday"))).get();
            producer.send(event(a, newId(), "news.article.updated", "{\"articleId\":")).get();
            producer.send(event(a, newId(), "news.article.deleted", snapshot(a, "published", 12, "Unknown type"))).get();
        }

        Replay replay = rebuildArticleState(TestInfrastructure.kafkaBootstrapServers(), SNAPSHOT_SCHEMA);

        assertThat(replay.latest().get(a).path("title").asString()).isEqualTo("Better title");
        assertThat(replay.latest().get(a).path("version").asInt()).isEqualTo(4);
        assertThat(replay.latest().get(b).path("status").asString()).isEqualTo("unpublished");
        assertThat(replay.latest()).doesNotContainKey(noId);
        assertThat(replay.rejected().stream().filter(r -> r.key().equals(a) || r.key().equals(noId))
                .map(r -> new String(r.value(), UTF_8)))
                .as("the record without ce_id, the forged one, the broken time, the half JSON and the unknown type")
                .hasSize(5)
                .anyMatch(v -> v.contains("No id")).anyMatch(v -> v.contains("Forged"))
                .anyMatch(v -> v.contains("Broken time")).anyMatch(v -> v.equals("{\"articleId\":"))
                .anyMatch(v -> v.contains("Unknown type"));
    }

    record Replay(Map<String, JsonNode> latest, List<ConsumerRecord<String, byte[]>> rejected) {
    }

    /** The recipe: every partition from the beginning up to its current end, read_committed, validated, deduplicated. */
    static Replay rebuildArticleState(String bootstrapServers, Path schemaFile) throws IOException {
        // recipe: rebuild-article-state
        JsonMapper json = JsonMapper.builder().build();
        Schema snapshotSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,  // times must be times
                        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema(Files.readString(schemaFile), InputFormat.JSON);     // infra/contracts/schemas/article-snapshot.schema.json
        Set<String> types = Set.of("news.article.published", "news.article.updated", "news.article.unpublished");
        Map<String, JsonNode> latest = new HashMap<>();                         // article id -> newest snapshot
        Set<String> seen = new HashSet<>();                                     // ce_ids already applied
        List<ConsumerRecord<String, byte[]>> rejected = new ArrayList<>();      // not ours or not valid: kept aside, never applied
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("news.article-events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);                                        // no consumer group: a replay, not a subscription
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header ceId = record.headers().lastHeader("ce_id");
                    Header ceType = record.headers().lastHeader("ce_type");
                    Header ceSource = record.headers().lastHeader("ce_source");
                    if (record.value() == null || ceId == null || ceType == null || ceSource == null
                            || !types.contains(new String(ceType.value(), UTF_8))
                            || !"/article-service".equals(new String(ceSource.value(), UTF_8))) {
                        rejected.add(record);
                        continue;
                    }
                    JsonNode snapshot;
                    try {
                        snapshot = json.readTree(record.value());
                    } catch (JacksonException notJson) {
                        rejected.add(record);
                        continue;
                    }
                    if (!snapshotSchema.validate(snapshot).isEmpty()) {
                        rejected.add(record);
                        continue;
                    }
                    if (!seen.add(new String(ceId.value(), UTF_8))) {
                        continue;                                               // a redelivery: same ce_id, already applied
                    }
                    JsonNode known = latest.get(record.key());
                    if (known == null || snapshot.path("version").asLong() > known.path("version").asLong()) {
                        latest.put(record.key(), snapshot);
                    }
                }
            }
        }
        // latest: status "published" or "unpublished", title, section, body, byline, editorPick, publishedAt,
        // publishedBy (who first published it), updatedBy (who changed it last), ...; rejected: what to look at
        // end of recipe
        return new Replay(latest, rejected);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static String snapshot(String id, String status, int version, String title) {
        return ArticleEvents.snapshot(id).titled(title, "Navy").with("slug", "s-" + id.toLowerCase())
                .with("source", "Wire").with("body", List.of("Text.")).published("published".equals(status), version)
                .at(ArticleEvents.PUBLISHED_AT, Instant.parse("2026-11-25T09:00:00Z")).json();
    }

    private static ProducerRecord<String, byte[]> event(String id, String ceId, String type, String payload) {
        return CloudEventRecords.of("news.article-events", id, ceId, type, "/article-service",
                Instant.parse("2026-11-25T09:00:00Z"), payload);
    }
}
