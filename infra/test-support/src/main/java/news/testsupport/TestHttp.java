package news.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tests' HTTP client of a running service: requests to paths below one base address, JSON bodies in and out, a
 * bearer token or none, extra headers, and bodies clients should not send (raw bytes, a chunked upload, none at
 * all), so that a test can send what a hostile client would. Answers are never judged here: a 4xx or 5xx is an
 * answer for the test to assert on; only a connection that fails is an error.
 *
 * <p>A module adds its domain's steps (create an article, post a comment) in a subclass, and its tests receive it
 * from {@link ServiceClientExtension}.
 */
public class TestHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final Map<String, String> headers;

    /** Requests to paths below {@code baseUrl}, e.g. {@code http://127.0.0.1:8080}. */
    public TestHttp(String baseUrl) {
        this(URI.create(baseUrl), Map.of());
    }

    /** The same client as {@code other}, for a subclass that adds a domain's steps to it. */
    protected TestHttp(TestHttp other) {
        this(other.base, other.headers);
    }

    private TestHttp(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
    }

    /** A service listening on {@code port} of the loopback interface. */
    public static TestHttp local(int port) {
        return new TestHttp("http://127.0.0.1:" + port);
    }

    /** This client with one more header on every request (e.g. the client address a trusted proxy would send). */
    public TestHttp withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new TestHttp(base, more);
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    public HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null, null, Map.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        return send("GET", path, null, null, null, headers);
    }

    /** {@code body} as for {@link #body(Object)}, sent as {@code application/json}. */
    public HttpResponse<String> post(String path, String token, Object body) {
        return send("POST", path, token, "application/json", body, Map.of());
    }

    public HttpResponse<String> put(String path, String token, Object body, Map<String, String> headers) {
        return send("PUT", path, token, "application/json", body, headers);
    }

    public HttpResponse<String> delete(String path, String token) {
        return send("DELETE", path, token, null, null, Map.of());
    }

    /**
     * Any request: {@code token} null for none, {@code contentType} null for no {@code Content-Type}, {@code body} as
     * for {@link #body(Object)}.
     */
    public HttpResponse<String> send(String method, String path, String token, String contentType, Object body,
                                     Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token).method(method, body(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** A request to {@code path} with this client's headers and the token, for what the shortcuts do not cover. */
    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return request;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return HTTP.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request body: none for {@code null}, a {@link BodyPublisher} as it is, bytes as they are, a string as its UTF-8
     * bytes, anything else as JSON.
     */
    public static BodyPublisher body(Object body) {
        if (body == null) {
            return BodyPublishers.noBody();
        }
        if (body instanceof BodyPublisher publisher) {
            return publisher;
        }
        if (body instanceof byte[] bytes) {
            return BodyPublishers.ofByteArray(bytes);
        }
        return BodyPublishers.ofString(body instanceof String text ? text : write(body), StandardCharsets.UTF_8);
    }

    /** A body of unknown length, which the client sends with {@code Transfer-Encoding: chunked}. */
    public static BodyPublisher chunked(byte[] body) {
        return BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(body));
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    public static JsonNode json(byte[] bytes) {
        return JSON.readTree(bytes);
    }
}
