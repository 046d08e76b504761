package news.launcher.observability;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiver of the local Alertmanager's webhooks ({@code /page}, {@code /ticket}, alertmanager-local.yml): prints
 * each notified alert on the console and appends it to a log file, and keeps them for tests to look at.
 */
public final class AlertWebhook implements AutoCloseable {

    /** One alert as a notification carried it. */
    public record Notified(Instant at, String receiver, String status, Map<String, String> labels, String summary) {

        public String label(String name) {
            return labels.getOrDefault(name, "");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final PrintStream out;
    private final Path log;
    private final List<Notified> received = new CopyOnWriteArrayList<>();

    public AlertWebhook(int port, PrintStream out, Path log) throws IOException {
        this.out = out;
        this.log = log;
        Files.createDirectories(log.getParent());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    public List<Notified> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String receiver = exchange.getRequestURI().getPath().replace("/", "");
            JsonNode notification = JSON.readTree(body.readAllBytes());
            List<String> lines = new ArrayList<>();
            for (JsonNode alert : notification.path("alerts")) {
                Map<String, String> labels = new java.util.TreeMap<>();
                alert.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
                Notified notified = new Notified(Instant.now(), receiver, alert.path("status").asString(), labels,
                        alert.path("annotations").path("summary").asString());
                received.add(notified);
                lines.add(String.format("[alert] %s %-8s %s service=%s %s", receiver.toUpperCase(java.util.Locale.ROOT),
                        notified.status(), notified.label("alertname"), notified.label("service"), notified.summary()));
            }
            lines.forEach(out::println);
            Files.writeString(log, lines.stream().map(l -> Instant.now() + " " + l + "\n").reduce("", String::concat),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            exchange.sendResponseHeaders(200, -1);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
