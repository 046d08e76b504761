package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * What every service must offer SREs, checked over real HTTP against a running service: liveness and readiness
 * probes, Prometheus metrics tagged with the application, and its version in {@code /actuator/info}.
 */
public final class OperabilityChecks {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OperabilityChecks() {
    }

    public static void assertOperable(int port, String application) {
        Awaitility.await("readiness of " + application).atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200));
        HttpResponse<String> liveness = get(port, "/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> prometheus = get(port, "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("application=\"" + application + "\"").contains("jvm_memory_used_bytes");

        HttpResponse<String> info = get(port, "/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"name\":\"" + application + "\"").containsPattern("\"version\":\"[0-9]");
    }

    public static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " on port " + port + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
