package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recipe of docs/analytics.md, run for real: read news.article-events from the beginning with a plain consumer,
 * drop repeated ce_ids, keep the highest version per article, and end with the current public state.
 */
class AnalyticsReplayRecipeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void replayingArticleEventsFromTheBeginningRebuildsTheCurrentStateDespiteDuplicatesAndOldVersions() throws Exception {
        String a = "an" + UUID.randomUUID().toString().substring(0, 8);
        String b = "an" + UUID.randomUUID().toString().substring(0, 8);
        String published = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(event(a, published, "news.article.published", "published", 2, "First title")).get();
            producer.send(event(a, published, "news.article.published", "published", 2, "First title")).get(); // redelivery
            producer.send(event(a, UUID.randomUUID().toString(), "news.article.updated", "published", 4, "Better title")).get();
            producer.send(event(a, UUID.randomUUID().toString(), "news.article.updated", "published", 3, "Stale title")).get();
            producer.send(event(b, UUID.randomUUID().toString(), "news.article.published", "published", 2, "Gone soon")).get();
            producer.send(event(b, UUID.randomUUID().toString(), "news.article.unpublished", "unpublished", 5, "Gone soon")).get();
        }

        Map<String, JsonNode> state = rebuildArticleState(TestInfrastructure.kafkaBootstrapServers());

        assertThat(state.get(a).path("title").asString()).isEqualTo("Better title");
        assertThat(state.get(a).path("version").asInt()).isEqualTo(4);
        assertThat(state.get(b).path("status").asString()).isEqualTo("unpublished");
    }

    /** The recipe: every partition from the beginning up to its current end, read_committed, deduplicated. */
    static Map<String, JsonNode> rebuildArticleState(String bootstrapServers) {
        Map<String, JsonNode> latest = new HashMap<>();
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("news.article-events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String ceId = TopicProbe.header(record, "ce_id");
                    if (record.value() == null || !seen.add(ceId)) {
                        continue; // a redelivery: same ce_id, already applied
                    }
                    JsonNode snapshot = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
                    JsonNode known = latest.get(record.key());
                    if (known == null || snapshot.path("version").asLong() > known.path("version").asLong()) {
                        latest.put(record.key(), snapshot);
                    }
                }
            }
        }
        return latest;
    }

    private static ProducerRecord<String, byte[]> event(String id, String ceId, String type, String status, int version,
                                                        String title) {
        String json = """
                {"articleId":"%s","slug":"s-%s","title":"%s","section":"Navy","source":"Wire",
                 "byline":{"name":"Mina Park","email":"mina@example.com"},"body":["Text."],"tags":[],
                 "editorPick":false,"editorPickedAt":null,"status":"%s","publishedAt":"2026-11-25T08:00:00Z",
                 "updatedAt":"2026-11-25T09:00:00Z","version":%d}""".formatted(id, id.toLowerCase(), title, status, version);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("news.article-events", id,
                json.getBytes(StandardCharsets.UTF_8));
        CloudEventRoundTripTest.view(id, ceId, type, json).headers().forEach(h -> record.headers().add(h));
        return record;
    }
}
