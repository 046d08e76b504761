package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import news.testsupport.ServiceClient;
import news.testsupport.TestHttp;
import news.testsupport.TopicProbe;

/**
 * How {@code POST /api/articles/{id}/views} answers a corpus of plain, odd and bad requests, and which of them emit
 * a view. Run twice, with the views fast path ({@link ViewFastPathTest}) and without it ({@link ViewFullPathTest}):
 * the same table must hold for both, so the fast path takes nothing the full path would refuse.
 */
abstract class ViewAnswersCorpus {

    private static final String VIEWS = "news.article-views";

    @ServiceClient(management = true)
    TestHttp actuator;
    @ServiceClient
    Api api;

    /** One request of the corpus and the status both paths must give it. */
    private record Case(String name, int status, String contentType, BodyPublisher body, Map<String, String> headers,
                        String query, boolean unknownArticle) {

        static Case json(String name, int status, String body) {
            return new Case(name, status, "application/json", BodyPublishers.ofString(body), Map.of(), "", false);
        }
    }

    private static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("no body at all", 202, null, BodyPublishers.noBody(), Map.of(), "", false));
        cases.add(new Case("JSON content type, empty body", 202, "application/json", BodyPublishers.noBody(), Map.of(),
                "", false));
        cases.add(Case.json("empty object", 202, "{}"));
        cases.add(Case.json("JSON null", 202, "null"));
        cases.add(Case.json("a reader id", 202, "{\"readerId\":\"reader-1\"}"));
        cases.add(Case.json("a null reader id", 202, "{\"readerId\":null}"));
        cases.add(Case.json("a blank reader id", 202, "{\"readerId\":\"   \"}"));
        cases.add(Case.json("a reader id of 200 characters", 202, "{\"readerId\":\"" + "r".repeat(200) + "\"}"));
        cases.add(Case.json("a reader id of 201 characters", 400, "{\"readerId\":\"" + "r".repeat(201) + "\"}"));
        cases.add(Case.json("a number as reader id", 400, "{\"readerId\":42}"));
        cases.add(Case.json("an object as reader id", 400, "{\"readerId\":{\"$gt\":\"\"}}"));
        cases.add(Case.json("a non-ASCII reader id", 202, "{\"readerId\":\"J\u00fcri \ub3c5\uc790\"}"));
        cases.add(new Case("overlong UTF-8", 400, "application/json",
                BodyPublishers.ofByteArray(new byte[] {'{', '"', 'r', 'e', 'a', 'd', 'e', 'r', 'I', 'd', '"', ':', '"',
                        (byte) 0xC0, (byte) 0xAF, '"', '}'}), Map.of(), "", false));
        cases.add(Case.json("malformed JSON", 400, "{\"readerId\":"));
        cases.add(Case.json("a JSON array", 400, "[]"));
        cases.add(Case.json("trailing garbage", 400, "{} x"));
        cases.add(Case.json("an unknown field", 400, "{\"readerId\":\"r\",\"colour\":\"blue\"}"));
        cases.add(Case.json("a body over the fast path's 1 KiB", 202, "{\"readerId\":\"r\"" + " ".repeat(1500) + "}"));
        cases.add(new Case("charset parameter, upper-case type", 202, "APPLICATION/JSON; charset=UTF-8",
                BodyPublishers.ofString("{}"), Map.of(), "", false));
        cases.add(new Case("text/plain", 415, "text/plain", BodyPublishers.ofString("hello"), Map.of(), "", false));
        cases.add(new Case("a chunked body", 202, "application/json",
                TestHttp.chunked("{\"readerId\":\"chunked\"}".getBytes(StandardCharsets.UTF_8)), Map.of(),
                "", false));
        cases.add(new Case("a query string", 202, "application/json", BodyPublishers.ofString("{}"), Map.of(),
                "?utm_source=newsletter", false));
        cases.add(new Case("an invalid bearer token", 401, "application/json", BodyPublishers.ofString("{}"),
                Map.of("Authorization", "Bearer not.a.token"), "", false));
        cases.add(new Case("a valid reader token", 202, "application/json", BodyPublishers.ofString("{}"),
                Map.of("Authorization", "Bearer " + Api.READER), "", false));
        cases.add(new Case("a cross-origin request", 202, "application/json", BodyPublishers.ofString("{}"),
                Map.of("Origin", "https://elsewhere.example"), "", false));
        cases.add(new Case("an unknown article", 404, "application/json", BodyPublishers.ofString("{}"), Map.of(),
                "", true));
        return cases;
    }

    @Test
    void everyRequestOfTheCorpusGetsItsAnswerAndOnlyTheAcceptedOnesEmitAView() {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (TopicProbe views = TopicProbe.tail(VIEWS)) {
            for (Case c : corpus()) {
                String id = c.unknownArticle() ? "NoSuchArticle1" : api.publishedArticle("Army").path("id").asString();
                HttpResponse<String> response = api.send("POST", "/api/articles/" + id + "/views" + c.query(), null,
                        c.contentType(), c.body(), c.headers());
                statuses.put(c.name(), response.statusCode());
                expected.put(c.name(), c.status());
                if (response.statusCode() >= 400) {
                    assertThat(response.headers().firstValue("Content-Type").orElse("")).as(c.name())
                            .startsWith("application/problem+json");
                }
                (response.statusCode() == 202 ? accepted : refused).add(id);
            }
            assertThat(statuses).isEqualTo(expected);
            for (String id : accepted) {
                List<ConsumerRecord<String, byte[]>> records = views.await(TopicProbe.withKey(id), 1);
                assertThat(records).hasSize(1);
            }
            views.assertNone(record -> refused.contains(record.key()), Duration.ofSeconds(1));
            assertThat(views.seen().stream().filter(r -> accepted.contains(r.key()))).hasSize(accepted.size());
        }
    }
}
