package news.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import news.gateway.GatewayIntegrationTest;
import news.gateway.support.TestArticle;

/**
 * HTTP caching of pages: a weak ETag over the content (not over {@code generatedAt}), {@code Cache-Control} with
 * {@code max-age} and {@code stale-while-revalidate}, 304 for a matching {@code If-None-Match}; and the gateway's
 * own page cache, which rebuilds a page about once per {@code fresh-for} however many requests come.
 */
class PageCachingTest extends GatewayIntegrationTest {

    @Test
    void aPageHasAWeakEtagAndCacheControlAndAMatchingIfNoneMatchGets304() {
        TestArticle article = onThePlatform("Army", "Cached page", List.of("one"));

        Timed page = get("/api/pages/article/" + article.id());

        String etag = page.headers().getETag();
        assertThat(etag).matches("W/\"[0-9a-f]{24}\"");
        assertThat(page.headers().getCacheControl()).isEqualTo("public, max-age=5, stale-while-revalidate=30");
        client.get().uri("/api/pages/article/" + article.id()).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectHeader().exists("X-Request-Id")
                .expectBody().isEmpty();
        client.get().uri("/api/pages/article/" + article.id()).header(HttpHeaders.IF_NONE_MATCH, "W/\"a\", " + etag)
                .exchange().expectStatus().isNotModified();
        client.get().uri("/api/pages/article/" + article.id()).header(HttpHeaders.IF_NONE_MATCH, "W/\"stale\"")
                .exchange().expectStatus().isOk();
    }

    @Test
    void aRebuiltPageWithTheSameContentKeepsItsEtagAndNewContentGetsANewOne() {
        TestArticle article = onThePlatform("Navy", "Rebuilt page", List.of("first comment"));
        Timed first = get("/api/pages/article/" + article.id());
        String generatedAt = first.json().path("generatedAt").asString();

        Timed rebuilt = awaitPage(article, p -> !p.json().path("generatedAt").asString().equals(generatedAt));
        assertThat(rebuilt.headers().getETag()).isEqualTo(first.headers().getETag());

        servicesKnow(article, List.of("second comment", "first comment"));
        EVENTS.commentPosted(article.id(), "second comment");
        Timed changed = awaitPage(article, p -> p.json().path("comments").path("count").asLong() == 2);
        assertThat(changed.headers().getETag()).isNotEqualTo(first.headers().getETag());
        client.get().uri("/api/pages/article/" + article.id())
                .header(HttpHeaders.IF_NONE_MATCH, first.headers().getETag()).exchange().expectStatus().isOk();
    }

    @Test
    void theHomePageHasAnEtagToo() {
        Timed home = get("/api/pages/home");

        assertThat(home.headers().getETag()).startsWith("W/\"");
        assertThat(home.headers().getCacheControl()).contains("max-age=5").contains("stale-while-revalidate=30");
        client.get().uri("/api/pages/home").header(HttpHeaders.IF_NONE_MATCH, home.headers().getETag()).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void manyRequestsForOnePageCostTheServicesAboutOneCallPerFreshPeriod() {
        TestArticle article = onThePlatform("Policy", "Popular page", List.of());
        String path = "GET /api/articles/" + article.id();

        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            client.get().uri("/api/pages/article/" + article.id()).exchange().expectStatus().isOk();
        }
        long tenthsOfASecond = Duration.ofNanos(System.nanoTime() - started).toMillis() / 100;

        assertThat(ARTICLE_SERVICE.received(path).size()).as("article-service calls for 100 page requests")
                .isBetween(1, (int) tenthsOfASecond + 2);
    }

    private Timed awaitPage(TestArticle article, java.util.function.Predicate<Timed> condition) {
        Timed[] last = new Timed[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = get("/api/pages/article/" + article.id());
            return condition.test(last[0]);
        });
        return last[0];
    }
}
