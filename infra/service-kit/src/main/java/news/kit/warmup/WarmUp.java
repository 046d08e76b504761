package news.kit.warmup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Sends a service's {@link WarmUpRequests} to its own port, over loopback, before readiness says ready: Spring Boot
 * runs application runners after the web server has started and before it publishes that the application accepts
 * traffic. A JVM fresh from start runs every request path interpreted, loading classes and building caches on first
 * use; on the local runtime's two shared cores a freshly started platform answered its first second's requests after
 * up to two seconds (docs/benchmarks.md). The rounds pay that price before a reader or a load balancer sees the
 * instance.
 *
 * <p>The requests change nothing (see {@link WarmUpRequest}); they are counted in the service's
 * {@code http.server.requests} like any other, which a dashboard shows as a burst of reads and 4xx answers at start.
 * The warm-up never stops a start: a failure ends it early, with a log line that says so.
 */
public final class WarmUp implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final Duration PAUSE_WHILE_WAITING = Duration.ofMillis(250);
    private static final Set<String> ANY_ADDRESS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

    private final ApplicationContext context;
    private final Environment environment;
    private final List<WarmUpRequests> requests;
    private final WarmUpSettings settings;

    public WarmUp(ApplicationContext context, Environment environment, List<WarmUpRequests> requests,
                  WarmUpSettings settings) {
        this.context = context;
        this.environment = environment;
        this.requests = requests;
        this.settings = settings;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after every other runner: what they prepare is part of what is warmed
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (!settings.enabled() || requests.isEmpty()) {
            return;
        }
        URI root = root();
        if (root == null) {
            return;
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Tally tally = new Tally();
        long started = System.nanoTime();
        long waitUntil = started + settings.waitForDependencies().toNanos();
        Round first = send(client, root, 0, tally);
        while (!first.clean() && System.nanoTime() < waitUntil && first.failure() == null) {
            Thread.sleep(PAUSE_WHILE_WAITING.toMillis());
            first = send(client, root, 0, tally);
        }
        if (first.failure() != null) {
            ended(0, first);
            return;
        }
        long deadline = System.nanoTime() + settings.limit().toNanos();
        int rounds = 1;
        while (rounds < settings.rounds() && System.nanoTime() < deadline) {
            Round round = send(client, root, rounds, tally);
            if (round.failure() != null) {
                ended(rounds, round);
                break;
            }
            rounds++;
        }
        log.info("Warmed up before taking traffic: {} rounds, {} requests to {} in {} ms (answers by status: {}){}",
                rounds, tally.total(), root, Duration.ofNanos(System.nanoTime() - started).toMillis(), tally.statuses,
                first.clean() ? "" : "; the first round still met answers of 500 and above after waiting "
                        + settings.waitForDependencies().toSeconds() + " s");
    }

    private static void ended(int rounds, Round round) {
        log.warn("Warm-up ended after {} rounds: {} {} failed ({}); taking traffic without the rest", rounds,
                round.failed().method(), round.failed().path(), round.failure().toString());
    }

    private Round send(HttpClient client, URI root, int number, Tally tally) throws InterruptedException {
        boolean clean = true;
        for (WarmUpRequests source : requests) {
            for (WarmUpRequest request : source.round(number)) {
                HttpRequest.Builder builder = HttpRequest.newBuilder(root.resolve(request.path()))
                        .timeout(Duration.ofSeconds(10))
                        .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(request.body()));
                if (request.body() != null) {
                    builder.header("Content-Type", "application/json");
                }
                request.headers().forEach(builder::header);
                try {
                    int status = client.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    tally.statuses.merge(status, 1, Integer::sum);
                    clean &= status < 500 || !request.awaited();
                } catch (IOException e) {
                    return new Round(false, request, e);
                }
            }
        }
        return new Round(clean, null, null);
    }

    /** The service's own root over loopback (or the one address it listens on), or null without a web server. */
    private URI root() {
        if (!(context instanceof WebServerApplicationContext web)) {
            return null;
        }
        WebServer server = web.getWebServer();
        if (server == null || server.getPort() <= 0
                || environment.getProperty("server.ssl.enabled", Boolean.class, false)) {
            return null;
        }
        String host = "127.0.0.1";
        String address = environment.getProperty("server.address", "").trim();
        if (!address.isEmpty() && !ANY_ADDRESS.contains(address)) {
            // a literal (the kit never resolves a name: see ForwardedClientsTest); IPv6 in brackets
            host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        }
        return URI.create("http://" + host + ":" + server.getPort());
    }

    private record Round(boolean clean, WarmUpRequest failed, IOException failure) {
    }

    private static final class Tally {

        final Map<Integer, Integer> statuses = new TreeMap<>();

        int total() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
