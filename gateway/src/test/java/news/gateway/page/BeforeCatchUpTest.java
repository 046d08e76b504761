package news.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.gateway.GatewayIntegrationTest;
import news.testsupport.UseNewsInfrastructure;

/**
 * A gateway whose read models have not caught up (here: their topic never appears) with article-service down: it
 * reports itself not ready, and an article it cannot vouch for is 503 with problem details, not 404, because the
 * catalog cannot say the article does not exist. Its home page still answers, with the catalog's lists degraded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseNewsInfrastructure
class BeforeCatchUpTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("news.gateway.read-models.article-events", () -> "news.article-events.never-created");
        registry.add("news.gateway.services.article", () -> "http://127.0.0.1:" + closedPort());
        registry.add("news.gateway.services.comment", () -> "http://127.0.0.1:" + closedPort());
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void readinessIsDownAndLivenessUpWhileTheReadModelsHaveNotCaughtUp() {
        management().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.readModels.status").isEqualTo("DOWN");
        management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void anArticleTheGatewayCannotVouchForIs503WithProblemDetailsAtOnce() {
        long started = System.nanoTime();
        EntityExchangeResult<byte[]> result = client().get().uri("/api/pages/article/MaybeExists1").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.status").isEqualTo(503).jsonPath("$.detail").exists()
                .returnResult();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no waiting for the unreachable service")
                .isLessThan(GatewayIntegrationTest.NO_WAITING);
        assertThat(result.getResponseHeaders().getETag()).isNull();
    }

    @Test
    void theHomePageAnswersWithTheCatalogListsMarkedDegraded() {
        client().get().uri("/api/pages/home").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.degraded").value(d -> assertThat(d.toString()).contains("justIn", "sections"));
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
