package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * What every service must offer SREs, checked over real HTTP against a running service: liveness and readiness
 * probes, Prometheus metrics tagged with the application, and its version in {@code /actuator/info}, all on the
 * management port only; the port readers reach (directly or through the gateway) serves no actuator endpoint.
 */
public final class OperabilityChecks {

    private OperabilityChecks() {
    }

    /** Checks the service that {@code service}, a Spring Boot test's context on random ports, runs as {@code application}. */
    public static void assertOperable(ApplicationContext service, String application) {
        Environment environment = service.getEnvironment();
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        int managementPort = environment.getRequiredProperty("local.management.port", Integer.class);
        assertThat(managementPort).as("actuator has a port of its own").isNotEqualTo(port);
        Awaitility.await("readiness of " + application).atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200));
        HttpResponse<String> liveness = get(managementPort, "/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> prometheus = get(managementPort, "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("application=\"" + application + "\"").contains("jvm_memory_used_bytes");
        Scrape scrape = Scrape.of(prometheus.body());
        assertThat(Scrape.knownAtStartUp(application)).as("series that exist from start-up (metrics.yaml known-series)")
                .allSatisfy(series -> assertThat(scrape.has(series)).as(series).isTrue());

        HttpResponse<String> info = get(managementPort, "/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"name\":\"" + application + "\"").containsPattern("\"version\":\"[0-9]")
                .as("no JVM or operating system details").doesNotContain("\"java\"", "\"os\"", "\"jvm\"");

        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/info",
                "/actuator/prometheus", "/actuator/env", "/actuator")) {
            HttpResponse<String> outside = get(port, path);
            assertThat(outside.statusCode()).as("GET %s on the service port of %s", path, application).isIn(401, 404);
            assertThat(outside.body()).as("GET %s on the service port of %s", path, application)
                    .doesNotContain("\"status\":\"UP\"", "jvm_memory", "\"components\"", application + "\",\"version");
        }
    }

    /**
     * A scrape of {@code application} after its flows: every series infra/observability/metrics.yaml requires of it
     * and the {@code expected} ones are there, every sample names the application, and none names {@code id} (an id
     * is never a tag). The scrape is kept as {@link Scrape#kept} keeps it.
     */
    public static Scrape assertScrape(String body, String application, String id, String... expected)
            throws IOException {
        Scrape scrape = Scrape.kept(application, body);
        assertThat(scrape.names()).containsAll(Scrape.required(application)).contains(expected);
        assertThat(scrape.samples()).allSatisfy(sample ->
                assertThat(sample.labels()).as(sample.name()).containsEntry("application", application));
        assertThat(body).doesNotContain(id);
        return scrape;
    }

    public static HttpResponse<String> get(int port, String path) {
        return TestHttp.local(port).get(path);
    }
}
