package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CloudEventRoundTripTest {

    private static final String VIEWS = "news.article-views";

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
        TestEvent view = view("rt");

        ConsumerRecord<String, byte[]> record = roundTrip(view);

        assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(view.id());
        assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(view.subject());
        assertThat(TopicProbe.value(record)).contains("\"readerHash\"");
        CloudEventAssertions.assertFollowsContract(record);
    }

    @Test
    void theContractCheckRejectsARecordWhosePayloadBreaksTheSchema() throws Exception {
        TestEvent view = view("bad");
        String missingViewedAt = view.json().replaceAll(",\\s*\"viewedAt\":\"[^\"]+\"", "");

        assertRefused(roundTrip(view.withJson(missingViewedAt)), "viewedAt");
    }

    @Test
    void theContractCheckRejectsATypeThatDoesNotBelongOnTheTopic() throws Exception {
        TestEvent view = view("wrong");
        TestEvent shareOnTheViewsTopic = new TestEvent(view.id(), "news.article.shared", view.source(), view.subject(),
                view.time(), view.json());

        assertRefused(roundTrip(shareOnTheViewsTopic), "event types of news.article-views");
    }

    @Test
    void aProbeOpenedAfterARecordDoesNotSeeItButOneFromTheBeginningDoes() throws Exception {
        TestEvent view = view("old");
        producer.send(view.record(VIEWS)).get();
        try (TopicProbe tail = TopicProbe.tail(VIEWS);
             TopicProbe all = TopicProbe.fromBeginning(VIEWS)) {
            assertThat(all.await(TopicProbe.withKey(view.subject()), 1)).hasSize(1);
            tail.assertNone(TopicProbe.withKey(view.subject()), java.time.Duration.ofMillis(500));
        }
    }

    private static ConsumerRecord<String, byte[]> roundTrip(TestEvent event) throws Exception {
        try (TopicProbe probe = TopicProbe.tail(VIEWS)) {
            producer.send(event.record(VIEWS)).get();
            return probe.await(TopicProbe.withKey(event.subject()), 1).get(0);
        }
    }

    private static void assertRefused(ConsumerRecord<String, byte[]> record, String because) {
        assertThatThrownBy(() -> CloudEventAssertions.assertFollowsContract(record))
                .isInstanceOf(AssertionError.class).hasMessageContaining(because);
    }

    /** A view of an article of its own, its id starting with {@code prefix}. */
    private static TestEvent view(String prefix) {
        String articleId = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return EngagementEvents.view(articleId, "Navy", "alice", false, Instant.now());
    }
}
