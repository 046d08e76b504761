package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import news.contracts.EventContracts;
import news.contracts.TopicCatalog;
import news.contracts.TopicSpec;

/**
 * Checks a record read from a topic against the contract: the CloudEvents binary-mode headers of
 * {@code infra/contracts/cloudevents.md}, its type belonging to the topic, and its payload against the schema.
 */
public final class CloudEventAssertions {

    private static final TopicCatalog CATALOG = TopicCatalog.load();
    private static final EventContracts CONTRACTS = EventContracts.load(CATALOG);

    private CloudEventAssertions() {
    }

    public static void assertFollowsContract(ConsumerRecord<String, byte[]> record) {
        String type = TopicProbe.header(record, "ce_type");
        String where = record.topic() + "/" + record.partition() + "@" + record.offset();
        assertThat(TopicProbe.header(record, "ce_specversion")).as("ce_specversion of %s", where).isEqualTo("1.0");
        assertThat(TopicProbe.header(record, "ce_id")).as("ce_id of %s", where).isNotBlank();
        assertThat(TopicProbe.header(record, "ce_source")).as("ce_source of %s", where).startsWith("/");
        assertThat(TopicProbe.header(record, "ce_subject")).as("ce_subject of %s", where).isNotBlank();
        assertThat(TopicProbe.header(record, "content-type")).as("content-type of %s", where)
                .isEqualTo("application/json");
        String time = TopicProbe.header(record, "ce_time");
        assertThat(time).as("ce_time of %s", where).isNotBlank();
        OffsetDateTime.parse(time);
        TopicSpec topic = CATALOG.topic(record.topic());
        assertThat(topic.events()).as("event types of %s", record.topic())
                .anySatisfy(e -> assertThat(e.type()).isEqualTo(type));
        assertThat(record.key()).as("key of %s", where).isNotBlank();
        assertThat(CONTRACTS.validate(type, TopicProbe.value(record)))
                .as("schema violations of %s (%s): %s", where, type, TopicProbe.value(record)).isEmpty();
    }

    /** The payload of a {@code type} event, checked against its schema, for tests of producers' records. */
    public static void assertValidPayload(String type, String json) {
        assertThat(CONTRACTS.validate(type, json)).as("schema violations of %s: %s", type, json).isEmpty();
    }
}
