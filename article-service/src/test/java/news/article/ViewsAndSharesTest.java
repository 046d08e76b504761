package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import news.testsupport.ServiceClient;
import news.testsupport.TestHttp;
import news.testsupport.CloudEventAssertions;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/** Views and shares of published articles become contract-conform events without any raw reader identity. */
@ArticleServiceTest
class ViewsAndSharesTest {

    static final String VIEWS = "news.article-views";
    static final String SHARES = "news.article-shares";
    /** The key of these tests (src/test/resources/config/application.properties), rotated daily (the default). */
    static final String HASH_KEY = "article-service-tests-reader-hash-key-0123456789";
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";

    @ServiceClient(management = true)
    TestHttp actuator;
    @ServiceClient
    Api api;

    @Test
    void aSignedInReadersViewIsHashedFromTheTokensSubjectWhateverReaderIdTheBodyNames() {
        JsonNode article = api.publishedArticle("Navy");
        String id = article.path("id").asString();
        String readerId = "reader-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.tail(VIEWS)) {
            HttpResponse<String> response = view(id, Api.READER, "{\"readerId\":\"" + readerId + "\"}",
                    Map.of("User-Agent", CHROME));

            assertThat(response.statusCode()).isEqualTo(202);
            ConsumerRecord<String, byte[]> record = probe.await(TopicProbe.withKey(id), 1).get(0);
            CloudEventAssertions.assertFollowsContract(record);
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("news.article.viewed");
            assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(id);
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/article-service");
            JsonNode viewed = Api.json(TopicProbe.value(record));
            assertThat(viewed.path("articleId").asString()).isEqualTo(id);
            assertThat(viewed.path("section").asString()).isEqualTo("Navy");
            assertThat(viewed.path("agent").asString()).isEqualTo("human");
            assertThat(viewed.path("readerHash").asString()).as("the token's subject, rita, not the body's reader id")
                    .isIn(readerHashes(viewed.path("viewedAt").asString(), "reader\u0000rita"));
            assertThat(everyByteOf(record)).doesNotContain("rita").doesNotContain(readerId.substring(7));
        }
    }

    @Test
    void anonymousViewsAndSharesIgnoreTheBodysReaderIdAndHashTheClientAddressAndUserAgent() {
        String id = api.publishedArticle("Army").path("id").asString();
        try (TopicProbe views = TopicProbe.tail(VIEWS); TopicProbe shares = TopicProbe.tail(SHARES)) {
            Map<String, String> chrome = Map.of("User-Agent", CHROME);
            assertThat(view(id, "{\"readerId\":\"first-" + UUID.randomUUID() + "\"}", chrome).statusCode())
                    .isEqualTo(202);
            assertThat(view(id, "{\"readerId\":\"second-" + UUID.randomUUID() + "\"}", chrome).statusCode())
                    .isEqualTo(202);
            assertThat(view(id, "{\"readerId\":\"third-" + UUID.randomUUID() + "\"}" + " ".repeat(1100), chrome)
                    .statusCode()).as("over the fast path's limit: the full path").isEqualTo(202);
            assertThat(share(id, "{\"channel\":\"x\",\"readerId\":\"fourth-" + UUID.randomUUID() + "\"}", chrome)
                    .statusCode()).isEqualTo(202);

            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(
                    views.await(TopicProbe.withKey(id), 3));
            records.addAll(shares.await(TopicProbe.withKey(id), 1));
            String at = Api.json(TopicProbe.value(records.get(0))).path("viewedAt").asString();
            assertThat(records).extracting(r -> Api.json(TopicProbe.value(r)).path("readerHash").asString())
                    .as("one reader: the client's /24 and User-Agent, whatever reader id the body names")
                    .hasSize(4).containsOnly(hashOf(records.get(0)))
                    .allSatisfy(hash -> assertThat(hash).isIn(readerHashes(at, "client\u0000127.0.0.0/24\u0000" + CHROME)));
        }
    }

    @Test
    void aViewWithoutReaderIdIsHashedFromTheClientAddressAndUserAgent() {
        String id = api.publishedArticle("Army").path("id").asString();
        try (TopicProbe probe = TopicProbe.tail(VIEWS)) {
            assertThat(view(id, null, Map.of("User-Agent", CHROME)).statusCode()).isEqualTo(202);
            assertThat(view(id, "{}", Map.of("User-Agent", CHROME)).statusCode()).isEqualTo(202);
            assertThat(view(id, null, Map.of("User-Agent", CHROME, "X-Forwarded-For", "203.0.113.7")).statusCode())
                    .isEqualTo(202);

            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.withKey(id), 3);
            records.forEach(CloudEventAssertions::assertFollowsContract);
            List<String> hashes = records.stream().map(r -> Api.json(TopicProbe.value(r)).path("readerHash").asString())
                    .toList();
            String at = Api.json(TopicProbe.value(records.get(0))).path("viewedAt").asString();
            assertThat(hashes.get(0)).as("the address's /24, never the address")
                    .isIn(readerHashes(at, "client\u0000127.0.0.0/24\u0000" + CHROME));
            assertThat(hashes.get(1)).isEqualTo(hashes.get(0));
            assertThat(hashes.get(2)).as("the gateway's X-Forwarded-For names the reader's address")
                    .isIn(readerHashes(Api.json(TopicProbe.value(records.get(2))).path("viewedAt").asString(),
                            "client\u0000203.0.113.0/24\u0000" + CHROME));
            records.forEach(r -> assertThat(everyByteOf(r)).doesNotContain("203.0.113.7").doesNotContain("Chrome"));
        }
    }

    @Test
    void crawlersAreMarkedAsBotsAndBrowsersAsHumans() {
        String id = api.publishedArticle("Policy").path("id").asString();
        Map<String, String> agents = Map.of(
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "bot",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "bot",
                "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", "bot",
                "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", "bot",
                "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", "bot",
                "SomeNewsCrawler/1.0", "bot",
                CHROME, "human",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Version/17.1 Mobile/15E148 Safari/604.1", "human");
        try (TopicProbe probe = TopicProbe.tail(VIEWS)) {
            agents.keySet().forEach(ua -> assertThat(view(id, "{\"readerId\":\"" + ua.hashCode() + "\"}",
                    Map.of("User-Agent", ua)).statusCode()).isEqualTo(202));

            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.withKey(id), agents.size());
            assertThat(records).hasSize(agents.size());
            records.forEach(CloudEventAssertions::assertFollowsContract);
            long bots = records.stream().filter(r -> Api.json(TopicProbe.value(r)).path("agent").asString().equals("bot"))
                    .count();
            assertThat(bots).isEqualTo(agents.values().stream().filter("bot"::equals).count());
        }
    }

    @Test
    void viewsAndSharesOfUnknownDraftOrUnpublishedArticlesAre404AndEmitNothing() {
        JsonNode draft = api.create(Api.article("Draft " + UUID.randomUUID(), "Army"));
        String draftId = draft.path("id").asString();
        String withdrawn = api.publishedArticle("Army").path("id").asString();
        try (TopicProbe views = TopicProbe.tail(VIEWS); TopicProbe shares = TopicProbe.tail(SHARES)) {
            assertThat(view(withdrawn, null, Map.of()).statusCode()).isEqualTo(202);
            views.await(TopicProbe.withKey(withdrawn), 1);
            assertThat(api.post("/api/articles/" + withdrawn + "/unpublish", Api.EDITOR, null).statusCode())
                    .isEqualTo(200);

            for (String id : List.of("unknownArticle1", draftId, withdrawn)) {
                HttpResponse<String> view = view(id, null, Map.of());
                HttpResponse<String> share = share(id, "{\"channel\":\"facebook\"}");
                assertThat(view.statusCode()).as("view of %s", id).isEqualTo(404);
                assertThat(share.statusCode()).as("share of %s", id).isEqualTo(404);
                assertThat(view.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            }

            assertThat(api.post("/api/articles/" + draftId + "/publish", Api.EDITOR, null).statusCode()).isEqualTo(200);
            assertThat(view(draftId, null, Map.of()).statusCode()).as("published on this instance: visible at once")
                    .isEqualTo(202);
            views.await(TopicProbe.withKey(draftId), 1);
            views.assertNone(TopicProbe.withKey("unknownArticle1"), Duration.ofSeconds(2));
            assertThat(views.seen().stream().filter(TopicProbe.withKey(withdrawn))).as("only the view before").hasSize(1);
            assertThat(views.seen().stream().filter(TopicProbe.withKey(draftId))).as("only the view after").hasSize(1);
            shares.assertNone(r -> List.of("unknownArticle1", draftId, withdrawn).contains(r.key()), Duration.ofMillis(200));
        }
    }

    @Test
    void aShareIs202AndEmitsASharedEventForItsChannel() {
        String id = api.publishedArticle("Air Force").path("id").asString();
        String readerId = "sharer-" + UUID.randomUUID();
        try (TopicProbe probe = TopicProbe.tail(SHARES)) {
            for (String channel : List.of("facebook", "x", "kakaotalk", "email", "link")) {
                HttpResponse<String> response = api.send("POST", "/api/articles/" + id + "/shares", Api.READER,
                        "application/json", "{\"channel\":\"" + channel + "\",\"readerId\":\"" + readerId + "\"}",
                        Map.of());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            }
            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.withKey(id), 5);
            records.forEach(CloudEventAssertions::assertFollowsContract);
            assertThat(records).extracting(r -> Api.json(TopicProbe.value(r)).path("channel").asString())
                    .containsExactly("facebook", "x", "kakaotalk", "email", "link");
            assertThat(records).allSatisfy(r -> {
                assertThat(TopicProbe.header(r, "ce_type")).isEqualTo("news.article.shared");
                assertThat(Api.json(TopicProbe.value(r)).path("section").asString()).isEqualTo("Air Force");
                JsonNode shared = Api.json(TopicProbe.value(r));
                assertThat(shared.path("readerHash").asString()).as("the signed-in reader rita, by the token")
                        .isIn(readerHashes(shared.path("sharedAt").asString(), "reader\u0000rita"));
                assertThat(everyByteOf(r)).doesNotContain(readerId).doesNotContain("rita");
            });
        }
    }

    @Test
    void viewsAreCountedAndAnsweredFromTheCacheNotTheStore() {
        String id = api.publishedArticle("Views").path("id").asString();
        assertThat(view(id, null, Map.of("User-Agent", CHROME)).statusCode()).isEqualTo(202);
        double misses = Prometheus.value(actuator, "cache_gets_total", Map.of("cache", "published-articles", "result", "miss"));
        double accepted = Prometheus.value(actuator, "news_views_accepted_total", Map.of("agent", "human"));
        double published = Prometheus.value(actuator, "news_events_published_total",
                Map.of("topic", VIEWS, "type", "news.article.viewed"));

        for (int i = 0; i < 20; i++) {
            assertThat(view(id, "{\"readerId\":\"r" + i + "\"}", Map.of("User-Agent", CHROME)).statusCode()).isEqualTo(202);
        }

        assertThat(Prometheus.value(actuator, "cache_gets_total", Map.of("cache", "published-articles", "result", "miss")))
                .as("no store look-up for a cached article").isEqualTo(misses);
        assertThat(Prometheus.value(actuator, "news_views_accepted_total", Map.of("agent", "human")))
                .isEqualTo(accepted + 20);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Prometheus.value(actuator,
                "news_events_published_total", Map.of("topic", VIEWS, "type", "news.article.viewed")))
                .isGreaterThanOrEqualTo(published + 20));
        assertThat(Prometheus.value(actuator, "news_views_dropped_total", Map.of())).isZero();
    }

    private HttpResponse<String> view(String id, String body, Map<String, String> headers) {
        return view(id, null, body, headers);
    }

    private HttpResponse<String> view(String id, String token, String body, Map<String, String> headers) {
        return api.send("POST", "/api/articles/" + id + "/views", token, body == null ? null : "application/json",
                body, headers);
    }

    private HttpResponse<String> share(String id, String body) {
        return share(id, body, Map.of());
    }

    private HttpResponse<String> share(String id, String body, Map<String, String> headers) {
        return api.send("POST", "/api/articles/" + id + "/shares", null, "application/json", body, headers);
    }

    private static String hashOf(ConsumerRecord<String, byte[]> record) {
        return Api.json(TopicProbe.value(record)).path("readerHash").asString();
    }

    static String everyByteOf(ConsumerRecord<String, byte[]> record) {
        StringBuilder all = new StringBuilder(record.key()).append('\n').append(TopicProbe.value(record));
        for (Header header : record.headers()) {
            all.append('\n').append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    /**
     * The readerHash of {@code message} as the README defines it, with the key period of the event's time and of the
     * second before it (the hash is taken a moment before the event's time, which may fall just past midnight UTC).
     */
    static List<String> readerHashes(String eventTime, String message) {
        Instant at = Instant.parse(eventTime);
        return List.of(at, at.minusSeconds(1)).stream().map(t -> {
            String periodStart = t.truncatedTo(ChronoUnit.DAYS).toString();
            return HexFormat.of().formatHex(hmac(hmac(HASH_KEY.getBytes(StandardCharsets.UTF_8), "readerHash " + periodStart),
                    message));
        }).toList();
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
