package news.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.trafficlistener.WiremockNetworkTrafficListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A service behind the gateway, for tests: a WireMock server on a local port of its own that answers what the test
 * tells it to per method and path, and can be stopped (nothing listens on the port: connection refused), hung (it
 * takes requests and answers none within any timeout of the gateway) or made to drop each connection after reading
 * the request (a reset, as a service killed mid-request). Its request journal is what {@link #received} shows; its
 * network traffic listener counts every byte that reached it, whether or not a request was complete.
 */
public final class Downstream implements AutoCloseable {

    /** What the service answers to one request. */
    public record Reply(int status, String contentType, String body, Map<String, String> headers) {

        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, Map.of());
        }

        public static Reply status(int status) {
            return new Reply(status, null, null, Map.of());
        }
    }

    /** A request the service received. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** Far beyond every timeout of the gateway and of the tests: a hung service's answer never arrives in time. */
    private static final int HANG_MILLIS = 10 * 60 * 1000;
    private static final int MODE = 1;
    private static final int REPLIES = 5;
    private static final int UNKNOWN = 10;

    private final AtomicLong bytesIn = new AtomicLong();
    private final WireMockServer server;
    /** The answer to everything while hung or resetting, above the per-path replies; null while answering. */
    private StubMapping mode;

    private Downstream(String name, int port) {
        server = new WireMockServer(WireMockConfiguration.options().port(port).bindAddress("127.0.0.1")
                // a hung request holds one of these threads until the service answers again (see switchTo)
                .containerThreads(50).jettyStopTimeout(0L)
                .networkTrafficListener(new ByteCounter(bytesIn)));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(UNKNOWN).willReturn(json(Reply.json(404,
                "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"" + name + " has no such path\"}"))));
        warmUp();
    }

    /**
     * One request before any test's: WireMock's first answer takes long enough (class loading, its first stub match)
     * to blow a page's budget, and a page would then report a healthy service as degraded.
     */
    private void warmUp() {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + "/warm-up")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        server.resetRequests();
    }

    /** Starts answering on a free port, which stays the service's port when it is stopped and started again. */
    public static Downstream start(String name) {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Downstream(name, port);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getOptions().portNumber();
    }

    /** Answers {@code reply} to {@code METHOD path} (path without query), e.g. {@code "GET /api/articles/x"}. */
    public Downstream on(String methodAndPath, Reply reply) {
        String[] parts = methodAndPath.split(" ", 2);
        server.stubFor(request(parts[0], urlPathEqualTo(parts[1])).atPriority(REPLIES).willReturn(json(reply)));
        return this;
    }

    /** Every byte that reached the service on any connection so far, whether or not a request was complete. */
    public long bytesReceived() {
        return bytesIn.get();
    }

    /** Every request the service received, oldest first. */
    public List<Received> received() {
        List<Received> all = new ArrayList<>(server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .map(Downstream::received).toList());
        Collections.reverse(all);
        return all;
    }

    public List<Received> received(String methodAndPath) {
        return received().stream().filter(r -> (r.method() + " " + r.path()).equals(methodAndPath)).toList();
    }

    /** Serves requests (the normal state). */
    public synchronized void answer() {
        switchTo(null);
    }

    /** Takes requests and never answers, like a service stuck in a long GC pause or a deadlock. */
    public synchronized void hang() {
        switchTo(aResponse().withStatus(200).withFixedDelay(HANG_MILLIS));
    }

    /**
     * Reads each request and then resets the connection without answering, as a service killed (SIGKILL) while it
     * handles a request does: the caller sees "Connection reset by peer".
     */
    public synchronized void reset() {
        switchTo(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    /** Stops listening: connections are refused, open ones are closed. */
    public synchronized void stop() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    private void switchTo(ResponseDefinitionBuilder everything) {
        if (mode != null) {
            server.removeStub(mode);
            mode = null;
            // a restart closes the connections of the old state, whose requests would otherwise still wait
            stop();
        }
        if (everything != null) {
            mode = server.stubFor(any(anyUrl()).atPriority(MODE).willReturn(everything));
        }
        if (!server.isRunning()) {
            server.start();
        }
    }

    private static ResponseDefinitionBuilder json(Reply reply) {
        ResponseDefinitionBuilder answer = aResponse().withStatus(reply.status());
        reply.headers().forEach(answer::withHeader);
        if (reply.body() != null) {
            answer.withHeader("Content-Type", reply.contentType()).withBody(reply.body());
        }
        return answer;
    }

    private static Received received(LoggedRequest request) {
        String url = request.getUrl();
        int query = url.indexOf('?');
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        return new Received(request.getMethod().getName(), query < 0 ? url : url.substring(0, query),
                query < 0 ? null : url.substring(query + 1), Map.copyOf(headers), request.getBodyAsString());
    }

    @Override
    public void close() {
        stop();
    }

    private record ByteCounter(AtomicLong bytes) implements WiremockNetworkTrafficListener {

        @Override
        public void opened(Socket socket) {
        }

        @Override
        public void incoming(Socket socket, ByteBuffer data) {
            bytes.addAndGet(data.remaining());
        }

        @Override
        public void outgoing(Socket socket, ByteBuffer data) {
        }

        @Override
        public void closed(Socket socket) {
        }
    }
}
