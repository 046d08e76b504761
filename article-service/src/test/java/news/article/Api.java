package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import news.testsupport.TestTokens;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the service under test: raw requests, so tests can also send what clients should not. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String EDITOR = TestTokens.editor("alice");
    static final String READER = TestTokens.reader("rita");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    Api(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null, (String) null, Map.of());
    }

    HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null, (String) null, Map.of());
    }

    HttpResponse<String> post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json, Map.of());
    }

    HttpResponse<String> put(String path, String token, String json, Map<String, String> headers) {
        return send("PUT", path, token, "application/json", json, headers);
    }

    HttpResponse<String> send(String method, String path, String token, String contentType, String body,
                              Map<String, String> headers) {
        return send(method, path, token, contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body), headers);
    }

    HttpResponse<String> send(String method, String path, String token, String contentType,
                              HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).method(method, body);
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an article through the editor API and returns the editor's view of it. */
    JsonNode create(Map<String, Object> article) {
        HttpResponse<String> response = post("/api/articles", EDITOR, write(article));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    JsonNode publishedArticle(String section) {
        Map<String, Object> article = article("Published " + UUID.randomUUID(), section);
        article.put("publish", true);
        return create(article);
    }

    /**
     * Records of {@code key} the probe had not seen yet when this was called: for asserting that an action emitted
     * nothing, even when events of earlier actions on the same article are still arriving.
     */
    static Predicate<ConsumerRecord<String, byte[]>> unseen(TopicProbe probe, String key) {
        Set<String> seen = probe.seen().stream().filter(TopicProbe.withKey(key))
                .map(r -> TopicProbe.header(r, "ce_id")).collect(Collectors.toSet());
        return r -> key.equals(r.key()) && !seen.contains(TopicProbe.header(r, "ce_id"));
    }

    /** Creates a published article and waits until its event is on the topic the probe watches. */
    JsonNode publishedArticle(String section, TopicProbe probe) {
        JsonNode article = publishedArticle(section);
        probe.await(TopicProbe.withKey(article.path("id").asString()), 1);
        return article;
    }

    /** A valid create body with a unique title. */
    static Map<String, Object> article(String title, String section) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("title", title);
        article.put("section", section);
        article.put("source", "Defense Wire");
        article.put("byline", Map.of("name", "Mina Park", "email", "mina.park@example.com"));
        article.put("body", List.of("First paragraph of " + title + ".", "Second paragraph."));
        article.put("tags", List.of("test"));
        return article;
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
