package news.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
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
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import news.kit.cloudevents.CloudEvent;
import news.launcher.Ports;
import news.testsupport.CloudEventAssertions;
import news.testsupport.TestInfrastructure;
import news.testsupport.TopicProbe;

class OutboxRelayTest {

    private static final String TOPIC = "news.comment-events";
    private final String collection = "outbox-" + UUID.randomUUID();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MongoClient client;
    private MongoTemplate mongo;
    private DefaultKafkaProducerFactory<String, byte[]> producers;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        mongo = new MongoTemplate(client, "service-kit");
        producers = producerFactory(TestInfrastructure.kafkaBootstrapServers());
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
        OutboxRelay relay = relay(new KafkaTemplate<>(producers));

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
        DefaultKafkaProducerFactory<String, byte[]> unreachable = producerFactory("127.0.0.1:" + Ports.freePort());
        try {
            OutboxRelay offline = relay(new KafkaTemplate<>(unreachable));
            assertThatThrownBy(offline::publishPending).isInstanceOf(IllegalStateException.class);
            assertThat(mongo.getCollection(collection).find(new Document("_id", articleId)).first()
                    .getInteger(Outbox.SIZE)).isEqualTo(2);
        } finally {
            unreachable.destroy();
        }

        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            assertThat(relay(new KafkaTemplate<>(producers)).publishPending()).isEqualTo(2);
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
        OutboxRelay survivor = relay(new KafkaTemplate<>(producers));

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
        OutboxRelay relay = relay(new KafkaTemplate<>(producers));
        relay.publishPending();
        write(articleId, event(articleId, "news.comment.posted", 2));

        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            assertThat(relay.publishPending()).isEqualTo(1);
            assertThat(probe.await(TopicProbe.withKey(articleId), 1)).extracting(TopicProbe::value)
                    .containsExactly(payload(articleId, 2, "posted"));
        }
    }

    @Test
    void eachRecordCarriesTheTraceparentStoredWithItsEventWhichAnObservedTemplateWouldReplace() {
        String articleId = newId();
        String requestTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String relayTrace = "00-11111111111111111111111111111111-2222222222222222-01";
        write(articleId, CloudEvent.create("news.comment.posted", "/service-kit-test", articleId,
                payload(articleId, 1, "posted"), requestTrace));
        write(articleId, event(articleId, "news.comment.removed", 2));
        // an observed template puts the sending thread's context on every record, as tracing does
        ObservationRegistry tracing = ObservationRegistry.create();
        tracing.observationConfig().observationHandler(new ObservationHandler<SenderContext<Object>>() {
            @Override
            public void onStart(SenderContext<Object> context) {
                context.getSetter().set(context.getCarrier(), "traceparent", relayTrace);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof SenderContext;
            }
        });
        KafkaTemplate<String, byte[]> observed = new KafkaTemplate<>(producers);
        observed.setObservationEnabled(true);
        observed.setObservationRegistry(tracing);

        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            assertThat(relay(new KafkaTemplate<>(producers)).publishPending()).isEqualTo(2);

            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.withKey(articleId), 2);
            assertThat(TopicProbe.header(records.get(0), "traceparent")).isEqualTo(requestTrace);
            assertThat(TopicProbe.header(records.get(1), "traceparent")).as("no trace stored, none made up").isNull();
        }
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            observed.send(CloudEvent.create("news.comment.posted", "/service-kit-test", articleId,
                    payload(articleId, 3, "posted"), requestTrace).toRecord(TOPIC));
            assertThat(TopicProbe.header(probe.await(TopicProbe.withKey(articleId), 1).get(0), "traceparent"))
                    .as("why the relay's template must not be observed: it replaces the header").isEqualTo(relayTrace);
        }
    }

    @Test
    void theRunningRelayPublishesSoonAfterANudge() {
        OutboxRelay relay = relay(new KafkaTemplate<>(producers));
        relay.start();
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            String articleId = newId();
            write(articleId, event(articleId, "news.comment.posted", 1));
            relay.nudge();
            assertThat(probe.await(TopicProbe.withKey(articleId), 1, Duration.ofSeconds(10))).hasSize(1);
        } finally {
            relay.stop();
        }
    }

    private OutboxRelay relay(KafkaTemplate<String, byte[]> kafka) {
        return new OutboxRelay(mongo, kafka, collection, TOPIC,
                new OutboxProperties(Duration.ofMillis(100), 100, Duration.ofSeconds(60), Duration.ofSeconds(3),
                        Duration.ofSeconds(1)), meters);
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
