package news.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Sorts;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import news.testsupport.NewArticle;
import news.testsupport.TestHttp;
import news.testsupport.TestIssuer;
import news.testsupport.TestTokens;
import news.testsupport.TopicProbe;

/**
 * Promise 5 of docs/reliability.md: a generated corpus of bad requests, across every public endpoint and through the
 * gateway, as an attacker or a broken client sends them: malformed JSON, wrong types, NoSQL operator objects, oversized
 * bodies, path traversal, invalid UTF-8, huge headers, forged, expired and {@code alg: none} tokens, deleting another
 * user's comment, role claims a token does not grant. Every answer is a 4xx (never a 2xx, never a 5xx), the store is
 * unchanged (every article and comment, compared field by field) and no event reaches any topic.
 */
@Order(4)
class HostileInputTest extends SharedStackTest {

    static String article;
    static String draft;
    static String bobsComment;
    static long articleVersion;

    /** One bad request. */
    record Hostile(String category, String method, String path, Map<String, String> headers, byte[] body,
                   boolean chunked) {
        @Override
        public String toString() {
            String shown = path.length() > 120 ? path.substring(0, 120) + "..." : path;
            return category + ": " + method + " " + shown;
        }
    }

    @BeforeAll
    static void fixtures() {
        var created = Newsroom.create(stack, "Hostile input target", "Army", true);
        article = created.path("id").asString();
        articleVersion = created.path("version").asLong();
        draft = Newsroom.create(stack, "Hostile input draft", "Navy", false).path("id").asString();
        Newsroom.awaitCommentable(stack, article);
        Api.Answer bob = Newsroom.comment(stack, article, "bob", "Bob's comment, which only Bob or an editor removes");
        assertThat(bob.status()).isEqualTo(201);
        bobsComment = bob.json().path("id").asString();
    }

    @Test
    void everyBadRequestIsRefusedWithA4xxWritesNothingAndEmitsNoEvent() throws Exception {
        List<Hostile> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        String storeBefore = storeDigest();
        Map<String, TopicProbe> tails = new LinkedHashMap<>();
        for (String topic : List.of(Kafka.ARTICLE_EVENTS, Kafka.VIEWS, Kafka.SHARES, Kafka.COMMENTS)) {
            tails.put(topic, TopicProbe.tail(stack.bootstrapServers(), topic));
        }
        List<String> wrong = new ArrayList<>();
        List<String> emitted = new ArrayList<>();
        List<String> traces = new ArrayList<>();
        int problems = 0;
        Duration slowestOversized = Duration.ZERO;
        Map<String, Map<Integer, Integer>> byCategory = new TreeMap<>();
        try {
            for (Hostile h : corpus) {
                Api.Answer answer = send(h);
                byCategory.computeIfAbsent(h.category(), c -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
                if (h.category().startsWith("oversized body") && answer.took().compareTo(slowestOversized) > 0) {
                    slowestOversized = answer.took();
                }
                if (answer.status() < 400 || answer.status() > 499) {
                    wrong.add(h + " -> " + answer);
                }
                if (answer.body() != null && STACK_FRAME.matcher(answer.body()).find()) {
                    traces.add(h + " -> " + answer);
                }
                if (String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")) {
                    problems++;
                }
            }
            for (var tail : tails.entrySet()) {
                // watch each topic for a while: an outbox relay publishes within a poll interval (250 ms)
                long quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (System.nanoTime() < quietUntil) {
                    tail.getValue().await(r -> true, 0, Duration.ofMillis(300));
                }
                tail.getValue().seen().forEach(r -> emitted.add(r.topic() + " " + TopicProbe.header(r, "ce_type") + " "
                        + TopicProbe.value(r)));
            }
        } finally {
            tails.values().forEach(TopicProbe::close);
        }
        String storeAfter = storeDigest();

        Figures.record("hostile input", "bad requests sent through the gateway", corpus.size());
        byCategory.forEach((category, statuses) -> Figures.record("hostile input", category, statuses));
        Figures.record("hostile input", "slowest answer to an oversized body (ms)", slowestOversized.toMillis());
        Figures.record("hostile input", "answers outside 4xx", wrong.size());
        Figures.record("hostile input", "events emitted", emitted.size());
        Figures.record("hostile input", "store changed", !storeAfter.equals(storeBefore));
        Figures.record("hostile input", "answers that are problem details (application/problem+json)",
                problems + " of " + corpus.size());
        Figures.record("hostile input", "answers with a stack trace", traces.size());
        wrong.forEach(w -> System.out.println("[system] hostile input answered outside 4xx: " + w));
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(wrong).as("answers other than 4xx").isEmpty();
            soft.assertThat(traces).as("answers that show a stack trace").isEmpty();
            soft.assertThat(emitted).as("events emitted by bad requests").isEmpty();
            soft.assertThat(storeAfter).as("articles and comments in the store").isEqualTo(storeBefore);
            soft.assertThat(Api.get(stack.api("/api/comments/" + bobsComment)).status())
                    .as("Bob's comment is still there").isEqualTo(200);
        });
    }

    /** A Java stack frame as a stack trace prints it: {@code at org.example.Type.method(Type.java:12)}. */
    static final java.util.regex.Pattern STACK_FRAME = java.util.regex.Pattern.compile(
            "at [a-zA-Z_$][\\w$]*(\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\)");

    // -------------------------------------------------------------------------------------------------------------

    static List<Hostile> corpus() throws Exception {
        List<Hostile> corpus = new ArrayList<>();
        String reader = Newsroom.reader("hostile-reader");
        String editor = Newsroom.EDITOR;
        String comments = "/api/articles/" + article + "/comments";
        Map<String, String> bodyEndpoints = new LinkedHashMap<>(); // "METHOD path" -> token
        bodyEndpoints.put("POST " + comments, reader);
        bodyEndpoints.put("POST /api/articles", editor);
        bodyEndpoints.put("PUT /api/articles/" + article, editor);
        bodyEndpoints.put("PUT /api/articles/" + article + "/editor-pick", editor);
        bodyEndpoints.put("POST /api/articles/" + article + "/shares", null);
        bodyEndpoints.put("POST /api/articles/" + article + "/views", null);

        // 1. malformed JSON
        List<String> malformed = List.of("{", "{\"text\": \"a\"", "{\"text\": \"a\"}}", "[", "{'text': 'single'}",
                "{text: \"a\"}", "nul", "{\"text\":\"a\",}", "{\"text\":\"a\"} trailing", "{\"a\":1 \"b\":2}");
        bodyEndpoints.forEach((endpoint, token) -> malformed.forEach(body ->
                corpus.add(request("malformed JSON", endpoint, token, body))));

        // 2. wrong JSON types and unknown fields
        Map<String, List<String>> wrongTypes = new LinkedHashMap<>();
        wrongTypes.put("POST " + comments, List.of("{\"text\": 42}", "{\"text\": [\"a\"]}", "{\"text\": true}",
                "{\"text\": {\"a\": 1}}", "{\"text\": null}", "{}", "\"just a string\"", "123",
                "{\"text\": \"ok\", \"author\": {\"id\": \"alice\", \"name\": \"Alice\"}}",
                "{\"text\": \"ok\", \"authorId\": \"alice\"}", "{\"text\": \"ok\", \"postedAt\": \"2020-01-01T00:00:00Z\"}"));
        wrongTypes.put("POST /api/articles", List.of(article(Map.of("title", 123)), article(Map.of("section", 5)),
                article(Map.of("byline", "Mina")), article(Map.of("body", "one string")), article(Map.of("body", List.of(1, 2))),
                article(Map.of("tags", "a,b")), article(Map.of("publish", "yes")), article(Map.of("editorPick", "true")),
                article(Map.of("status", "published")), article(Map.of("id", "chosen-id")), article(Map.of("version", 7)),
                article(Map.of("publishedAt", "2020-01-01T00:00:00Z")), "[]", "{}"));
        wrongTypes.put("PUT /api/articles/" + article, List.of(article(Map.of("version", "abc")),
                article(Map.of("title", List.of("t"))), article(Map.of("status", "draft", "version", articleVersion)),
                article(Map.of("slug", "chosen-slug", "version", articleVersion)), "{}"));
        wrongTypes.put("PUT /api/articles/" + article + "/editor-pick", List.of("{\"editorPick\": \"yes\"}",
                "{\"editorPick\": 1}", "{\"editorPick\": null}", "{}", "{\"editorPick\": true, \"pickedBy\": \"x\"}",
                "[true]"));
        wrongTypes.put("POST /api/articles/" + article + "/shares", List.of("{\"channel\": 1}",
                "{\"channel\": \"myspace\"}", "{\"channel\": [\"x\"]}", "{}", "{\"channel\": \"x\", \"readerId\": 5}",
                "{\"channel\": \"x\", \"readerId\": \"" + "r".repeat(201) + "\"}", "{\"channel\": \"x\", \"extra\": 1}"));
        wrongTypes.put("POST /api/articles/" + article + "/views", List.of("{\"readerId\": 5}",
                "{\"readerId\": [\"a\"]}", "{\"readerId\": \"" + "r".repeat(201) + "\"}", "{\"readerId\": \"a\", \"extra\": 1}",
                "[]", "\"reader\"", "{\"readerId\": true}"));
        wrongTypes.forEach((endpoint, bodies) -> bodies.forEach(body ->
                corpus.add(request("wrong types / unknown fields", endpoint, bodyEndpoints.get(endpoint), body))));

        // 3. NoSQL operator objects, in bodies, paths and query parameters
        Map<String, List<String>> operators = new LinkedHashMap<>();
        operators.put("POST " + comments, List.of("{\"text\": {\"$gt\": \"\"}}", "{\"text\": {\"$ne\": null}}",
                "{\"$where\": \"sleep(1000)\"}", "{\"text\": \"ok\", \"$set\": {\"status\": \"removed\"}}"));
        operators.put("POST /api/articles", List.of(article(Map.of("title", Map.of("$ne", ""))),
                article(Map.of("section", Map.of("$in", List.of("Army")))), article(Map.of("$set", Map.of("status", "published")))));
        operators.put("PUT /api/articles/" + article, List.of(article(Map.of("version", Map.of("$gt", 0)))));
        operators.put("PUT /api/articles/" + article + "/editor-pick", List.of("{\"editorPick\": {\"$ne\": false}}"));
        operators.put("POST /api/articles/" + article + "/shares", List.of("{\"channel\": {\"$ne\": \"x\"}}"));
        operators.put("POST /api/articles/" + article + "/views", List.of("{\"readerId\": {\"$gt\": \"\"}}"));
        operators.forEach((endpoint, bodies) -> bodies.forEach(body ->
                corpus.add(request("NoSQL operators", endpoint, bodyEndpoints.get(endpoint), body))));
        String op = Newsroom.encode("{\"$gt\":\"\"}");
        for (String path : List.of("/api/articles/" + op, "/api/articles/by-slug/" + Newsroom.encode("{\"$regex\":\".*\"}"),
                "/api/pages/article/" + op, "/api/comments/" + Newsroom.encode("{\"$ne\":null}"), "/api/articles/" + op + "/comments",
                "/api/articles?section=" + op, "/api/articles?limit=" + Newsroom.encode("{\"$gt\":0}"),
                "/api/articles?cursor=" + op, comments + "?cursor=" + op, comments + "?limit=" + op,
                "/api/rankings/popular-now?section=" + op, "/api/rankings/" + op)) {
            corpus.add(new Hostile("NoSQL operators", "GET", path, Map.of(), null, false));
        }
        corpus.add(request("NoSQL operators", "POST /api/articles/" + op + "/views", null, "{}"));
        corpus.add(request("NoSQL operators", "DELETE /api/comments/" + Newsroom.encode("{\"$ne\":null}"), editor, null));
        corpus.add(request("NoSQL operators", "POST /api/articles/" + op + "/publish", editor, null));

        // 4. oversized: over the 1 MiB body limit (declared and chunked), and over each content limit
        byte[] huge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'x');
        for (var endpoint : bodyEndpoints.entrySet()) {
            corpus.add(request("oversized body (1 MiB + 1, Content-Length)", endpoint.getKey(), endpoint.getValue(), huge));
            Hostile chunked = request("oversized body (2 MiB, chunked)", endpoint.getKey(), endpoint.getValue(),
                    new byte[2 * 1024 * 1024]);
            corpus.add(new Hostile(chunked.category(), chunked.method(), chunked.path(), chunked.headers(), chunked.body(), true));
        }
        corpus.add(request("oversized content", "POST " + comments, reader, TestHttp.JSON.writeValueAsString(
                Map.of("text", "x".repeat(301)))));
        corpus.add(request("oversized content", "POST " + comments, reader, TestHttp.JSON.writeValueAsString(
                Map.of("text", "\uD83D\uDE00".repeat(301)))));
        corpus.add(request("oversized content", "POST " + comments, reader, TestHttp.JSON.writeValueAsString(
                Map.of("text", "가".repeat(301)))));
        corpus.add(request("oversized content", "POST /api/articles", editor, article(Map.of("title", "t".repeat(201)))));
        corpus.add(request("oversized content", "POST /api/articles", editor, article(Map.of("body",
                Collections.nCopies(201, "p")))));
        corpus.add(request("oversized content", "POST /api/articles", editor, article(Map.of("body",
                List.of("p".repeat(10_001))))));
        corpus.add(request("oversized content", "POST /api/articles", editor, article(Map.of("tags",
                Collections.nCopies(11, "t")))));
        corpus.add(request("oversized content", "POST /api/articles", editor, article(Map.of("tags",
                List.of("t".repeat(51))))));
        corpus.add(request("oversized content", "POST /api/articles", editor, article(Map.of("byline",
                Map.of("name", "n", "email", "e".repeat(250) + "@example.com")))));
        corpus.add(request("oversized content", "POST /api/articles", editor, article(Map.of("source", "s".repeat(201)))));
        for (String path : List.of("/api/articles?limit=51", "/api/articles?limit=0", "/api/articles?limit=-1",
                "/api/articles?limit=1e3", comments + "?limit=51", comments + "?limit=0",
                "/api/rankings/popular-now?limit=51", "/api/rankings/must-reads?limit=0",
                "/api/articles?cursor=" + "A".repeat(5000))) {
            corpus.add(new Hostile("oversized content", "GET", path, Map.of(), null, false));
        }

        // 5. path traversal, raw and encoded, at reads and writes
        for (String path : List.of("/api/articles/..%2F..%2Factuator%2Fenv", "/api/articles/%2e%2e/%2e%2e/actuator/env",
                "/api/articles/../../actuator/env", "/api/articles/../../actuator/heapdump",
                "/api/comments/..%2F..%2Factuator%2Fheapdump", "/api/pages/article/..%2F..%2F..%2Fetc%2Fpasswd",
                "/api/pages/article/../../../etc/passwd", "/api/articles/by-slug/..%2F..%2Fetc%2Fpasswd",
                "/api/rankings/..%2F..%2Factuator%2Fenv", "/api/rankings/../../actuator/configprops",
                "/api/articles/" + article + "%2F..%2F..%2F..%2Fetc%2Fpasswd", "/..%2F..%2F..%2Fetc%2Fpasswd",
                "/api/../.git/config", "/api/articles/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
                "/api/articles/..;/..;/actuator/env", "/WEB-INF/web.xml", "/actuator/env", "/actuator/loggers")) {
            corpus.add(new Hostile("path traversal", "GET", path, Map.of(), null, false));
        }
        corpus.add(request("path traversal", "POST /api/articles/x/views/../../../articles", null, article(Map.of())));
        corpus.add(request("path traversal", "POST /api/articles/x/views/..%2F..%2F..%2Farticles", null, article(Map.of())));
        corpus.add(request("path traversal", "POST /actuator/shutdown", null, "{}"));
        corpus.add(request("path traversal", "POST /api/articles/..%2F" + draft + "/publish", reader, null));
        corpus.add(request("path traversal", "POST /api/articles/%2e%2e/publish", editor, null));
        corpus.add(request("path traversal", "DELETE /api/comments/..%2Farticles%2F" + article, editor, null));
        corpus.add(request("path traversal", "DELETE /api/comments/../articles/" + article, editor, null));
        corpus.add(request("path traversal", "PUT /api/articles/" + article + "%2F..%2F" + draft, editor,
                article(Map.of("version", 1))));

        // 6. invalid UTF-8 in bodies
        List<byte[]> invalidUtf8 = List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF, (byte) 0xFE},
                new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[]{(byte) 0xE2, (byte) 0x82}, new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
        for (byte[] bad : invalidUtf8) {
            corpus.add(request("invalid UTF-8", "POST " + comments, reader, withBytes("{\"text\": \"ok ", bad, "\"}")));
            corpus.add(request("invalid UTF-8", "POST /api/articles", editor, withBytes(
                    article(Map.of("title", "@@")).replace("\"@@\"", "\"t\u0001\"").split("\u0001")[0], bad,
                    article(Map.of("title", "@@")).replace("\"@@\"", "\"t\u0001\"").split("\u0001")[1])));
            corpus.add(request("invalid UTF-8", "POST /api/articles/" + article + "/shares", null,
                    withBytes("{\"channel\": \"x", bad, "\"}")));
            corpus.add(request("invalid UTF-8", "POST /api/articles/" + article + "/views", null,
                    withBytes("{\"readerId\": \"r", bad, "\"}")));
            corpus.add(request("invalid UTF-8", "PUT /api/articles/" + article + "/editor-pick", editor,
                    withBytes("{\"editorPick\": tr", bad, "ue}")));
        }

        // 7. huge headers and URLs
        for (String endpoint : List.of("GET /api/pages/article/" + article, "GET /api/pages/home",
                "POST " + comments, "POST /api/articles", "POST /api/articles/" + article + "/views")) {
            String token = endpoint.startsWith("POST /api/articles/" + article + "/views") ? null
                    : endpoint.startsWith("POST " + comments) ? reader : endpoint.startsWith("POST") ? editor : null;
            String body = endpoint.startsWith("POST " + comments) ? "{\"text\": \"big header\"}"
                    : endpoint.startsWith("POST /api/articles/") ? "{}" : endpoint.startsWith("POST") ? article(Map.of()) : null;
            corpus.add(withHeaders(request("huge headers", endpoint, token, body), Map.of("X-Padding", "h".repeat(20_000))));
            corpus.add(withHeaders(request("huge headers", endpoint, token, body), Map.of("Cookie", "c=" + "k".repeat(32_000))));
            Map<String, String> many = new LinkedHashMap<>();
            for (int i = 0; i < 400; i++) {
                many.put("X-Many-" + i, "v".repeat(60));
            }
            corpus.add(withHeaders(request("huge headers", endpoint, token, body), many));
        }
        corpus.add(new Hostile("huge headers", "GET", "/api/articles/" + "a".repeat(20_000), Map.of(), null, false));
        corpus.add(new Hostile("huge headers", "GET", "/api/articles?section=" + "s".repeat(20_000), Map.of(), null, false));
        corpus.add(request("huge headers", "POST " + comments, "x".repeat(70_000), "{\"text\": \"huge token\"}"));

        // 8. forged, expired, unsigned and otherwise bad tokens on every endpoint that needs one
        Map<String, String> tokenEndpoints = new LinkedHashMap<>();
        tokenEndpoints.put("POST " + comments, "{\"text\": \"forged\"}");
        tokenEndpoints.put("DELETE /api/comments/" + bobsComment, null);
        tokenEndpoints.put("POST /api/articles", article(Map.of()));
        tokenEndpoints.put("PUT /api/articles/" + article, article(Map.of("version", articleVersion)));
        tokenEndpoints.put("POST /api/articles/" + draft + "/publish", null);
        tokenEndpoints.put("POST /api/articles/" + article + "/unpublish", null);
        tokenEndpoints.put("PUT /api/articles/" + article + "/editor-pick", "{\"editorPick\": true}");
        Map<String, String> badTokens = badTokens();
        tokenEndpoints.forEach((endpoint, body) -> {
            corpus.add(request("no token", endpoint, null, body));
            badTokens.forEach((kind, token) -> corpus.add(request("bad token: " + kind, endpoint, token, body)));
            corpus.add(withHeaders(request("bad token: Basic credentials", endpoint, null, body),
                    Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))));
            corpus.add(withHeaders(request("bad token: empty bearer", endpoint, null, body),
                    Map.of("Authorization", "Bearer ")));
        });

        // 9. another user's comment
        for (String subject : List.of("mallory", "bob ", "BOB", "Bob", "bob\u0000")) {
            corpus.add(request("another user's comment", "DELETE /api/comments/" + bobsComment,
                    TestTokens.withRoles(subject, "bob", List.of("reader")), null));
        }

        // 10. role claims the token does not grant
        List<Map<String, Object>> escalations = List.of(Map.of("role", "editor"), Map.of("scope", "editor"),
                Map.of("authorities", List.of("ROLE_editor")), Map.of("realm_access", Map.of("roles", List.of("editor"))),
                Map.of("roles", List.of("Editor")), Map.of("roles", List.of("ROLE_editor")),
                Map.of("roles", List.of("editor ")), Map.of("roles", List.of("reader", "EDITOR")),
                Map.of("roles", "editor"), Map.of("roles", List.of(List.of("editor"))), Map.of("groups", List.of("editor")),
                Map.of("admin", true), Map.of("roles", List.of("reader")));
        for (Map<String, Object> claims : escalations) {
            String token = signedWith(claims);
            for (String endpoint : List.of("POST /api/articles", "PUT /api/articles/" + article,
                    "POST /api/articles/" + draft + "/publish", "POST /api/articles/" + article + "/unpublish",
                    "PUT /api/articles/" + article + "/editor-pick")) {
                corpus.add(request("role escalation " + claims.keySet(), endpoint, token, tokenEndpoints.get(endpoint)));
            }
        }
        String guest = TestTokens.withRoles("guest", "Guest", List.of("guest"));
        corpus.add(request("role escalation [guest]", "POST " + comments, guest, "{\"text\": \"a guest\"}"));
        corpus.add(request("role escalation [guest]", "DELETE /api/comments/" + bobsComment, guest, null));
        corpus.add(request("role escalation [none]", "POST " + comments,
                TestTokens.withRoles("nobody", "Nobody", List.of()), "{\"text\": \"no role\"}"));

        // 11. percent-encodings that are not UTF-8, in every path segment and query parameter a reader or writer sends,
        // and in a cookie
        List<String> badEncodings = List.of("%FF", "%C0%AF", "%ED%A0%80", "caf%C3", "%00%ff", "%FE%FF");
        for (String bad : badEncodings) {
            for (String path : List.of("/api/articles/" + bad, "/api/articles/by-slug/" + bad, "/api/pages/article/" + bad,
                    "/api/comments/" + bad, "/api/articles/" + bad + "/comments", "/api/rankings/" + bad,
                    "/api/articles?section=" + bad, "/api/articles?limit=" + bad, "/api/articles?cursor=" + bad,
                    comments + "?cursor=" + bad, comments + "?limit=" + bad, "/api/rankings/popular-now?section=" + bad,
                    "/api/rankings/must-reads?section=" + bad, "/api/pages/home?" + bad + "=1",
                    "/api/pages/section/" + bad, "/api/articles/" + article + "?x=" + bad)) {
                corpus.add(new Hostile("malformed percent-encoding", "GET", path, Map.of(), null, false));
            }
            corpus.add(request("malformed percent-encoding", "POST /api/articles/" + bad + "/views", null, "{}"));
            corpus.add(request("malformed percent-encoding", "POST /api/articles/" + bad + "/shares", null,
                    "{\"channel\": \"x\"}"));
            corpus.add(request("malformed percent-encoding", "POST /api/articles/" + bad + "/comments", reader,
                    "{\"text\": \"encoded\"}"));
            corpus.add(request("malformed percent-encoding", "DELETE /api/comments/" + bad, editor, null));
            corpus.add(withHeaders(request("malformed percent-encoding", "POST " + comments, null,
                    "{\"text\": \"cookie\"}"), Map.of("Cookie", "SESSION=" + bad + "; news_session=" + bad)));
        }

        // 12. forged client addresses: chains, host names where an address belongs, IPv6 rotation within one /64;
        // each on a request that is bad anyway, so that none may be written, whoever the gateway takes the client for
        List<String> forwarded = new ArrayList<>(List.of("abcd.cafe", "evil.example.com, 10.0.0.1", "127.1",
                "1.2.3.4, 5.6.7.8, 9.10.11.12", "::1", "2001:db8::1, 2001:db8::2", "unknown", "1.2.3.4:8080",
                "[2001:db8::1]:443", "_hidden, 10.0.0.1", "0x7f.1", "2130706433", "1.2.3.4, localhost",
                String.join(", ", java.util.Collections.nCopies(100, "203.0.113.7"))));
        for (int i = 1; i <= 8; i++) {
            forwarded.add("2001:db8:1:2::" + Integer.toHexString(i * 4099));
        }
        for (String hops : forwarded) {
            corpus.add(withHeaders(request("forged X-Forwarded-For", "POST " + comments, reader, "{\"text\": 42}"),
                    Map.of("X-Forwarded-For", hops)));
            corpus.add(withHeaders(request("forged X-Forwarded-For", "POST /api/articles/" + article + "/views", null,
                    "{\"readerId\": 5}"), Map.of("X-Forwarded-For", hops)));
        }
        corpus.add(withHeaders(request("forged X-Forwarded-For", "POST " + comments, reader, "{\"text\": 42}"),
                Map.of("Forwarded", "for=evil.example.com;proto=https, for=\"[2001:db8::1]\"")));

        // 13. display names that pose as the newsroom or hide what they say, on a comment that is otherwise fine
        for (String name : List.of("Editors", "editor", "ADMIN", "Administrator", "Moderator", "Staff",
                "\uFF21\uFF24\uFF2D\uFF29\uFF2E", "Ad min", "Mod\u200Berator", "Eve\u202Egnp", "\u200B",
                "n".repeat(61), "Line\u2028Break")) {
            corpus.add(request("reserved or invisible display name", "POST " + comments,
                    TestTokens.withRoles("posing-" + Integer.toHexString(name.hashCode()), name, List.of("reader")),
                    "{\"text\": \"Official statement\"}"));
        }
        return corpus;
    }

    static Map<String, String> badTokens() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", TestTokens.expired("alice", List.of("editor")));
        tokens.put("alg none", TestTokens.unsigned("alice", List.of("editor")));
        KeyPair other = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        JWTClaimsSet editorClaims = TestTokens.claims("alice", "Alice", List.of("editor")).build();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestIssuer.shared().keyId())
                .build(), editorClaims);
        forged.sign(new RSASSASigner(other.getPrivate()));
        tokens.put("signed by another key", forged.serialize());
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestIssuer.shared().keyId())
                .build(), editorClaims);
        confused.sign(new MACSigner(MessageDigest.getInstance("SHA-256").digest(TestIssuer.shared().publicKeyJson()
                .getBytes(StandardCharsets.UTF_8))));
        tokens.put("HS256 keyed with the public key (algorithm confusion)", confused.serialize());
        tokens.put("wrong issuer", TestTokens.fromIssuer("https://evil.example", "alice", List.of("editor")));
        tokens.put("another application's audience", TestTokens.forAudience("intranet-wiki", "alice", List.of("editor")));
        tokens.put("the retired development key", TestTokens.retiredDevelopmentKey("alice", List.of("editor")));
        tokens.put("not yet valid", TestIssuer.shared().sign(TestTokens.claims("alice", "Alice", List.of("editor"))
                .notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().plusSeconds(7200))).build()));
        String readerToken = Newsroom.reader("tamperer");
        String[] parts = readerToken.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"reader\"", "\"editor\"");
        tokens.put("payload changed after signing", parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        tokens.put("signature stripped", parts[0] + "." + parts[1] + ".");
        tokens.put("garbage", "abc.def.ghi");
        tokens.put("random bytes", HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes()));
        return tokens;
    }

    /** A token of the trusted issuer, role reader, with extra claims. */
    static String signedWith(Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = TestTokens.claims("escalator", "Escalator", List.of("reader"));
        claims.forEach(builder::claim);
        return TestIssuer.shared().sign(builder.build());
    }

    static String article(Map<String, Object> overrides) {
        Map<String, Object> body = NewArticle.body("A hostile article", "Army");
        body.putAll(overrides);
        return TestHttp.JSON.writeValueAsString(body);
    }

    static byte[] withBytes(String before, byte[] bad, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + bad.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(bad, 0, all, a.length, bad.length);
        System.arraycopy(c, 0, all, a.length + bad.length, c.length);
        return all;
    }

    static Hostile request(String category, String endpoint, String token, Object body) {
        String[] parts = endpoint.split(" ", 2);
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        byte[] bytes = body == null ? null : body instanceof byte[] b ? b : body.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes != null) {
            headers.put("Content-Type", "application/json");
        }
        return new Hostile(category, parts[0], parts[1], headers, bytes, false);
    }

    static Hostile withHeaders(Hostile h, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(h.headers());
        headers.putAll(extra);
        return new Hostile(h.category(), h.method(), h.path(), headers, h.body(), h.chunked());
    }

    static Api.Answer send(Hostile h) {
        if (h.chunked()) {
            return RawHttp.chunked(stack.api(h.path()), h.method(), h.headers(), h.body(), Duration.ofSeconds(20));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.api(h.path())));
        h.headers().forEach(request::header);
        request.method(h.method(), TestHttp.body(h.body()));
        return Api.send(request, Duration.ofSeconds(20));
    }

    /** Every article and comment with the fields a write would change, in id order. */
    static String storeDigest() {
        StringBuilder digest = new StringBuilder();
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            for (Document d : mongo.getDatabase("news_articles").getCollection("articles").find().sort(Sorts.ascending("_id"))) {
                digest.append(d.get("_id")).append(' ').append(d.get("version")).append(' ').append(d.get("status"))
                        .append(' ').append(d.get("editorPick")).append(' ').append(d.get("title")).append(' ')
                        .append(d.get("slug")).append(' ').append(d.get("body")).append('\n');
            }
            for (Document d : mongo.getDatabase("news_comments").getCollection("comments").find().sort(Sorts.ascending("_id"))) {
                digest.append(d.get("_id")).append(' ').append(d.get("status")).append(' ').append(d.get("text")).append('\n');
            }
        }
        return digest.toString();
    }
}
