package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.gateway.GatewayIntegrationTest;
import news.gateway.support.Downstream.Reply;
import news.gateway.support.TestArticle;

/**
 * Reads the gateway cannot answer from its caches (article pages it has to assemble, routed reads) have a per-client
 * budget: past it, 429 problem details with {@code Retry-After}, and nothing more reaches a service. Pages in the page
 * cache, the home page and 404s the gateway already knows stay free; other clients and writes are not touched.
 */
class ReadLimitsTest extends GatewayIntegrationTest {

    @Test
    void aClientAssemblingPagePastItsBudgetGets429WhileCachedAnswersStayFree() {
        TestArticle cached = onThePlatform("Army", "In the page cache", List.of());
        clientFrom("203.0.113.7").get().uri(page(cached.id())).exchange().expectStatus().isOk();
        String knownMissing = randomId();
        assertThat(get(page(knownMissing)).status()).isEqualTo(404);

        List<String> assembled = new ArrayList<>();
        Timed refused = null;
        String refusedId = null;
        for (int i = 0; i < READ_BURST * 10 && refused == null; i++) {
            String id = randomId();
            Timed answer = get(page(id));
            if (answer.status() == 429) {
                refused = answer;
                refusedId = id;
            } else {
                assertThat(answer.status()).isEqualTo(404);
                assembled.add(id);
            }
        }

        assertThat(refused).as("a 429 within " + READ_BURST * 10 + " pages to assemble").isNotNull();
        assertThat(assembled.size() + 1).as("pages assembled before the 429").isGreaterThanOrEqualTo(READ_BURST);
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(refused.headers().getCacheControl()).isEqualTo("no-store");
        assertThat(Long.parseLong(refused.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(refused.json().path("status").asInt()).isEqualTo(429);
        assertThat(refused.json().path("detail").asString()).contains(clientAddress).contains("Retry after");
        assertThat(ARTICLE_SERVICE.received("GET /api/articles/" + refusedId)).as("the refused page").isEmpty();
        assertThat(COMMENT_SERVICE.received("GET /api/articles/" + refusedId + "/comments")).isEmpty();
        assertThat(assembled).allMatch(id -> ARTICLE_SERVICE.received("GET /api/articles/" + id).size() == 1);

        assertThat(get(page(cached.id())).status()).as("a page in the page cache").isEqualTo(200);
        assertThat(get("/api/pages/home").status()).as("the home page").isEqualTo(200);
        assertThat(get(page(knownMissing)).status()).as("a 404 the gateway knows").isEqualTo(404);
        assertThat(get("/api/rankings/list-" + randomId()).status()).as("a routed read: the same budget")
                .isEqualTo(429);
        assertThat(clientFrom("203.0.113.8").get().uri(page(randomId())).exchange().returnResult(byte[].class)
                .getStatus().value()).as("another client").isEqualTo(404);
    }

    @Test
    void aClientPastItsBudgetOfRoutedReadsGets429AndTheServiceSeesNoMore() {
        String list = "/api/rankings/list-" + randomId();
        RANKING_SERVICE.on("GET " + list, Reply.json(200, "{\"items\":[]}"));
        int answered = 0;
        Timed refused = null;
        for (int i = 0; i < READ_BURST * 10 && refused == null; i++) {
            Timed answer = get(list);
            if (answer.status() == 429) {
                refused = answer;
            } else {
                assertThat(answer.status()).isEqualTo(200);
                answered++;
            }
        }

        assertThat(refused).as("a 429 within " + READ_BURST * 10 + " reads").isNotNull();
        assertThat(answered).isGreaterThanOrEqualTo(READ_BURST);
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(Long.parseLong(refused.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(refused.json().path("status").asInt()).isEqualTo(429);
        assertThat(RANKING_SERVICE.received("GET " + list)).hasSize(answered);
        client.head().uri(list).exchange().expectStatus().isEqualTo(429);

        String view = "/api/articles/" + randomId() + "/views";
        ARTICLE_SERVICE.on("POST " + view, Reply.status(202));
        client.post().uri(view).exchange().expectStatus().isAccepted();
    }

    private static String page(String id) {
        return "/api/pages/article/" + id;
    }

    private static String randomId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private WebTestClient clientFrom(String address) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).defaultHeader("X-Forwarded-For", address).build();
    }
}
