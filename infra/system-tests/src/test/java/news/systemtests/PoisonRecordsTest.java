package news.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import news.testsupport.ArticleEvents;
import news.testsupport.EngagementEvents;
import news.testsupport.NewArticle;
import news.testsupport.TestHttp;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Promise 4 of docs/reliability.md: poison and schema drift on every consumed topic. Records that are not JSON, have a
 * field of the wrong type, miss a required field, are huge (1 MiB) or carry a {@code ce_type} nobody knows go onto
 * {@code news.article-events} (consumed by comment-service, ranking-service and the gateway's read models) and onto
 * {@code news.article-views}, {@code news.article-shares} and {@code news.comment-events} (ranking-service). Each
 * consumer that dead-letters (infra/contracts/cloudevents.md) puts each one on {@code <topic>.dlq} with the original
 * key, value and headers and an {@code x-dlq-reason}, counts it in its metrics, and goes on: valid records after the
 * poison, in the same partition, are processed. The gateway's read models skip and count instead (gateway README: every
 * instance re-reads the topics at each start and would dead-letter them again): that is checked as well. The huge
 * records come last, in a test of their own.
 */
@Order(90)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoisonRecordsTest extends SharedStackTest {

    static final int MIB = 1024 * 1024;

    /** A poison record and who must dead-letter it. */
    record Poison(String topic, String kind, ProducerRecord<String, byte[]> record, List<String> deadLetteredBy) {
        String ceId() {
            return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(1)
    void malformedRecordsAreDeadLetteredWithTheirReasonAndConsumersGoOn() {
        exercise("schema drift", article -> List.of(
                poison(Kafka.VIEWS, "not JSON", article, "news.article.viewed", "{\"articleId\": \"" + article + "\", oops"),
                poison(Kafka.VIEWS, "wrong type", article, "news.article.viewed", view(article).put("viewedAt", 12345)),
                poison(Kafka.VIEWS, "missing field", article, "news.article.viewed", without(view(article), "readerHash")),
                poison(Kafka.VIEWS, "unknown ce_type", article, "news.article.liked", view(article)),
                poison(Kafka.SHARES, "not JSON", article, "news.article.shared", "\u0000\u0001binary\u00ff"),
                poison(Kafka.SHARES, "wrong type", article, "news.article.shared", share(article).put("channel", 7)),
                poison(Kafka.SHARES, "missing field", article, "news.article.shared", without(share(article), "sharedAt")),
                poison(Kafka.SHARES, "unknown ce_type", article, "news.article.reshared", share(article)),
                poison(Kafka.COMMENTS, "not JSON", article, "news.comment.posted", "<comment>xml</comment>"),
                poison(Kafka.COMMENTS, "wrong type", article, "news.comment.posted", comment(article).put("postedAt", true)),
                poison(Kafka.COMMENTS, "missing field", article, "news.comment.posted", without(comment(article), "commentId")),
                poison(Kafka.COMMENTS, "unknown ce_type", article, "news.comment.edited", comment(article)),
                poison(Kafka.ARTICLE_EVENTS, "not JSON", article, "news.article.updated", "not json at all"),
                poison(Kafka.ARTICLE_EVENTS, "wrong type", article, "news.article.updated",
                        snapshot(article).put("version", "seven")),
                poison(Kafka.ARTICLE_EVENTS, "missing field", article, "news.article.updated",
                        without(snapshot(article), "version")),
                poison(Kafka.ARTICLE_EVENTS, "unknown ce_type", article, "news.article.retracted", snapshot(article))));
    }

    @Test
    @Order(2)
    void hugeRecordsOfOneMebibyteAreDeadLetteredAndConsumersGoOn() {
        exercise("1 MiB records", article -> List.of(
                poison(Kafka.VIEWS, "huge (1 MiB)", article, "news.article.viewed", padded(view(article), MIB)),
                poison(Kafka.SHARES, "huge (1 MiB)", article, "news.article.shared", padded(share(article), MIB)),
                poison(Kafka.COMMENTS, "huge (1 MiB)", article, "news.comment.posted", padded(comment(article), MIB)),
                // a snapshot may be up to 4 MiB for ranking-service: this one is huge and lacks its version
                poison(Kafka.ARTICLE_EVENTS, "huge (1 MiB), no version", article, "news.article.updated",
                        padded(without(snapshot(article), "version"), MIB))));
    }

    interface PoisonsFor {
        List<Poison> of(String article);
    }

    private void exercise(String name, PoisonsFor poisons) {
        String article = Newsroom.publish(stack, "Poison target (" + name + ")", "Views");
        Newsroom.awaitCommentable(stack, article);
        assertThat(Api.post(stack.api("/api/articles/" + article + "/views"), Map.of("readerId", "poison-1"), null)
                .status()).isEqualTo(202);
        List<Poison> all = poisons.of(article);

        Map<String, Double> before = counters();
        Map<String, TopicProbe> dlqs = new LinkedHashMap<>();
        for (String topic : Kafka.RANKING_INPUTS) {
            dlqs.put(topic, TopicProbe.tail(stack.bootstrapServers(), topic + ".dlq"));
        }
        try (KafkaProducer<String, byte[]> producer = Kafka.producer(stack.bootstrapServers())) {
            for (Poison p : all) {
                producer.send(p.record());
            }
            producer.flush();
        }
        long sentAt = System.nanoTime();

        // valid records after the poison, in the same partitions: a view, a share, a comment, a new title, then the
        // article is withdrawn
        assertThat(Api.post(stack.api("/api/articles/" + article + "/views"), Map.of("readerId", "poison-2"), null)
                .status()).isEqualTo(202);
        assertThat(Api.post(stack.api("/api/articles/" + article + "/shares"), Map.of("channel", "link"), null)
                .status()).isEqualTo(202);
        assertThat(Newsroom.comment(stack, article, "poison-reader", "Still here after the poison").status())
                .isEqualTo(201);
        String title = "Poison survivor (" + name + ")";
        JsonNode current = Api.get(stack.api("/api/articles/" + article), Newsroom.EDITOR).json();
        Map<String, Object> edit = NewArticle.body(title, "Views");
        edit.put("version", current.path("version").asLong());
        assertThat(Api.put(stack.api("/api/articles/" + article), edit, Newsroom.EDITOR, null).status()).isEqualTo(200);

        try {
            await("ranking-service counted the view, share and comment after the poison and took the new title")
                    .atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        JsonNode popular = entry(Newsroom.list(stack.api(""), "popular-now", "Views", 50), article);
                        assertThat(popular.path("score").asLong()).as("views of %s", article).isEqualTo(2);
                        assertThat(popular.path("title").asString()).isEqualTo(title);
                        Api.Answer mustReads = Newsroom.list(stack.api(""), "must-reads", "Views", 50);
                        assertThat(Lists.comparable(mustReads.json())).as("2 views + 5 x 2 comments + 10 x 1 share")
                                .contains(article + "=22");
                    });
            // the section's latest stories on the home page come from the read model alone; Just In would not do,
            // since a headline in Popular Now or Most Shared is left out of it
            await("the gateway's read model took the new title").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                            sectionLatest(Api.get(stack.api("/api/pages/home")).json(), "Views")).contains(title));
            assertThat(Api.post(stack.api("/api/articles/" + article + "/unpublish"), null, Newsroom.EDITOR).status())
                    .isEqualTo(200);
            await("comment-service took the withdrawal after the poison").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                            Newsroom.comment(stack, article, "poison-reader", "After the withdrawal").status())
                            .isEqualTo(404));

            Map<String, List<String>> deadLettered = new TreeMap<>();
            await("every poison record is on its dead-letter topic, once per consumer that must dead-letter it")
                    .atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        deadLettered.clear();
                        for (Poison p : all) {
                            TopicProbe dlq = dlqs.get(p.topic());
                            dlq.await(r -> true, 0, Duration.ofMillis(300));
                            List<ConsumerRecord<String, byte[]>> letters = dlq.seen().stream()
                                    .filter(r -> p.ceId().equals(TopicProbe.header(r, "ce_id"))).toList();
                            List<String> consumers = new ArrayList<>();
                            for (ConsumerRecord<String, byte[]> letter : letters) {
                                consumers.add(TopicProbe.header(letter, "x-dlq-consumer"));
                                assertThat(TopicProbe.header(letter, "x-dlq-reason")).as("reason").isNotBlank();
                                assertThat(TopicProbe.header(letter, "x-dlq-original-topic")).isEqualTo(p.topic());
                                assertThat(letter.key()).isEqualTo(p.record().key());
                                assertThat(letter.value()).as("original value").isEqualTo(p.record().value());
                                assertThat(TopicProbe.header(letter, "ce_type"))
                                        .isEqualTo(new String(p.record().headers().lastHeader("ce_type").value()));
                                deadLettered.computeIfAbsent(p.topic() + " / " + p.kind(), k -> new ArrayList<>())
                                        .add(TopicProbe.header(letter, "x-dlq-consumer") + ": "
                                                + TopicProbe.header(letter, "x-dlq-reason"));
                            }
                            assertThat(consumers).as("%s %s dead-lettered by", p.topic(), p.kind())
                                    .containsExactlyInAnyOrderElementsOf(p.deadLetteredBy());
                        }
                    });
            Map<String, Double> after = counters();
            Map<String, Double> counted = new TreeMap<>();
            after.forEach((k, v) -> counted.put(k, v - before.getOrDefault(k, 0.0)));
            for (String topic : Kafka.RANKING_INPUTS) {
                long sent = all.stream().filter(p -> p.topic().equals(topic)).count();
                assertThat(counted.get("ranking-service dead letters " + topic)).as("ranking-service meter for " + topic)
                        .isEqualTo((double) sent);
            }
            long articlePoison = all.stream().filter(p -> p.topic().equals(Kafka.ARTICLE_EVENTS)).count();
            assertThat(counted.get("comment-service dead letters")).isEqualTo((double) articlePoison);
            assertThat(counted.get("gateway rejected")).as("the gateway skips and counts").isEqualTo((double) articlePoison);

            deadLettered.forEach((k, v) -> Figures.record("poison: " + name, k, v));
            Figures.record("poison: " + name, "counted by the consumers' meters", counted);
            Figures.record("poison: " + name, "consumers went on: valid records after the poison processed within",
                    "%.1f s".formatted((System.nanoTime() - sentAt) / 1e9));
        } finally {
            dlqs.values().forEach(TopicProbe::close);
        }
    }

    private static Map<String, Double> counters() {
        Map<String, Double> counters = new LinkedHashMap<>();
        Metrics ranking = Metrics.of(stack.ranking());
        for (String topic : Kafka.RANKING_INPUTS) {
            counters.put("ranking-service dead letters " + topic, ranking.sum("news_ranking_dlq_total", "topic", topic));
        }
        counters.put("comment-service dead letters", Metrics.of(stack.comment())
                .sum("news_events_consumed_total", "topic", Kafka.ARTICLE_EVENTS, "outcome", "dead_letter"));
        counters.put("gateway rejected", Metrics.of(stack.gateway())
                .sum("news_read_model_records_total", "topic", Kafka.ARTICLE_EVENTS, "outcome", "rejected"));
        return counters;
    }

    /** The latest headlines of one section on the home page, as JSON text. */
    private static String sectionLatest(JsonNode home, String section) {
        for (JsonNode part : home.path("sections")) {
            if (section.equals(part.path("section").asString())) {
                return part.path("latest").toString();
            }
        }
        return "";
    }

    private static JsonNode entry(Api.Answer list, String article) {
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode e : list.json().path("entries")) {
            if (e.path("articleId").asString().equals(article)) {
                return e;
            }
        }
        throw new AssertionError(article + " is not in " + list.body());
    }

    // -------------------------------------------------------------------------------------------------------------

    private static Poison poison(String topic, String kind, String article, String type, Object payload) {
        byte[] bytes = payload instanceof byte[] b ? b : payload instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : TestHttp.JSON.writeValueAsBytes(payload);
        ProducerRecord<String, byte[]> record = Kafka.event(topic, article, type, "/poison", UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), bytes);
        List<String> by = topic.equals(Kafka.ARTICLE_EVENTS) ? List.of("comment-service", "ranking-service")
                : List.of("ranking-service");
        return new Poison(topic, kind, record, by);
    }

    private static ObjectNode view(String article) {
        return TestHttp.JSON.valueToTree(EngagementEvents.viewPayload(article, "Views", "poisoner", false, now()));
    }

    private static ObjectNode share(String article) {
        return TestHttp.JSON.valueToTree(EngagementEvents.sharePayload(article, "Views", "poisoner", now()));
    }

    private static ObjectNode comment(String article) {
        String commentId = "poison" + UUID.randomUUID().toString().substring(0, 8);
        return TestHttp.JSON.valueToTree(EngagementEvents.commentPayload(commentId, article, now()));
    }

    private static ObjectNode snapshot(String article) {
        return TestHttp.JSON.valueToTree(ArticleEvents.snapshot(article).titled("Poisoned title", "Views")
                .with("slug", "poison").with("source", "Nobody").published(true, 999_999).at(now(), now()).payload());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ObjectNode without(ObjectNode node, String field) {
        node.remove(field);
        return node;
    }

    /** The JSON with a filler field that makes it exactly {@code size} bytes. */
    private static byte[] padded(ObjectNode node, int size) {
        node.put("filler", "");
        int base = TestHttp.JSON.writeValueAsBytes(node).length;
        char[] filler = new char[size - base];
        Arrays.fill(filler, 'x');
        node.put("filler", new String(filler));
        byte[] bytes = TestHttp.JSON.writeValueAsBytes(node);
        assertThat(bytes).hasSize(size);
        return bytes;
    }
}
