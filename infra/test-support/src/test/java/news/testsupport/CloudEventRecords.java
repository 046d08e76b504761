package news.testsupport;

import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Records as the platform's producers write them (CloudEvents in Kafka binary mode), for this module's tests. */
final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /** A record of {@code topic} keyed and subject {@code key}, with the CloudEvents headers of the contract. */
    static ProducerRecord<String, byte[]> of(String topic, String key, String ceId, String type, String source,
                                             Instant time, String payload) {
        return new TestEvent(ceId, type, source, key, time, payload).record(topic);
    }
}
