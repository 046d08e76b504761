package news.comment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import news.kit.cloudevents.CloudEvent;
import news.testsupport.CloudEventAssertions;
import news.testsupport.TestInfrastructure;

/** Plays article-service: writes article snapshots (valid CloudEvents per infra/contracts) or broken records. */
final class ArticleEventsProducer implements AutoCloseable {

    static final String TOPIC = "news.article-events";

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    /** Sends a valid snapshot event with a fresh {@code ce_id}; returns that id. */
    String snapshot(String articleId, String status, long version) {
        String ceId = UUID.randomUUID().toString();
        snapshot(ceId, articleId, status, version);
        return ceId;
    }

    void snapshot(String ceId, String articleId, String status, long version) {
        String type = "published".equals(status) ? (version == 1 ? "news.article.published" : "news.article.updated")
                : "news.article.unpublished";
        String json = Api.JSON.writeValueAsString(payload(articleId, status, version));
        CloudEventAssertions.assertValidPayload(type, json);
        CloudEvent event = new CloudEvent(ceId, type, "/article-service", articleId,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), json, null);
        send(event.toRecord(TOPIC));
    }

    /** Sends any record: for poison pills. */
    RecordMetadata raw(String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return send(record);
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write to " + TOPIC, e);
        }
    }

    static Map<String, Object> payload(String articleId, String status, long version) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("articleId", articleId);
        payload.put("slug", "slug-" + articleId.toLowerCase().replaceAll("[^a-z0-9]", ""));
        payload.put("title", "Navy commissions third Aegis destroyer");
        payload.put("section", "Navy");
        payload.put("source", "Defense Wire");
        payload.put("byline", Map.of("name", "Mina Park", "email", "mina.park@example.com"));
        payload.put("body", List.of("The Navy commissioned its third Aegis-equipped destroyer."));
        payload.put("tags", List.of("destroyer"));
        payload.put("editorPick", false);
        payload.put("editorPickedAt", null);
        payload.put("status", status);
        payload.put("publishedAt", "2026-11-25T08:00:00Z");
        payload.put("updatedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        payload.put("version", version);
        return payload;
    }

    @Override
    public void close() {
        producer.close();
    }
}
