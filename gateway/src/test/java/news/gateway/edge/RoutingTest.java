package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import news.gateway.GatewayIntegrationTest;
import news.gateway.support.Downstream;
import news.gateway.support.Downstream.Reply;
import news.gateway.support.TestArticle;

/** The public HTTP API (docs/product.md) reaches the owning service, with the client's address, request id and trace. */
class RoutingTest extends GatewayIntegrationTest {

    private static final String RANKING = "{\"list\":\"popular-now\",\"section\":\"all\",\"window\":\"PT60M\","
            + "\"computedAt\":\"2026-11-25T09:45:01Z\",\"entries\":[]}";

    @Test
    void eachPublicPathGoesToTheServiceThatOwnsIt() {
        TestArticle article = TestArticle.published("Army", "Routed");
        servicesKnow(article, List.of("routed comment"));
        COMMENT_SERVICE.on("GET /api/comments/c1", Reply.json(200, "{\"id\":\"c1\"}"));
        RANKING_SERVICE.on("GET /api/rankings/popular-now", Reply.json(200, RANKING));
        ARTICLE_SERVICE.on("GET /api/articles", Reply.json(200, "{\"items\":[],\"next\":null}"));
        ARTICLE_SERVICE.on("GET /api/articles/by-slug/" + article.slug(), Reply.json(200, article.readerJson()));

        assertThat(body("/api/articles/" + article.id())).contains(article.title());
        assertThat(body("/api/articles/by-slug/" + article.slug())).contains(article.title());
        assertThat(body("/api/articles?section=Army&limit=6")).contains("items");
        assertThat(body("/api/articles/" + article.id() + "/comments?limit=5")).contains("routed comment");
        assertThat(body("/api/comments/c1")).contains("c1");
        assertThat(body("/api/rankings/popular-now?section=all&limit=6")).contains("popular-now");

        assertThat(COMMENT_SERVICE.received("GET /api/articles/" + article.id() + "/comments"))
                .anySatisfy(r -> assertThat(r.query()).isEqualTo("limit=5"));
        assertThat(RANKING_SERVICE.received("GET /api/rankings/popular-now"))
                .anySatisfy(r -> assertThat(r.query()).isEqualTo("section=all&limit=6"));
        assertThat(ARTICLE_SERVICE.received("GET /api/articles"))
                .anySatisfy(r -> assertThat(r.query()).isEqualTo("section=Army&limit=6"));
        assertThat(ARTICLE_SERVICE.received()).noneMatch(r -> r.path().contains("/comments"));
    }

    @Test
    void aClientsXRankingForwardedNeverReachesRankingService() {
        RANKING_SERVICE.on("GET /api/rankings/most-shared", Reply.json(200, RANKING));

        client.get().uri("/api/rankings/most-shared?section=all").header("X-Ranking-Forwarded", "true")
                .exchange().expectStatus().isOk();

        assertThat(RANKING_SERVICE.received("GET /api/rankings/most-shared")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("X-Ranking-Forwarded")).isNull());
    }

    @Test
    void aRoutedCallCarriesTheClientAddressTheRequestIdAndTheTraceWithTheGatewayAsParent() {
        TestArticle article = TestArticle.published("Navy", "Traced");
        servicesKnow(article, List.of());
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        EntityExchangeResult<byte[]> result = client.get().uri("/api/articles/" + article.id())
                .header("X-Request-Id", "req-4711").header("traceparent", traceparent)
                .header("X-Forwarded-For", "10.9.8.7, " + clientAddress)
                .exchange().expectStatus().isOk().expectBody().returnResult();

        assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo("req-4711");
        Downstream.Received received = ARTICLE_SERVICE.received("GET /api/articles/" + article.id()).get(0);
        assertThat(received.header("X-Forwarded-For")).as("one address: the client the gateway believes")
                .isEqualTo(clientAddress);
        assertThat(received.header("X-Request-Id")).isEqualTo("req-4711");
        assertThat(received.header("traceparent"))
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                .isNotEqualTo(traceparent);
    }

    @Test
    void aRequestWithoutIdOrTraceGetsBothAndTheIdComesBack() {
        TestArticle article = TestArticle.published("Navy", "Untraced");
        servicesKnow(article, List.of());

        EntityExchangeResult<byte[]> result = client.get().uri("/api/articles/" + article.id())
                .header("X-Request-Id", "not a valid id; <script>")
                .exchange().expectStatus().isOk().expectBody().returnResult();

        String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f]{32}");
        Downstream.Received received = ARTICLE_SERVICE.received("GET /api/articles/" + article.id()).get(0);
        assertThat(received.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(received.header("traceparent")).as("a trace of its own, sampled or not as the gateway decided")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void everyAnswerCarriesARequestIdPagesErrorsAndTheSiteIncluded() {
        for (String path : List.of("/api/pages/home", "/api/pages/article/unknownArticle", "/api/nothing-here", "/")) {
            client.get().uri(path).exchange().expectHeader().exists("X-Request-Id");
        }
        client.get().uri("/api/pages/home").header("X-Request-Id", "home-1").exchange()
                .expectHeader().valueEquals("X-Request-Id", "home-1");
    }

    @Test
    void anUnknownPathIs404AsProblemDetails() {
        client.get().uri("/api/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.detail").exists();
    }

    @Test
    void aRoutedCallToAStoppedServiceIs503AndToAHungOne504AsProblemDetails() {
        RANKING_SERVICE.stop();
        client.get().uri("/api/rankings/popular-now").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("/api/rankings"));
        RANKING_SERVICE.hang();
        client.get().uri("/api/rankings/must-reads").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aServiceThatDropsTheConnectionMidRequestIs503NotA500() {
        RANKING_SERVICE.reset();
        try {
            client.get().uri("/api/rankings/popular-now").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("cannot be reached"));
        } finally {
            RANKING_SERVICE.answer();
        }
    }

    @Test
    void listAnswersGetAnEtagAndCacheControlAndA304ForAMatchingIfNoneMatch() {
        RANKING_SERVICE.on("GET /api/rankings/popular-now", new Reply(200, "application/json", RANKING,
                java.util.Map.of("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate", "Pragma",
                        "no-cache")));

        EntityExchangeResult<byte[]> first = client.get().uri("/api/rankings/popular-now?section=all").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).startsWith("W/\"");
        assertThat(first.getResponseHeaders().getCacheControl())
                .isEqualTo("public, max-age=5, stale-while-revalidate=30");
        assertThat(first.getResponseHeaders().containsHeader("Pragma")).isFalse();
        assertThat(new String(first.getResponseBody())).isEqualTo(RANKING);

        client.get().uri("/api/rankings/popular-now?section=all").header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange().expectStatus().isNotModified().expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
        client.get().uri("/api/rankings/popular-now?section=all").header(HttpHeaders.IF_NONE_MATCH, "W/\"other\"")
                .exchange().expectStatus().isOk();
        client.get().uri("/api/rankings/popular-now?section=all")
                .header(HttpHeaders.AUTHORIZATION, "Bearer x").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
    }

    private String body(String path) {
        byte[] body = client.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody();
        return new String(body);
    }
}
