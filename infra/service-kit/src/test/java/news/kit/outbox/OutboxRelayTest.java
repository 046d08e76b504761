package news.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.kit.cloudevents.CloudEvent;
import news.launcher.Ports;
import news.testsupport.CloudEventAssertions;
import news.testsupport.TestInfrastructure;
import news.testsupport.TopicProbe;
import tools.jackson.databind.json.JsonMapper;

class OutboxRelayTest {

    private static final String TOPIC = "news.comment-events";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String collection = "outbox-" + UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MongoClient client;
    private MongoTemplate mongo;
    private DefaultKafkaProducerFactory<String, byte[]> producers;
    private Supplier<Producer<String, byte[]>> relayProducers;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        mongo = new MongoTemplate(client, "service-kit");
        producers = producerFactory(TestInfrastructure.kafkaBootstrapServers());
        relayProducers = OutboxRelay.producers(producers, "outbox-relay-test");
    }

    @AfterEach
    void tearDown() {
        producers.destroy();
        client.close();
    }

    @Test
    void publishesEachDocumentsEventsInTheOrderTheyWereWrittenAndEmptiesTheOutbox() {
        String articleId = newId();
        write(articleId, event(articleId, "news.comment.posted", 1));
        write(articleId, event(articleId, "news.comment.posted", 2));
        write(articleId, event(articleId, "news.comment.removed", 3));
        OutboxRelay relay = relay(relayProducers);

        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            assertThat(relay.publishPending()).isEqualTo(3);

            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.withKey(articleId), 3);
            assertThat(records).extracting(r -> TopicProbe.value(r)).containsExactly(
                    payload(articleId, 1, "posted"), payload(articleId, 2, "posted"), payload(articleId, 3, "removed"));
            records.forEach(CloudEventAssertions::assertFollowsContract);
        }
        Document doc = mongo.getCollection(collection).find(new Document("_id", articleId)).first();
        assertThat(doc.getList(Outbox.EVENTS, Document.class)).isEmpty();
        assertThat(doc.getInteger(Outbox.SIZE)).isZero();
        assertThat(doc.containsKey(Outbox.LEASE_OWNER)).isFalse();
        assertThat(meters.counter("news.events.published", "topic", TOPIC, "type", "news.comment.posted").count()).isEqualTo(2);
    }

    @Test
    void keepsEveryEventWhileKafkaIsUnreachableAndPublishesThemInOrderOnceItIsBack() {
        String articleId = newId();
        write(articleId, event(articleId, "news.comment.posted", 1));
        write(articleId, event(articleId, "news.comment.removed", 2));
        sweepWithKafkaUnreachable();
        assertThat(outboxSize(articleId)).isEqualTo(2);

        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            assertThat(relay(relayProducers).publishPending()).isEqualTo(2);
            assertThat(probe.await(TopicProbe.withKey(articleId), 2)).extracting(TopicProbe::value)
                    .containsExactly(payload(articleId, 1, "posted"), payload(articleId, 2, "removed"));
        }
    }

    @Test
    void aDocumentClaimedByARelayThatDiedIsPublishedByAnotherOnceTheLeaseRunsOut() {
        String articleId = newId();
        write(articleId, event(articleId, "news.comment.posted", 1));
        // a relay claims the document and dies before publishing: its lease is all that is left of it
        mongo.updateFirst(Query.query(Criteria.where("_id").is(articleId)),
                new Update().set(Outbox.LEASE_UNTIL, new java.util.Date(System.currentTimeMillis() + 500))
                        .set(Outbox.LEASE_OWNER, "dead-relay"), collection);
        OutboxRelay survivor = relay(relayProducers);

        assertThat(survivor.publishPending()).as("the lease still holds").isZero();
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> survivor.publishPending() == 1);
            assertThat(probe.await(TopicProbe.withKey(articleId), 1)).hasSize(1);
        }
    }

    @Test
    void eventsWrittenWhileARoundIsInFlightStayPendingForTheNextRound() {
        String articleId = newId();
        write(articleId, event(articleId, "news.comment.posted", 1));
        OutboxRelay relay = relay(relayProducers);
        relay.publishPending();
        write(articleId, event(articleId, "news.comment.posted", 2));

        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            assertThat(relay.publishPending()).isEqualTo(1);
            assertThat(probe.await(TopicProbe.withKey(articleId), 1)).extracting(TopicProbe::value)
                    .containsExactly(payload(articleId, 2, "posted"));
        }
    }

    @Test
    void eachRecordCarriesTheTraceparentStoredWithItsEventAndNoneIsMadeUp() {
        String articleId = newId();
        String requestTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        write(articleId, CloudEvent.create("news.comment.posted", "/service-kit-test", articleId,
                payload(articleId, 1, "posted"), requestTrace));
        write(articleId, event(articleId, "news.comment.removed", 2));

        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            assertThat(relay(relayProducers).publishPending()).isEqualTo(2);

            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.withKey(articleId), 2);
            assertThat(TopicProbe.header(records.get(0), "traceparent")).isEqualTo(requestTrace);
            assertThat(TopicProbe.header(records.get(1), "traceparent")).as("no trace stored, none made up").isNull();
        }
    }

    @Test
    void aSendThatFailsInTheMiddleOfARoundLetsNothingLaterOfItsDocumentOvertakeIt() throws Exception {
        // A topic that refuses records over 16 KiB: event 2 (about 150 KiB even compressed) fails on the broker while
        // events 1, 3 and 4 are fine. The idempotent producer, left alone, renumbers the batches behind a failed one
        // and writes them: 3 and 4 would be on the topic before 2, which the next round sends again.
        String topic = "outbox-order-" + UUID.randomUUID();
        String articleId = newId();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                        .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16384"))))
                        .all().get(30, TimeUnit.SECONDS);
                write(articleId, event(articleId, "news.comment.posted", 1));
                write(articleId, CloudEvent.create("news.comment.posted", "/service-kit-test", articleId,
                        "{\"commentId\":\"c2\",\"articleId\":\"" + articleId + "\",\"authorId\":\"u1\",\"text\":\""
                                + incompressible(200_000) + "\",\"postedAt\":\"2026-11-25T10:00:00Z\"}", null));
                write(articleId, event(articleId, "news.comment.posted", 3));
                write(articleId, event(articleId, "news.comment.removed", 4));
                OutboxRelay relay = relay(relayProducers, topic);

                assertThatThrownBy(relay::publishPending).isInstanceOf(IllegalStateException.class)
                        .hasRootCauseInstanceOf(RecordTooLargeException.class);
                assertThat(outboxSize(articleId)).as("1 acknowledged, 2 to 4 still pending").isEqualTo(3);

                // the topic now takes event 2: the next round publishes 2, 3 and 4, and nothing of 3 or 4 came before
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                        new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048576"),
                                AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .ignoreExceptions().until(() -> relay.publishPending() == 3);
                try (TopicProbe probe = TopicProbe.fromBeginning(TestInfrastructure.kafkaBootstrapServers(), topic)) {
                    probe.await(r -> "c4".equals(commentId(r)), 1);
                    assertThat(firstArrivals(probe.seen()))
                            .as("each event's first arrival, in the order they were written")
                            .containsExactly("c1", "c2", "c3", "c4");
                }
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theRelaysProducersKeepOneRequestInFlightWhateverTheApplicationsProducersDo() {
        Map<String, Object> application = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092",
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "article-service");

        assertThat(OutboxRelay.relayConfig(application, "outbox-relay-articles-2"))
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-articles-2")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092");
        assertThat(application).as("the application's own settings untouched")
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    }

    @Test
    void aNudgePublishesTheNudgedDocumentAtOnceAndSweepsNothing() {
        String leftover = newId();
        write(leftover, event(leftover, "news.comment.posted", 1));
        OutboxRelay relay = relay(relayProducers, TOPIC, Duration.ofHours(1));
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            relay.start();
            assertThat(probe.await(TopicProbe.withKey(leftover), 1, Duration.ofSeconds(10)))
                    .as("the sweep at start").hasSize(1);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outboxSize(leftover) == 0);

            String unannounced = newId();
            String nudged = newId();
            write(unannounced, event(unannounced, "news.comment.posted", 2));
            write(nudged, event(nudged, "news.comment.posted", 3));
            relay.nudge(nudged);

            assertThat(probe.await(TopicProbe.withKey(nudged), 1, Duration.ofSeconds(10))).hasSize(1);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outboxSize(nudged) == 0);
            assertThat(outboxSize(unannounced)).as("left for the next sweep, an hour away").isEqualTo(1);
        } finally {
            relay.stop();
        }
    }

    @Test
    void theRunningRelaySweepsUpWhatNobodyNudgedItAboutAndCountsIt() {
        OutboxRelay relay = relay(relayProducers, TOPIC, Duration.ofMillis(100));
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            relay.start();
            String articleId = newId();
            write(articleId, event(articleId, "news.comment.posted", 1));
            write(articleId, event(articleId, "news.comment.posted", 2));
            assertThat(probe.await(TopicProbe.withKey(articleId), 2, Duration.ofSeconds(10))).hasSize(2);
        } finally {
            relay.stop();
        }
    }

    @Test
    void oneSweepPublishesABacklogLargerThanABatchABatchAtATime() {
        List<String> ids = List.of(newId(), newId(), newId(), newId(), newId());
        ids.forEach(id -> write(id, event(id, "news.comment.posted", 1)));
        OutboxRelay relay = relay(relayProducers, TOPIC, Duration.ofHours(1), 2);

        assertThat(relay.publishPending()).isEqualTo(5);
        ids.forEach(id -> assertThat(outboxSize(id)).isZero());
    }

    @Test
    void aSweepCountsThePendingEventsOfEveryDocument() {
        String first = newId();
        String second = newId();
        write(first, event(first, "news.comment.posted", 1));
        write(first, event(first, "news.comment.posted", 2));
        write(second, event(second, "news.comment.posted", 3));
        sweepWithKafkaUnreachable();

        assertThat(meters.get("news.outbox.pending").tag("collection", collection).gauge().value()).isEqualTo(3);
    }

    private OutboxRelay relay(Supplier<Producer<String, byte[]>> kafka) {
        return relay(kafka, TOPIC);
    }

    private OutboxRelay relay(Supplier<Producer<String, byte[]>> kafka, String topic) {
        return relay(kafka, topic, Duration.ofMillis(100));
    }

    private OutboxRelay relay(Supplier<Producer<String, byte[]>> kafka, String topic, Duration pollInterval) {
        return relay(kafka, topic, pollInterval, 100);
    }

    private OutboxRelay relay(Supplier<Producer<String, byte[]>> kafka, String topic, Duration pollInterval,
                              int batchSize) {
        return new OutboxRelay(mongo, kafka, collection, topic,
                new OutboxProperties(pollInterval, batchSize, Duration.ofSeconds(60), Duration.ofSeconds(3),
                        Duration.ofSeconds(1)), meters);
    }

    /** One sweep by a relay whose Kafka does not answer: it fails, and everything it found stays pending. */
    private void sweepWithKafkaUnreachable() {
        DefaultKafkaProducerFactory<String, byte[]> unreachable = producerFactory("127.0.0.1:" + Ports.freePort());
        try {
            OutboxRelay offline = relay(OutboxRelay.producers(unreachable, "unreachable"));
            assertThatThrownBy(offline::publishPending).isInstanceOf(IllegalStateException.class);
        } finally {
            unreachable.destroy();
        }
    }

    private void write(String id, CloudEvent event) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)),
                Outbox.append(new Update().set("lastChange", event.type()), event), collection);
    }

    private static CloudEvent event(String articleId, String type, int n) {
        return CloudEvent.create(type, "/service-kit-test", articleId,
                payload(articleId, n, type.substring(type.lastIndexOf('.') + 1)), null);
    }

    private static String payload(String articleId, int n, String kind) {
        return kind.equals("removed")
                ? "{\"commentId\":\"c" + n + "\",\"articleId\":\"" + articleId + "\",\"removedAt\":\"2026-11-25T10:00:00Z\"}"
                : "{\"commentId\":\"c" + n + "\",\"articleId\":\"" + articleId + "\",\"authorId\":\"u1\",\"text\":\"comment " + n
                        + "\",\"postedAt\":\"2026-11-25T10:00:00Z\"}";
    }

    private int outboxSize(String id) {
        return mongo.getCollection(collection).find(new Document("_id", id)).first().getInteger(Outbox.SIZE);
    }

    private static String commentId(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value()).path("commentId").asString();
    }

    private static List<String> firstArrivals(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(OutboxRelayTest::commentId).distinct().toList();
    }

    private static String incompressible(int length) {
        byte[] random = new byte[length * 3 / 4];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static String newId() {
        return "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static DefaultKafkaProducerFactory<String, byte[]> producerFactory(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
