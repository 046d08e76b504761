package news.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import news.testsupport.TestHttp;
import news.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * HTTP as a client of the platform: JSON in and out (encoded as {@link TestHttp} does), bearer tokens, every answer's
 * status counted for the run (so a 5xx anywhere shows in the figures). Connection failures are answers too: status
 * {@code -1}. Full URLs, since a run reaches the gateway, every service's management port and more than one stack.
 */
final class Api {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    private static final Map<Integer, LongAdder> STATUSES = new ConcurrentHashMap<>();

    private Api() {
    }

    /** One answer: status (-1 when the connection failed), body, headers and how long it took. */
    record Answer(int status, String body, HttpHeaders headers, Duration took, String failure) {

        JsonNode json() {
            return TestHttp.json(body);
        }

        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        boolean is2xx() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status + (failure != null ? " (" + failure + ")" : "") + " in " + took.toMillis() + " ms: "
                    + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    static Answer get(String url) {
        return get(url, null);
    }

    static Answer get(String url, String token) {
        return send(authorized(HttpRequest.newBuilder(URI.create(url)), token).GET(), Duration.ofSeconds(10));
    }

    /**
     * A body's {@code readerId} names nobody on the platform (a view's or share's reader is the signed-in subject, else
     * the client's network and User-Agent), so a test that plays many readers from this one address gives each
     * reader id a browser User-Agent of its own.
     */
    static Answer post(String url, Object json, String token) {
        HttpRequest.Builder request = json(HttpRequest.newBuilder(URI.create(url)), token).POST(TestHttp.body(json));
        if (json instanceof Map<?, ?> fields && fields.get("readerId") instanceof String readerId) {
            request.header("User-Agent", BROWSER + " reader/" + readerId);
        }
        return send(request, Duration.ofSeconds(10));
    }

    static Answer put(String url, Object json, String token, String ifMatch) {
        HttpRequest.Builder request = json(HttpRequest.newBuilder(URI.create(url)), token).PUT(TestHttp.body(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request, Duration.ofSeconds(10));
    }

    static Answer delete(String url, String token) {
        return send(authorized(HttpRequest.newBuilder(URI.create(url)), token).DELETE(), Duration.ofSeconds(10));
    }

    static int status(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), Duration.ofSeconds(3), false).status();
    }

    static Answer send(HttpRequest.Builder request, Duration timeout) {
        return send(request, timeout, true);
    }

    /** A client of its own, as one more browser would have: its own connections. */
    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }

    private static final ThreadLocal<HttpClient> OWN = new ThreadLocal<>();

    /** Runs {@code work} with requests of this thread going through {@code client}. */
    static <T> T with(HttpClient client, java.util.concurrent.Callable<T> work) throws Exception {
        OWN.set(client);
        try {
            return work.call();
        } finally {
            OWN.remove();
        }
    }

    private static Answer send(HttpRequest.Builder request, Duration timeout, boolean counted) {
        request.timeout(timeout);
        if (request.build().headers().firstValue("User-Agent").isEmpty()) {
            request.setHeader("User-Agent", BROWSER);
        }
        long start = System.nanoTime();
        try {
            HttpClient client = OWN.get() != null ? OWN.get() : CLIENT;
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.body(), response.headers(),
                    Duration.ofNanos(System.nanoTime() - start), null);
            if (counted) {
                count(answer.status());
            }
            return answer;
        } catch (IOException e) {
            if (counted) {
                count(-1);
            }
            return new Answer(-1, null, null, Duration.ofNanos(System.nanoTime() - start), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void count(int status) {
        STATUSES.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** Answers by status over the whole run so far. */
    static Map<Integer, Long> statuses() {
        Map<Integer, Long> copy = new java.util.TreeMap<>();
        STATUSES.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    static HttpRequest.Builder json(HttpRequest.Builder request, String token) {
        return authorized(request.header("Content-Type", "application/json"), token);
    }

    static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", TestTokens.bearer(token));
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static List<String> list(String... values) {
        return List.of(values);
    }
}
