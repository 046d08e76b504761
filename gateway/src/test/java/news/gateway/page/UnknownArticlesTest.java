package news.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import news.gateway.GatewayIntegrationTest;
import news.gateway.support.TestArticle;

/**
 * An article id article-service answered 404 for is answered 404 without any service call for
 * {@code not-found-for} (the page cache's background rebuilds included), until the read model sees it published;
 * and ids that name no article leave nothing in the last-good caches.
 */
class UnknownArticlesTest extends GatewayIntegrationTest {

    @Autowired
    PageParts parts;

    @Test
    void anUnknownIdCostsTheServicesOneCallThenIs404FromTheGatewayUntilItIsPublished() {
        TestArticle article = TestArticle.published("Navy", "Published after its 404");
        String page = "/api/pages/article/" + article.id();
        String articleCall = "GET /api/articles/" + article.id();
        String commentsCall = "GET /api/articles/" + article.id() + "/comments";

        assertThat(get(page).status()).isEqualTo(404);
        assertThat(ARTICLE_SERVICE.received(articleCall)).hasSize(1);

        // many fresh-for periods (100 ms here): without the negative cache every period's rebuild calls both services
        await("404s without a service call").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    Timed answer = get(page);
                    return answer.status() == 404
                            && answer.headers().getContentType().toString().equals("application/problem+json")
                            && answer.json().path("detail").asString().contains(article.id())
                            && ARTICLE_SERVICE.received(articleCall).size() == 1
                            && COMMENT_SERVICE.received(commentsCall).size() == 1;
                });

        servicesKnow(article, List.of("First!"));
        publish(catalog, article);
        Timed published = awaitPage(page, 200, Duration.ofSeconds(30));
        assertThat(published.json().path("article").path("title").asString()).isEqualTo(article.title());
    }

    @Test
    void aFloodOfUnknownIdsLeavesNothingInTheLastGoodCaches() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = TestArticle.published("Army", "never").id();
            ids.add(id);
            assertThat(get("/api/pages/article/" + id).status()).isEqualTo(404);
        }

        assertThat(ids).noneMatch(parts::keeps);
        assertThat(ids).allMatch(id -> COMMENT_SERVICE.received("GET /api/articles/" + id + "/comments").size() == 1);
    }

    private Timed awaitPage(String path, int status, Duration within) {
        Timed[] last = new Timed[1];
        await(path + " answering " + status).atMost(within).pollInterval(Duration.ofMillis(50)).until(() -> {
            last[0] = get(path);
            return last[0].status() == status;
        });
        return last[0];
    }
}
