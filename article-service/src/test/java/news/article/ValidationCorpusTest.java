package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import news.testsupport.ServiceClient;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * Bad input of every kind gets a 4xx problem detail that says what is wrong, and changes nothing: no article is
 * written or altered and no event reaches any topic.
 */
@ArticleServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationCorpusTest {

    /** In every corpus body, so that any event or document it caused would be found. */
    static final String MARKER = "corpus-" + UUID.randomUUID();
    static final int MIB = 1024 * 1024;

    @Autowired
    MongoTemplate mongo;
    @ServiceClient
    Api api;
    JsonNode existing;
    TopicProbe articleEvents;
    TopicProbe views;
    TopicProbe shares;

    @BeforeAll
    void setUp() {
        articleEvents = TopicProbe.tail(EditorFlowTest.TOPIC);
        views = TopicProbe.tail("news.article-views");
        shares = TopicProbe.tail("news.article-shares");
        existing = api.publishedArticle("Army", articleEvents);
    }

    @AfterAll
    void nothingReachedAnyTopic() {
        try {
            String id = existing.path("id").asString();
            articleEvents.assertNone(r -> TopicProbe.value(r).contains(MARKER), Duration.ofSeconds(3));
            articleEvents.assertNone(Api.unseen(articleEvents, id), Duration.ofMillis(200));
            views.assertNone(TopicProbe.withKey(id), Duration.ofMillis(500));
            shares.assertNone(TopicProbe.withKey(id), Duration.ofMillis(500));
        } finally {
            articleEvents.close();
            views.close();
            shares.close();
        }
    }

    record Case(String name, String method, String path, String contentType, HttpRequest.BodyPublisher body,
                Map<String, String> headers, int status, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAProblemDetailAndChangesNothing(Case c) {
        String path = c.path().replace("{id}", existing.path("id").asString());
        long articlesBefore = mongo.getCollection("articles").countDocuments();

        HttpResponse<String> response = api.send(c.method(), path, Api.EDITOR, c.contentType(), c.body(), c.headers());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = Api.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(c.status());
        assertThat(problem.path("detail").asString()).isNotBlank();
        if (c.field() != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            assertThat(fields.contains(c.field()) || problem.path("detail").asString().contains("'" + c.field() + "'"))
                    .as("problem names field %s: %s", c.field(), response.body()).isTrue();
        }
        assertThat(mongo.getCollection("articles").countDocuments()).isEqualTo(articlesBefore);
        JsonNode now = Api.json(api.get("/api/newsroom/articles/" + existing.path("id").asString(), Api.EDITOR));
        assertThat(now.path("version").asLong()).isEqualTo(existing.path("version").asLong());
        assertThat(now.path("title").asString()).isEqualTo(existing.path("title").asString());
    }

    Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        create(cases, "missing title", a -> a.remove("title"), "title");
        create(cases, "missing section", a -> a.remove("section"), "section");
        create(cases, "missing source", a -> a.remove("source"), "source");
        create(cases, "missing byline", a -> a.remove("byline"), "byline");
        create(cases, "missing byline e-mail", a -> a.put("byline", Map.of("name", "Mina Park")), "byline.email");
        create(cases, "missing byline name", a -> a.put("byline", Map.of("email", "m@example.com")), "byline.name");
        create(cases, "missing body", a -> a.remove("body"), "body");
        create(cases, "blank title", a -> a.put("title", "   "), "title");
        create(cases, "title of 201 characters", a -> a.put("title", MARKER + "x".repeat(201 - MARKER.length())), "title");
        create(cases, "source of 201 characters", a -> a.put("source", "s".repeat(201)), "source");
        create(cases, "no paragraphs", a -> a.put("body", List.of()), "body");
        create(cases, "201 paragraphs", a -> a.put("body", Collections.nCopies(201, "A paragraph.")), "body");
        create(cases, "paragraph of 10,001 characters", a -> a.put("body", List.of("ok", "p".repeat(10_001))), "body[1]");
        create(cases, "empty paragraph", a -> a.put("body", List.of("", "ok")), "body[0]");
        create(cases, "invalid e-mail", a -> a.put("byline", Map.of("name", "Mina", "email", "mina-at-example")),
                "byline.email");
        create(cases, "e-mail without domain dot", a -> a.put("byline", Map.of("name", "Mina", "email", "mina@example")),
                "byline.email");
        create(cases, "11 tags", a -> a.put("tags", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")),
                "tags");
        create(cases, "tag of 51 characters", a -> a.put("tags", List.of("t".repeat(51))), "tags[0]");
        create(cases, "unknown section", a -> a.put("section", "Space Force"), "section");
        create(cases, "title is a number", a -> a.put("title", 123), "title");
        create(cases, "title is a boolean", a -> a.put("title", true), "title");
        create(cases, "body is a string", a -> a.put("body", "one paragraph"), "body");
        create(cases, "paragraph is a number", a -> a.put("body", List.of(42)), "body[0]");
        create(cases, "tags is an object", a -> a.put("tags", Map.of("a", "b")), "tags");
        create(cases, "publish is a string", a -> a.put("publish", "yes"), "publish");
        create(cases, "publish is a number", a -> a.put("publish", 1), "publish");
        create(cases, "byline is a string", a -> a.put("byline", "Mina Park"), "byline");
        create(cases, "NoSQL operator as title", a -> a.put("title", Map.of("$gt", "")), "title");
        create(cases, "NoSQL operator as section", a -> a.put("section", Map.of("$ne", "Army")), "section");
        create(cases, "NoSQL operator as paragraph", a -> a.put("body", List.of(Map.of("$where", "sleep(1000)"))),
                "body[0]");
        create(cases, "NoSQL operator as e-mail", a -> a.put("byline", Map.of("name", "M", "email", Map.of("$regex", ".*"))),
                "byline.email");
        create(cases, "unknown field status", a -> a.put("status", "published"), "status");
        create(cases, "unknown field id", a -> a.put("id", "chosen-id"), "id");
        create(cases, "several problems at once", a -> {
            a.put("title", "");
            a.put("section", "Nowhere");
        }, "section");
        cases.add(raw("malformed JSON", "POST", "/api/articles", "application/json", "{\"title\": \"" + MARKER + "\",", 400));
        cases.add(raw("trailing tokens", "POST", "/api/articles", "application/json", valid() + " {}", 400));
        cases.add(raw("JSON null", "POST", "/api/articles", "application/json", "null", 400));
        cases.add(raw("empty body", "POST", "/api/articles", "application/json", "", 400));
        cases.add(raw("array instead of object", "POST", "/api/articles", "application/json", "[" + valid() + "]", 400));
        cases.add(raw("wrong content type text/plain", "POST", "/api/articles", "text/plain", valid(), 415));
        cases.add(raw("form content type", "POST", "/api/articles", "application/x-www-form-urlencoded",
                "title=" + MARKER, 415));
        cases.add(raw("no content type", "POST", "/api/articles", null, valid(), 415));
        cases.add(new Case("body over 1 MiB with Content-Length", "POST", "/api/articles", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(huge()), Map.of(), 413, null));
        cases.add(new Case("chunked body over 1 MiB", "POST", "/api/articles", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge())), Map.of(), 413, null));

        Map<String, String> current = Map.of("If-Match", "\"1\"");
        cases.add(update("update with a blank title", a -> a.put("title", ""), current, "title"));
        cases.add(update("update with an unknown section", a -> a.put("section", "Marines"), current, "section"));
        cases.add(update("update with an unknown field", a -> a.put("editorPick", true), current, "editorPick"));
        cases.add(update("update with version as text", a -> a.put("version", "one"), current, "version"));
        cases.add(update("update with a garbled If-Match", a -> { }, Map.of("If-Match", "yesterday"), "If-Match"));
        cases.add(raw("update body over 1 MiB", "PUT", "/api/articles/{id}", "application/json", new String(huge(),
                StandardCharsets.UTF_8), 413));
        cases.add(raw("editor pick as text", "PUT", "/api/articles/{id}/editor-pick", "application/json",
                "{\"editorPick\":\"yes\"}", 400, "editorPick"));
        cases.add(raw("editor pick missing", "PUT", "/api/articles/{id}/editor-pick", "application/json", "{}", 400,
                "editorPick"));
        cases.add(raw("editor pick as NoSQL operator", "PUT", "/api/articles/{id}/editor-pick", "application/json",
                "{\"editorPick\":{\"$ne\":false}}", 400, "editorPick"));

        cases.add(raw("view with a numeric reader id", "POST", "/api/articles/{id}/views", "application/json",
                "{\"readerId\": 42}", 400, "readerId"));
        cases.add(raw("view with a NoSQL operator as reader id", "POST", "/api/articles/{id}/views", "application/json",
                "{\"readerId\": {\"$gt\": \"\"}}", 400, "readerId"));
        cases.add(raw("view with an unknown field", "POST", "/api/articles/{id}/views", "application/json",
                "{\"reader\": \"r1\"}", 400, "reader"));
        cases.add(raw("view with a reader id of 201 characters", "POST", "/api/articles/{id}/views", "application/json",
                "{\"readerId\": \"" + "r".repeat(201) + "\"}", 400, "readerId"));
        cases.add(raw("view with malformed JSON", "POST", "/api/articles/{id}/views", "application/json", "{", 400));
        cases.add(raw("share on an unknown channel", "POST", "/api/articles/{id}/shares", "application/json",
                "{\"channel\": \"myspace\"}", 400, "channel"));
        cases.add(raw("share without a channel", "POST", "/api/articles/{id}/shares", "application/json", "{}", 400,
                "channel"));
        cases.add(raw("share without a body", "POST", "/api/articles/{id}/shares", "application/json", "", 400));
        cases.add(raw("share with a numeric channel", "POST", "/api/articles/{id}/shares", "application/json",
                "{\"channel\": 1}", 400, "channel"));

        cases.add(raw("list with limit 0", "GET", "/api/articles?limit=0", null, null, 400, "limit"));
        cases.add(raw("list with limit 51", "GET", "/api/articles?limit=51", null, null, 400, "limit"));
        cases.add(raw("list with a non-numeric limit", "GET", "/api/articles?limit=ten", null, null, 400, null));
        cases.add(raw("list of an unknown section", "GET", "/api/articles?section=Space", null, null, 400, "section"));
        cases.add(raw("list with a forged cursor", "GET", "/api/articles?cursor=bm90LWEtY3Vyc29y", null, null, 400,
                "cursor"));

        String newsroom = "/api/newsroom/articles?";
        cases.add(raw("newsroom list with an unknown status", "GET", newsroom + "status=archived", null, null, 400,
                "status"));
        cases.add(raw("newsroom list with two statuses", "GET", newsroom + "status=draft&status=published", null, null,
                400, "status"));
        cases.add(raw("newsroom search of 10 KB", "GET", newsroom + "q=" + "a".repeat(10 * 1024), null, null, 400,
                "q"));
        cases.add(raw("newsroom search of 10 KB of words", "GET", newsroom + "q=" + "ab+".repeat(10 * 1024 / 3), null,
                null, 400, "q"));
        cases.add(raw("newsroom search without a letter or digit", "GET", newsroom + "q=%21%2A%24%7B%7D", null, null,
                400, "q"));
        cases.add(raw("newsroom search as a regular expression", "GET", newsroom + "q=.%2A", null, null, 400, "q"));
        cases.add(raw("newsroom search of 9 words", "GET", newsroom + "q=a+b+c+d+e+f+g+h+i", null, null, 400, "q"));
        cases.add(raw("newsroom list of an unknown section", "GET", newsroom + "section=Space", null, null, 400,
                "section"));
        cases.add(raw("newsroom list with limit 0", "GET", newsroom + "limit=0", null, null, 400, "limit"));
        cases.add(raw("newsroom list with limit 51", "GET", newsroom + "limit=51", null, null, 400, "limit"));
        cases.add(raw("newsroom list with a non-numeric limit", "GET", newsroom + "limit=ten", null, null, 400));
        cases.add(raw("newsroom list with a forged cursor", "GET", newsroom + "cursor=bm90LWEtY3Vyc29y", null, null,
                400, "cursor"));
        cases.add(raw("newsroom list with a 10 KB cursor", "GET", newsroom + "cursor=" + "Y".repeat(10 * 1024), null,
                null, 400, "cursor"));
        cases.add(raw("newsroom list with everything wrong", "GET", newsroom
                + "status=gone&section=Moon&q=%3F%3F&limit=-1", null, null, 400, "limit"));
        return cases.stream();
    }

    private static void create(List<Case> cases, String name, Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> article = Api.article(MARKER + " " + name, "Army");
        article.put("source", MARKER);
        article.put("publish", true);
        change.accept(article);
        cases.add(new Case(name, "POST", "/api/articles", "application/json",
                HttpRequest.BodyPublishers.ofString(Api.write(article)), Map.of(), 400, field));
    }

    private static Case update(String name, Consumer<Map<String, Object>> change, Map<String, String> headers,
                               String field) {
        Map<String, Object> article = Api.article(MARKER + " " + name, "Army");
        change.accept(article);
        return new Case(name, "PUT", "/api/articles/{id}", "application/json",
                HttpRequest.BodyPublishers.ofString(Api.write(article)), headers, 400, field);
    }

    private static Case raw(String name, String method, String path, String contentType, String body, int status) {
        return raw(name, method, path, contentType, body, status, null);
    }

    private static Case raw(String name, String method, String path, String contentType, String body, int status,
                            String field) {
        return new Case(name, method, path, contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                Map.of(), status, field);
    }

    private static String valid() {
        Map<String, Object> article = new LinkedHashMap<>(Api.article(MARKER + " valid", "Army"));
        article.put("source", MARKER);
        return Api.write(article);
    }

    /** A well-formed article whose one paragraph makes the body larger than 1 MiB. */
    private static byte[] huge() {
        Map<String, Object> article = Api.article(MARKER + " huge", "Army");
        article.put("body", List.of("h".repeat(MIB + 10)));
        return Api.write(article).getBytes(StandardCharsets.UTF_8);
    }
}
