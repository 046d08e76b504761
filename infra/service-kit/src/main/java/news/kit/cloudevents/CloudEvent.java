package news.kit.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import news.contracts.ContractNames;

/**
 * One event ready for a topic: its CloudEvents attributes and its JSON payload. The record key is the subject
 * (the article id for every article-keyed topic), so an article's events stay in one partition and in order.
 *
 * @param traceparent W3C trace context of whatever caused the event, or null
 */
public record CloudEvent(String id, String type, String source, String subject, Instant time, String json,
                         String traceparent) {

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(json, "json");
    }

    /** A new event with a fresh id, happening now (to the millisecond). */
    public static CloudEvent create(String type, String source, String subject, String json, String traceparent) {
        return new CloudEvent(UUID.randomUUID().toString(), type, source, subject,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), json, traceparent);
    }

    public ProducerRecord<String, byte[]> toRecord(String topic) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, time.toEpochMilli(), subject,
                json.getBytes(StandardCharsets.UTF_8));
        Headers headers = record.headers();
        CloudEventHeaders.put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        CloudEventHeaders.put(headers, CloudEventHeaders.ID, id);
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, type);
        CloudEventHeaders.put(headers, CloudEventHeaders.SOURCE, source);
        CloudEventHeaders.put(headers, CloudEventHeaders.TIME, CloudEventHeaders.time(time));
        CloudEventHeaders.put(headers, CloudEventHeaders.SUBJECT, subject);
        CloudEventHeaders.put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        CloudEventHeaders.put(headers, CloudEventHeaders.DATA_SCHEMA, ContractNames.DATA_SCHEMAS.get(type));
        CloudEventHeaders.put(headers, CloudEventHeaders.TRACEPARENT, traceparent);
        return record;
    }
}
