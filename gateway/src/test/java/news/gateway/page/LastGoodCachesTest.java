package news.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import news.gateway.GatewayProperties;
import news.gateway.edge.Correlation;
import news.gateway.readmodel.ArticleCatalog;
import news.gateway.readmodel.ArticleChanges;
import news.gateway.support.Downstream;
import news.gateway.support.TestArticle;

/**
 * The last-good caches are bounded in bytes, not only in time: a flood of distinct existing articles (each answered,
 * so each worth keeping) evicts copies and never grows them past {@code last-good-size}.
 */
class LastGoodCachesTest {

    private static final Downstream ARTICLES = Downstream.start("article-service");
    private static final Downstream COMMENTS = Downstream.start("comment-service");
    private static final DataSize BOUND = DataSize.ofKilobytes(8);

    @AfterAll
    static void stop() {
        ARTICLES.close();
        COMMENTS.close();
    }

    @Test
    void aFloodOfDistinctArticlesNeverGrowsTheLastGoodCachesPastTheirSize() {
        ArticleCatalog catalog = new ArticleCatalog();
        PageParts parts = new PageParts(WebClient.builder().baseUrl(ARTICLES.url()).build(),
                WebClient.builder().baseUrl(COMMENTS.url()).build(), CircuitBreaker.ofDefaults("article-service"),
                CircuitBreaker.ofDefaults("comment-service"), catalog,
                new ArticleChanges(Duration.ofSeconds(30), 1000), () -> true,
                new UnknownArticles(Duration.ofSeconds(30), 100, catalog), settings(), PageConfiguration.pageJson());
        int flood = 100;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < flood; i++) {
            TestArticle article = TestArticle.published("Army", "Flood " + i);
            ARTICLES.on("GET /api/articles/" + article.id(), Downstream.Reply.json(200, article.readerJson()));
            COMMENTS.on("GET /api/articles/" + article.id() + "/comments",
                    Downstream.Reply.json(200, article.commentsJson(List.of("a comment of " + i, "and another"))));
            ids.add(article.id());
        }

        for (String id : ids) {
            assertThat(parts.article(id, Correlation.fresh()).block().found()).isEqualTo(PageParts.Found.FOUND);
            assertThat(parts.comments(id, Correlation.fresh()).block().degraded()).isFalse();
        }

        PageParts.Held held = parts.held();
        assertThat(held.articleBytes()).isPositive().isLessThanOrEqualTo(BOUND.toBytes());
        assertThat(held.commentBytes()).isPositive().isLessThanOrEqualTo(BOUND.toBytes());
        assertThat(held.articles()).isBetween(1L, flood / 4L);
        assertThat(held.comments()).isBetween(1L, flood / 4L);
    }

    private static GatewayProperties.Pages settings() {
        // timeouts no busy test machine reaches: every part here is answered by its service
        return new GatewayProperties.Pages(Duration.ofSeconds(30), Duration.ofSeconds(30), 20, 300, 6,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofHours(6), BOUND, Duration.ofSeconds(30),
                100, DataSize.ofMegabytes(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Map.of());
    }
}
