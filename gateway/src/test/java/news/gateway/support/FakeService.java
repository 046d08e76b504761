package news.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service behind the gateway, for tests: a real HTTP server on a fixed local port that answers what the test
 * tells it to, and can be stopped (nothing listens on the port: connection refused) or hung (a socket that accepts
 * connections and never answers). Records every request it answers.
 */
public final class FakeService implements AutoCloseable {

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

    private enum Mode { ANSWER, HANG, RESET }

    private final String name;
    private final int port;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesIn = new AtomicLong();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-service");
        t.setDaemon(true);
        return t;
    });
    private final HttpServer http;
    private volatile Mode mode = Mode.ANSWER;
    private ServerSocket front;

    /**
     * The HTTP server itself listens on a port of its own that never changes; the service's port is a socket in
     * front of it that forwards connections while answering, holds them unanswered while hung, and is closed while
     * stopped. (A JDK HttpServer cannot bind its port again right after closing it: TIME_WAIT.)
     */
    private FakeService(String name, int port) throws IOException {
        this.name = name;
        this.port = port;
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        http.createContext("/", this::handle);
        http.setExecutor(executor);
        http.start();
    }

    /** Starts answering on a free port. */
    public static FakeService start(String name) {
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            FakeService service = new FakeService(name, port);
            service.answer();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Answers {@code reply} to {@code METHOD path} (path without query), e.g. {@code "GET /api/articles/x"}. */
    public FakeService on(String methodAndPath, Reply reply) {
        replies.put(methodAndPath, reply);
        return this;
    }

    /** Every byte that reached the service on any connection so far, whether or not a request was complete. */
    public long bytesReceived() {
        return bytesIn.get();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(String methodAndPath) {
        return received.stream().filter(r -> (r.method() + " " + r.path()).equals(methodAndPath)).toList();
    }

    /** Serves requests (the normal state). */
    public synchronized void answer() {
        switchTo(Mode.ANSWER);
    }

    /** Accepts connections and never answers, like a service stuck in a long GC pause or a deadlock. */
    public synchronized void hang() {
        switchTo(Mode.HANG);
    }

    /**
     * Reads each request and then resets the connection without answering, as a service killed (SIGKILL) while it
     * handles a request does: the caller sees "Connection reset by peer".
     */
    public synchronized void reset() {
        switchTo(Mode.RESET);
    }

    /** Stops listening: connections are refused, open ones are closed. */
    public synchronized void stop() {
        closeQuietly(front);
        front = null;
        closeOpenConnections();
    }

    private void switchTo(Mode next) {
        if (mode != next) {
            mode = next;
            closeOpenConnections();
        }
        if (front != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port), 100);
            front = socket;
            executor.execute(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot listen on " + port, e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                if (mode == Mode.ANSWER) {
                    forward(client);
                } else if (mode == Mode.RESET) {
                    executor.execute(() -> resetAfterRequest(client));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void forward(Socket client) throws IOException {
        Socket server = new Socket("127.0.0.1", http.getAddress().getPort());
        open.add(server);
        executor.execute(() -> pipe(client, server, bytesIn));
        executor.execute(() -> pipe(server, client, new AtomicLong()));
    }

    private void resetAfterRequest(Socket client) {
        try {
            client.getInputStream().read(new byte[8192]);
            client.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // gone already
        } finally {
            closeQuietly(client);
            open.remove(client);
        }
    }

    private void pipe(Socket from, Socket to, AtomicLong bytes) {
        try {
            byte[] buffer = new byte[16384];
            for (int n = from.getInputStream().read(buffer); n >= 0; n = from.getInputStream().read(buffer)) {
                bytes.addAndGet(n);
                to.getOutputStream().write(buffer, 0, n);
            }
        } catch (IOException ignored) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void closeOpenConnections() {
        open.forEach(FakeService::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Reply reply = replies.getOrDefault(exchange.getRequestMethod() + " " + path,
                Reply.json(404, "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"" + name + " has no " + path
                        + "\"}"));
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        stop();
        http.stop(0);
        executor.shutdownNow();
    }
}
