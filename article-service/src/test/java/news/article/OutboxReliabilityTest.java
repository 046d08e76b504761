package news.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.testsupport.ServiceClient;
import news.testsupport.TestHttp;
import news.kit.outbox.OutboxProperties;
import news.kit.outbox.OutboxRelay;
import news.testsupport.CloudEventAssertions;
import news.testsupport.StandaloneKafka;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * The outbox against a broker that goes away: writes answer at once, every event arrives once the broker is back,
 * in version order per article, and a relay that dies in the middle of a batch loses nothing (its successor
 * repeats what it had sent, under the same {@code ce_id}). Views and shares are dropped and counted instead of
 * holding requests.
 */
@ArticleServiceTest
@DirtiesContext
@TestPropertySource(properties = {
        // a database of its own: the relay of the shared test context must not publish these events elsewhere
        "spring.mongodb.database=news_articles_outbox_test",
        "news.outbox.lease=2s",
        "news.outbox.send-timeout=3s",
        "news.outbox.max-backoff=1s",
        "news.engagement.producer.request.timeout.ms=1500",
        "news.engagement.producer.delivery.timeout.ms=2000"})
class OutboxReliabilityTest {

    static final String TOPIC = "news.article-events";
    static StandaloneKafka kafka;

    @ServiceClient(management = true)
    TestHttp actuator;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @ServiceClient
    Api api;

    @DynamicPropertySource
    static void standaloneBroker(DynamicPropertyRegistry registry) {
        kafka = StandaloneKafka.start();
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void setUp() {
        awaitEmptyOutboxes();
    }

    @Test
    void writesSucceedAtOnceWhileTheBrokerIsDownAndEveryEventArrivesInOrderOnceItIsBack() {
        String a = api.publishedArticle("Navy").path("id").asString();
        try (TopicProbe probe = TopicProbe.fromBeginning(kafka.bootstrapServers(), TOPIC)) {
            probe.await(TopicProbe.withKey(a), 1, Duration.ofSeconds(60));
        }

        kafka.stop();
        String b;
        String c;
        try {
            timed(() -> api.put("/api/articles/" + a, Api.EDITOR, Api.write(Api.article("Edited while away", "Navy")),
                    Map.of("If-Match", "\"1\"")), 200);
            timed(() -> api.put("/api/articles/" + a + "/editor-pick", Api.EDITOR, "{\"editorPick\":true}", Map.of()), 200);
            timed(() -> api.post("/api/articles/" + a + "/unpublish", Api.EDITOR, null), 200);
            timed(() -> api.post("/api/articles/" + a + "/publish", Api.EDITOR, null), 200);
            Map<String, Object> second = Api.article("Written while the broker is away", "Army");
            second.put("publish", true);
            b = Api.json(timed(() -> api.post("/api/articles", Api.EDITOR, Api.write(second)), 201)).path("id").asString();
            timed(() -> api.put("/api/articles/" + b, Api.EDITOR, Api.write(Api.article("Second version", "Army")),
                    Map.of("If-Match", "\"1\"")), 200);
            c = Api.json(timed(() -> api.post("/api/articles", Api.EDITOR,
                    Api.write(Api.article("A draft while away", "Policy"))), 201)).path("id").asString();
            timed(() -> api.post("/api/articles/" + c + "/publish", Api.EDITOR, null), 200);

            assertThat(outboxSize(a)).as("pending events of %s", a).isEqualTo(4);
            assertThat(outboxSize(b)).isEqualTo(2);
            assertThat(outboxSize(c)).isEqualTo(1);
        } finally {
            kafka.restart();
        }

        try (TopicProbe probe = TopicProbe.fromBeginning(kafka.bootstrapServers(), TOPIC)) {
            probe.await(r -> a.equals(r.key()) && version(r) == 5, 1, Duration.ofSeconds(90));
            probe.await(r -> b.equals(r.key()) && version(r) == 2, 1, Duration.ofSeconds(90));
            probe.await(r -> c.equals(r.key()) && version(r) == 2, 1, Duration.ofSeconds(90));
            probe.seen().forEach(CloudEventAssertions::assertFollowsContract);

            assertThat(versionsInOrderOfFirstArrival(probe, a)).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(typesInOrderOfFirstArrival(probe, a)).containsExactly("news.article.published",
                    "news.article.updated", "news.article.updated", "news.article.unpublished", "news.article.published");
            assertThat(versionsInOrderOfFirstArrival(probe, b)).containsExactly(1L, 2L);
            assertThat(versionsInOrderOfFirstArrival(probe, c)).containsExactly(2L);
        }
        awaitEmptyOutboxes();
    }

    @Test
    void aRelayThatDiesInTheMiddleOfABatchLosesNothingItsSuccessorRepeatsWhatItHadSent() {
        relay.stop();
        List<String> ids = new ArrayList<>();
        AtomicInteger sends = new AtomicInteger();
        KafkaProducer<String, byte[]> diesOnTheFourthSend = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new ByteArraySerializer()) {
            @Override
            public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
                if (sends.incrementAndGet() > 3) {
                    throw new RelayDied();
                }
                return super.send(record, callback);
            }
        };
        try {
            for (int i = 0; i < 5; i++) {
                String id = api.publishedArticle("Air Force").path("id").asString();
                assertThat(api.put("/api/articles/" + id, Api.EDITOR, Api.write(Api.article("Update " + i, "Air Force")),
                        Map.of("If-Match", "\"1\"")).statusCode()).isEqualTo(200);
                ids.add(id);
            }
            OutboxRelay doomed = new OutboxRelay(mongo, () -> diesOnTheFourthSend, "articles", TOPIC,
                    new OutboxProperties(Duration.ofMillis(100), 100, Duration.ofSeconds(2), Duration.ofSeconds(3),
                            Duration.ofSeconds(1)), new SimpleMeterRegistry());

            assertThatThrownBy(doomed::publishPending).isInstanceOf(RelayDied.class);
            diesOnTheFourthSend.flush();
            assertThat(ids).allSatisfy(id -> assertThat(outboxSize(id)).as("nothing was marked sent").isEqualTo(2));
        } finally {
            diesOnTheFourthSend.close();
            relay.start();
        }

        try (TopicProbe probe = TopicProbe.fromBeginning(kafka.bootstrapServers(), TOPIC)) {
            for (String id : ids) {
                probe.await(r -> id.equals(r.key()) && version(r) == 2, 1, Duration.ofSeconds(60));
            }
            List<ConsumerRecord<String, byte[]>> ours = probe.seen().stream().filter(r -> ids.contains(r.key())).toList();
            ours.forEach(CloudEventAssertions::assertFollowsContract);
            for (String id : ids) {
                assertThat(versionsInOrderOfFirstArrival(probe, id)).as("events of %s", id).containsExactly(1L, 2L);
            }
            Map<String, String> payloadById = new HashMap<>();
            ours.forEach(r -> assertThat(payloadById.computeIfAbsent(TopicProbe.header(r, "ce_id"), k -> TopicProbe.value(r)))
                    .as("a repeated ce_id carries the same event").isEqualTo(TopicProbe.value(r)));
            assertThat(payloadById).hasSize(10);
            assertThat(ours).as("the three events sent before the relay died arrive twice").hasSize(13);
        }
        awaitEmptyOutboxes();
    }

    @Test
    void viewsAreAnsweredAtOnceAndCountedAsDroppedWhileTheBrokerIsDown() {
        String id = api.publishedArticle("Views").path("id").asString();
        assertThat(api.send("POST", "/api/articles/" + id + "/views", null, null, (String) null, Map.of()).statusCode())
                .isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Prometheus.value(actuator,
                "news_events_published_total", Map.of("topic", "news.article-views")) >= 1);
        double dropped = Prometheus.value(actuator, "news_views_dropped_total", Map.of());

        kafka.stop();
        try {
            for (int i = 0; i < 20; i++) {
                timed(() -> api.send("POST", "/api/articles/" + id + "/views", null, "application/json",
                        "{\"readerId\":\"offline-reader\"}", Map.of()), 202);
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Prometheus.value(actuator, "news_views_dropped_total", Map.of())).isEqualTo(dropped + 20));
        } finally {
            kafka.restart();
        }

        try (TopicProbe probe = TopicProbe.tail(kafka.bootstrapServers(), "news.article-views")) {
            Awaitility.await("views flow again").atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
                assertThat(api.send("POST", "/api/articles/" + id + "/views", null, null, (String) null, Map.of())
                        .statusCode()).isEqualTo(202);
                probe.await(TopicProbe.withKey(id), 1, Duration.ofSeconds(5));
            });
        }
    }

    /** Sends the request and asserts its status and that it did not wait for Kafka (the relay waits 3 s and more). */
    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request, int status) {
        long start = System.nanoTime();
        HttpResponse<String> response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(took).as("answered without waiting for the broker").isLessThan(Duration.ofSeconds(2));
        return response;
    }

    private int outboxSize(String id) {
        Document doc = mongo.getCollection("articles").find(new Document("_id", id)).first();
        return doc.getInteger("outboxSize");
    }

    private void awaitEmptyOutboxes() {
        Awaitility.await("empty outboxes").atMost(Duration.ofSeconds(90)).until(() ->
                mongo.getCollection("articles").countDocuments(new Document("outboxSize", new Document("$gt", 0))) == 0);
    }

    private static long version(ConsumerRecord<String, byte[]> record) {
        return Api.json(TopicProbe.value(record)).path("version").asLong();
    }

    private static List<Long> versionsInOrderOfFirstArrival(TopicProbe probe, String id) {
        return firstArrivals(probe, id).values().stream().map(OutboxReliabilityTest::version).toList();
    }

    private static List<String> typesInOrderOfFirstArrival(TopicProbe probe, String id) {
        return firstArrivals(probe, id).values().stream().map(r -> TopicProbe.header(r, "ce_type")).toList();
    }

    private static Map<String, ConsumerRecord<String, byte[]>> firstArrivals(TopicProbe probe, String id) {
        Map<String, ConsumerRecord<String, byte[]>> first = new LinkedHashMap<>();
        probe.seen().stream().filter(TopicProbe.withKey(id))
                .forEach(r -> first.putIfAbsent(TopicProbe.header(r, "ce_id"), r));
        return first;
    }

    private static Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    /** What a relay process's sudden death looks like from inside: nothing after it runs, nothing is cleaned up. */
    static final class RelayDied extends Error {
        RelayDied() {
            super("the relay process died");
        }
    }
}
