package news.comment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import news.testsupport.ArticleEvents;
import news.testsupport.TestEvent;
import news.testsupport.TestInfrastructure;

/** Plays article-service: writes article snapshots (the shared {@link ArticleEvents} fixtures) or broken records. */
final class ArticleEventsProducer implements AutoCloseable {

    static final String TOPIC = "news.article-events";

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    /** Sends a valid snapshot event with a fresh {@code ce_id}; returns that id. */
    String snapshot(String articleId, String status, long version) {
        TestEvent event = snapshotOf(articleId, status, version).event();
        send(event.record(TOPIC));
        return event.id();
    }

    void snapshot(String ceId, String articleId, String status, long version) {
        send(snapshotOf(articleId, status, version).event().withId(ceId).record(TOPIC));
    }

    /** The snapshot article-service writes for {@code status} ("published" or "unpublished") and version, now. */
    static ArticleEvents.Snapshot snapshotOf(String articleId, String status, long version) {
        return ArticleEvents.snapshot(articleId).published("published".equals(status), version)
                .at(ArticleEvents.PUBLISHED_AT, Instant.now().truncatedTo(ChronoUnit.MILLIS));
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

    @Override
    public void close() {
        producer.close();
    }
}
