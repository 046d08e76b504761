package news.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Records as the platform's producers write them (CloudEvents in Kafka binary mode), for this module's tests. */
final class CloudEventRecords {

    /** The platform's times: UTC, always three fraction digits. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private CloudEventRecords() {
    }

    /** A record of {@code topic} keyed and subject {@code key}, with the seven required CloudEvents headers. */
    static ProducerRecord<String, byte[]> of(String topic, String key, String ceId, String type, String source,
                                             Instant time, String payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload.getBytes(UTF_8));
        record.headers()
                .add("ce_specversion", "1.0".getBytes(UTF_8))
                .add("ce_id", ceId.getBytes(UTF_8))
                .add("ce_type", type.getBytes(UTF_8))
                .add("ce_source", source.getBytes(UTF_8))
                .add("ce_time", TIME.format(time).getBytes(UTF_8))
                .add("ce_subject", key.getBytes(UTF_8))
                .add("content-type", "application/json".getBytes(UTF_8));
        return record;
    }
}
