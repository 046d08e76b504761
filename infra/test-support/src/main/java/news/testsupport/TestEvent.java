package news.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import news.contracts.ContractNames;

/**
 * One event as the platform's producers write it, for tests that play a producer: the CloudEvents attributes and the
 * JSON payload. {@link #record} puts it on a topic in Kafka binary mode as {@code infra/contracts/cloudevents.md}
 * says: the attributes as {@code ce_*} headers, the subject as the key, the payload alone as the value.
 * <p>
 * The services have CloudEvents types of their own in their main code; this one exists because test-support sits
 * below them and must not depend on any service's code.
 */
public record TestEvent(String id, String type, String source, String subject, Instant time, String json) {

    /** The platform's {@code ce_time}: UTC, always three fraction digits. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** A new event with a fresh id, written by the service the type belongs to. */
    public static TestEvent of(String type, String subject, Instant time, String json) {
        return new TestEvent(UUID.randomUUID().toString(), type, sourceOf(type), subject, time, json);
    }

    /** The same event under another {@code ce_id}. */
    public TestEvent withId(String newId) {
        return new TestEvent(newId, type, source, subject, time, json);
    }

    /** The same attributes with another payload (which no longer has to be valid). */
    public TestEvent withJson(String newJson) {
        return new TestEvent(id, type, source, subject, time, newJson);
    }

    /** The CloudEvents headers of the contract, {@code ce_dataschema} included, in the order producers write them. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_type", type);
        headers.put("ce_source", source);
        headers.put("ce_time", TIME.format(time));
        headers.put("ce_subject", subject);
        headers.put("content-type", "application/json");
        String schema = ContractNames.DATA_SCHEMAS.get(type);
        if (schema != null) {
            headers.put("ce_dataschema", schema);
        }
        return headers;
    }

    /** The record of {@code topic}: key the subject, value the payload, the headers of {@link #headers()}. */
    public ProducerRecord<String, byte[]> record(String topic) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, time.toEpochMilli(), subject,
                json.getBytes(UTF_8));
        headers().forEach((name, value) -> record.headers().add(name, value.getBytes(UTF_8)));
        return record;
    }

    /** The {@code ce_source} of the service that writes {@code type}. */
    static String sourceOf(String type) {
        if (type.startsWith("news.comment.")) {
            return "/comment-service";
        }
        return type.startsWith("news.ranking.") ? "/ranking-service" : "/article-service";
    }
}
