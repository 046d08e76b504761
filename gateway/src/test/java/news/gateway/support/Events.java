package news.gateway.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import news.contracts.ContractNames;
import news.kit.cloudevents.CloudEvent;
import news.testsupport.ArticleEvents;
import news.testsupport.CloudEventAssertions;
import news.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes article snapshots and ranking lists to the real test broker as the producing services do: CloudEvents
 * binary mode, payloads checked against their schema first. Each send waits for the broker's acknowledgement.
 */
public final class Events implements AutoCloseable {

    public static final String ARTICLE_EVENTS = "news.article-events";
    public static final String RANKINGS = "news.rankings";
    public static final String COMMENT_EVENTS = "news.comment-events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer;

    public Events() {
        this(TestInfrastructure.kafkaBootstrapServers());
    }

    public Events(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes the snapshot under the type article-service gives it, happening now; returns its ce_id. */
    public String article(TestArticle article) {
        ArticleEvents.Snapshot snapshot = article.snapshot();
        return send(ARTICLE_EVENTS, CloudEvent.create(snapshot.type(), "/article-service", article.id(),
                snapshot.json(), null));
    }

    /** The same event once more: same ce_id, same payload, as a redelivery would bring it. */
    public void again(String topic, CloudEvent event) {
        send(topic, event);
    }

    public String send(String topic, CloudEvent event) {
        String type = event.type();
        CloudEventAssertions.assertValidPayload(type, event.json());
        try {
            producer.send(event.toRecord(topic)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
        return event.id();
    }

    /** Sends a record as it is, without checking anything: for records a consumer must survive. */
    public void raw(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                value == null ? null : value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** A reader's comment under the article, as comment-service publishes it (keyed by the article); its ce_id. */
    public String commentPosted(String articleId, String text) {
        String json = JSON.writeValueAsString(Map.of("commentId", "c" + UUID.randomUUID().toString().replace("-", ""),
                "articleId", articleId, "authorId", "Zm9yLXRlc3RzLW9ubHktMQ", "text", text,
                "postedAt", Instant.now().toString()));
        return send(COMMENT_EVENTS, CloudEvent.create(ContractNames.COMMENT_POSTED, "/comment-service", articleId,
                json, null));
    }

    /** Publishes a whole {@code news.ranking.updated} list, best first. */
    public String ranking(String list, String section, Instant computedAt, List<TestArticle> entries) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TestArticle a = entries.get(i);
            items.add(Map.of("articleId", a.id(), "title", a.title(), "section", a.section(),
                    "publishedAt", a.publishedAt().toString(), "score", entries.size() - i, "fallback", false));
        }
        String json = JSON.writeValueAsString(Map.of("list", list, "section", section,
                "window", list.equals("popular-now") ? "PT60M" : "P7D", "computedAt", computedAt.toString(),
                "entries", items));
        return send(RANKINGS, CloudEvent.create("news.ranking.updated", "/ranking-service", list + "|" + section,
                json, null));
    }

    public static Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
