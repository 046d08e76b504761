package news.kit.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import news.contracts.ContractNames;

/**
 * The headers of an event as the contract states them: {@code ce_time} always to the millisecond (an instant on a
 * whole second keeps its {@code .000}), and {@code ce_dataschema}, the {@code $id} of the payload's schema, on every
 * event of the contract.
 */
class CloudEventTest {

    @Test
    void ceTimeKeepsItsMillisecondsEvenWhenTheyAreZero() {
        assertThat(header(event(ContractNames.ARTICLE_VIEWED, Instant.parse("2026-11-25T09:30:00Z")), "ce_time"))
                .isEqualTo("2026-11-25T09:30:00.000Z");
        assertThat(header(event(ContractNames.ARTICLE_VIEWED, Instant.parse("2026-11-25T09:30:00.120Z")), "ce_time"))
                .isEqualTo("2026-11-25T09:30:00.120Z");
        assertThat(header(event(ContractNames.ARTICLE_VIEWED, Instant.parse("2026-11-25T09:30:00.999999Z")),
                "ce_time")).as("finer than a millisecond: cut, as the record timestamp is").isEqualTo(
                "2026-11-25T09:30:00.999Z");
    }

    @Test
    void everyEventOfTheContractNamesItsSchema() {
        for (String type : ContractNames.DATA_SCHEMAS.keySet()) {
            assertThat(header(event(type, Instant.now()), "ce_dataschema")).as(type)
                    .isEqualTo(ContractNames.DATA_SCHEMAS.get(type)).endsWith(".schema.json");
        }
        assertThat(header(event(ContractNames.COMMENT_POSTED, Instant.now()), "ce_dataschema"))
                .isEqualTo("https://news-platform.example/contracts/schemas/comment-posted.schema.json");
    }

    private static ProducerRecord<String, byte[]> event(String type, Instant time) {
        return new CloudEvent("e1", type, "/test", "a1", time, "{}", null).toRecord("news.test");
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return CloudEventHeaders.text(record.headers(), name);
    }
}
