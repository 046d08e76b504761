package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CloudEventRoundTripTest {

    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void aCloudEventsRecordComesBackFromTheRealBrokerWithItsHeadersAndAValidPayload() throws Exception {
        String articleId = "rt" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String ceId = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.tail("news.article-views")) {
            producer.send(view(articleId, ceId, "news.article.viewed", viewPayload(articleId))).get();

            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.withKey(articleId), 1);

            ConsumerRecord<String, byte[]> record = records.get(0);
            assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(ceId);
            assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(articleId);
            assertThat(TopicProbe.value(record)).contains("\"readerHash\"");
            CloudEventAssertions.assertFollowsContract(record);
        }
    }

    @Test
    void theContractCheckRejectsARecordWhosePayloadBreaksTheSchema() throws Exception {
        String articleId = "bad" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (TopicProbe probe = TopicProbe.tail("news.article-views")) {
            String missingViewedAt = viewPayload(articleId).replaceAll(",\\s*\"viewedAt\":\"[^\"]+\"", "");
            producer.send(view(articleId, UUID.randomUUID().toString(), "news.article.viewed", missingViewedAt)).get();

            ConsumerRecord<String, byte[]> record = probe.await(TopicProbe.withKey(articleId), 1).get(0);

            assertThatThrownBy(() -> CloudEventAssertions.assertFollowsContract(record))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("viewedAt");
        }
    }

    @Test
    void theContractCheckRejectsATypeThatDoesNotBelongOnTheTopic() throws Exception {
        String articleId = "wrong" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (TopicProbe probe = TopicProbe.tail("news.article-views")) {
            producer.send(view(articleId, UUID.randomUUID().toString(), "news.article.shared", viewPayload(articleId))).get();

            ConsumerRecord<String, byte[]> record = probe.await(TopicProbe.withKey(articleId), 1).get(0);

            assertThatThrownBy(() -> CloudEventAssertions.assertFollowsContract(record))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("event types of news.article-views");
        }
    }

    @Test
    void aProbeOpenedAfterARecordDoesNotSeeItButOneFromTheBeginningDoes() throws Exception {
        String articleId = "old" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        producer.send(view(articleId, UUID.randomUUID().toString(), "news.article.viewed", viewPayload(articleId))).get();
        try (TopicProbe tail = TopicProbe.tail("news.article-views");
             TopicProbe all = TopicProbe.fromBeginning("news.article-views")) {
            assertThat(all.await(TopicProbe.withKey(articleId), 1)).hasSize(1);
            tail.assertNone(TopicProbe.withKey(articleId), java.time.Duration.ofMillis(500));
        }
    }

    static ProducerRecord<String, byte[]> view(String articleId, String ceId, String type, String payload) {
        return CloudEventRecords.of("news.article-views", articleId, ceId, type, "/test-support", Instant.now(), payload);
    }

    static String viewPayload(String articleId) {
        return "{\"articleId\":\"" + articleId + "\",\"section\":\"Navy\",\"readerHash\":\"" + "ab".repeat(32)
                + "\",\"agent\":\"human\",\"viewedAt\":\"" + Instant.now() + "\"}";
    }
}
