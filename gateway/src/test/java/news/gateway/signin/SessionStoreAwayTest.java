package news.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import news.gateway.GatewayIntegrationTest;
import news.gateway.support.Downstream.Reply;

/**
 * The gateway on a session store of its own that the test stops: a request that needs the browser's session answers 503
 * with {@code Retry-After} once the store's selection timeout has passed, not a 500 after the driver's default 30 s;
 * public reads, which never load a session, go on being served.
 */
@DirtiesContext
class SessionStoreAwayTest extends GatewayIntegrationTest {

    private static final MongoServer STORE = new MongoServer(new MemoryBackend());

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        STORE.bind("127.0.0.1", 0);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + STORE.getLocalAddress().getPort());
        registry.add("news.mongo.timeouts.server-selection", () -> "400ms");
        registry.add("news.mongo.timeouts.connect", () -> "300ms");
    }

    @AfterAll
    static void stopStore() {
        STORE.shutdownNow();
    }

    @Test
    void withTheStoreAwayASignedInRequestIs503AndPublicReadsAreServed() {
        COMMENT_SERVICE.on("GET /api/comments/c1", Reply.json(200, "{\"id\":\"c1\"}"));
        client.get().uri("/api/authors/me").cookie("NEWS_SESSION", "no-such-session").exchange()
                .expectStatus().isUnauthorized();

        STORE.shutdownNow();

        long started = System.nanoTime();
        EntityExchangeResult<String> away = client.get().uri("/api/authors/me")
                .cookie("NEWS_SESSION", "no-such-session").exchange().expectBody(String.class).returnResult();
        assertThat(away.getStatus().value()).as(away.getResponseBody()).isEqualTo(503);
        assertThat(System.nanoTime() - started).as("not the driver's default 30 s").isLessThan(NO_WAITING.toNanos());
        assertThat(away.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
        assertThat(away.getResponseHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(away.getResponseBody()).contains("\"status\":503").contains("Signed-in sessions are not available");

        client.get().uri("/api/comments/c1").cookie("NEWS_SESSION", "no-such-session").exchange()
                .expectStatus().isOk();
    }
}
