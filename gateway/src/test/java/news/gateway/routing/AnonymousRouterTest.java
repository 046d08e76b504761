package news.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.gateway.GatewayIntegrationTest;
import news.gateway.support.Downstream;
import news.gateway.support.Downstream.Reply;
import news.gateway.support.TestArticle;
import news.testsupport.TestTokens;

/**
 * The anonymous router takes readers' article reads, views and shares (and only those), does what the filter chain
 * and Spring Cloud Gateway's route do for them, and leaves every call with credentials, an {@code Origin} or a chunked
 * body to them. Each call it routes is counted in its own timer, which tells the two paths apart here.
 */
class AnonymousRouterTest extends GatewayIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void takesAnonymousArticleReadsViewsAndSharesAndNothingElse() {
        assertThat(AnonymousRouter.route(HttpMethod.GET, "/api/articles/a1")).isEqualTo(AnonymousRouter.READS);
        assertThat(AnonymousRouter.route(HttpMethod.HEAD, "/api/articles/by-slug/s")).isEqualTo(AnonymousRouter.READS);
        assertThat(AnonymousRouter.route(HttpMethod.POST, "/api/articles/a1/views")).isEqualTo(AnonymousRouter.VIEWS);
        assertThat(AnonymousRouter.route(HttpMethod.POST, "/api/articles/a1/shares")).isEqualTo(AnonymousRouter.SHARES);
        for (String path : List.of("/api/articles/a1/comments", "/api/articles", "/api/rankings/popular-now",
                "/api/pages/home", "/api/articles/a1/comments/")) {
            assertThat(AnonymousRouter.route(HttpMethod.GET, path)).as(path).isNull();
        }
        for (String path : List.of("/api/articles", "/api/articles/a1/publish", "/api/articles/a1/comments",
                "/api/articles//views", "/api/articles/a1/views/x")) {
            assertThat(AnonymousRouter.route(HttpMethod.POST, path)).as(path).isNull();
        }
        assertThat(AnonymousRouter.route(HttpMethod.PUT, "/api/articles/a1")).isNull();
        assertThat(AnonymousRouter.route(HttpMethod.DELETE, "/api/articles/a1/views")).isNull();
    }

    @Test
    void anAnonymousViewReachesArticleServiceWithItsBodyTheClientAddressAndTheRequestIdAndItsAnswerComesBack() {
        String id = "routed-view-" + System.nanoTime();
        ARTICLE_SERVICE.on("POST /api/articles/" + id + "/views", new Reply(202, "application/json",
                "{\"accepted\":true}", Map.of("X-Service-Header", "kept")));
        double before = routed(AnonymousRouter.VIEWS, 202);

        EntityExchangeResult<byte[]> result = client.post().uri("/api/articles/" + id + "/views?from=home")
                .contentType(MediaType.APPLICATION_JSON).header("X-Request-Id", "view-42")
                .header("Forwarded", "for=203.0.113.9").header("X-Forwarded-Host", "evil.example")
                .bodyValue("{\"readerId\":\"r-1\"}").exchange()
                .expectStatus().isAccepted().expectBody().returnResult();

        assertThat(new String(result.getResponseBody())).isEqualTo("{\"accepted\":true}");
        assertThat(result.getResponseHeaders().getFirst("X-Service-Header")).isEqualTo("kept");
        assertThat(result.getResponseHeaders().get("X-Request-Id")).containsExactly("view-42");
        Downstream.Received received = ARTICLE_SERVICE.received("POST /api/articles/" + id + "/views").get(0);
        assertThat(received.body()).isEqualTo("{\"readerId\":\"r-1\"}");
        assertThat(received.query()).isEqualTo("from=home");
        assertThat(received.header("X-Forwarded-For")).isEqualTo(clientAddress);
        assertThat(received.header("X-Request-Id")).isEqualTo("view-42");
        assertThat(received.header("Forwarded")).isNull();
        assertThat(received.header("X-Forwarded-Host")).isNull();
        assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        awaitRouted(AnonymousRouter.VIEWS, 202, before + 1);
    }

    @Test
    void callsWithCredentialsOrAnOriginTakeTheFilterChainAndTheRoute() {
        String id = "chain-view-" + System.nanoTime();
        ARTICLE_SERVICE.on("POST /api/articles/" + id + "/views", Reply.status(202));
        double before = routed(AnonymousRouter.VIEWS, 202);

        client.post().uri("/api/articles/" + id + "/views")
                .header("Authorization", "Bearer " + TestTokens.reader("carol")).exchange()
                .expectStatus().isAccepted();
        client.post().uri("/api/articles/" + id + "/views").header("Authorization", "Bearer not-a-token").exchange()
                .expectStatus().isUnauthorized();
        client.post().uri("/api/articles/" + id + "/views").header("Origin", "https://frontend.example").exchange()
                .expectStatus().isAccepted();
        client.post().uri("/api/articles/" + id + "/views").header("Cookie", "NEWS_SESSION=unknown").exchange()
                .expectStatus().isAccepted();

        assertThat(ARTICLE_SERVICE.received("POST /api/articles/" + id + "/views")).hasSize(3);
        // one anonymous view after them: once the router has counted it, it would have counted any of those too
        client.post().uri("/api/articles/" + id + "/views").exchange().expectStatus().isAccepted();
        awaitRouted(AnonymousRouter.VIEWS, 202, before + 1);
        assertThat(routed(AnonymousRouter.VIEWS, 202)).as("none of the four taken by the anonymous router")
                .isEqualTo(before + 1);
    }

    @Test
    void anAnonymousReadPassesTheServicesStatusAndIsCountedAgainstTheReadBudget() {
        TestArticle article = TestArticle.published("Navy", "Read through the router");
        servicesKnow(article, List.of());
        ARTICLE_SERVICE.on("GET /api/articles/missing-one", Reply.json(404, "{\"status\":404}"));
        double before = routed(AnonymousRouter.READS, 200);
        double before429 = routed(AnonymousRouter.READS, 429);

        client.get().uri("/api/articles/" + article.id()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo(article.title());
        client.get().uri("/api/articles/missing-one").exchange().expectStatus().isNotFound();
        for (int i = 2; i < READ_BURST; i++) {
            client.get().uri("/api/articles/" + article.id()).exchange().expectStatus().isOk();
        }
        client.get().uri("/api/articles/" + article.id()).exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        awaitRouted(AnonymousRouter.READS, 200, before + READ_BURST - 1);
        awaitRouted(AnonymousRouter.READS, 429, before429 + 1);
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeTheServiceSeesIt() {
        String id = "large-share-" + System.nanoTime();
        ARTICLE_SERVICE.on("POST /api/articles/" + id + "/shares", Reply.status(202));

        client.post().uri("/api/articles/" + id + "/shares").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"channel\":\"" + "x".repeat(MAX_BODY) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("at most " + MAX_BODY));

        assertThat(ARTICLE_SERVICE.received("POST /api/articles/" + id + "/shares")).isEmpty();
    }

    @Test
    void articleServiceAwayIs503AndHungIs504AsProblemDetails() {
        String id = "away-" + System.nanoTime();
        double views503 = routed(AnonymousRouter.VIEWS, 503);
        double reads504 = routed(AnonymousRouter.READS, 504);
        ARTICLE_SERVICE.stop();
        client.post().uri("/api/articles/" + id + "/views").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("cannot be reached"));
        ARTICLE_SERVICE.hang();
        client.get().uri("/api/articles/" + id).exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("did not answer in time"));
        ARTICLE_SERVICE.reset();
        client.get().uri("/api/articles/" + id).exchange().expectStatus().isEqualTo(503);

        awaitRouted(AnonymousRouter.VIEWS, 503, views503 + 1);
        awaitRouted(AnonymousRouter.READS, 504, reads504 + 1);
    }

    /**
     * The router counts a call when its answer has been sent, so a client can read the answer a moment before the
     * count moves: wait for it (at least {@code count}), then check it is exactly that.
     */
    private void awaitRouted(String route, int status, double count) {
        await().atMost(NO_WAITING).until(() -> routed(route, status) >= count);
        assertThat(routed(route, status)).as("%s answered %d, counted by the anonymous router", route, status)
                .isEqualTo(count);
    }

    /** The router's count of calls of a route answered with a status. */
    private double routed(String route, int status) {
        return meters.find(AnonymousRouter.TIMER).tag("route", route).tag("status", Integer.toString(status))
                .timers().stream().mapToDouble(Timer::count).sum();
    }
}
