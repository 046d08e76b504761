package news.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * A page rebuilt every second asks the services only when the events say its article or its comments changed, or
 * when the copy is older than {@code parts-fresh-for}: the copy fetched before a change, or at the instant of it, is
 * never taken again. Time moves by hand ({@link ArticleChanges}' clock).
 */
class PartsFollowTheEventsTest {

    private static final Downstream ARTICLES = Downstream.start("article-service");
    private static final Downstream COMMENTS = Downstream.start("comment-service");
    private static final Duration PARTS_FRESH_FOR = Duration.ofSeconds(30);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final ArticleChanges changes = new ArticleChanges(Duration.ofMinutes(1), 1000, clock::get);
    private final ArticleCatalog catalog = new ArticleCatalog();
    private PageParts parts;
    private TestArticle article;

    @AfterAll
    static void stop() {
        ARTICLES.close();
        COMMENTS.close();
    }

    @BeforeEach
    void partsOfOneArticle() {
        parts = parts(PARTS_FRESH_FOR);
        article = TestArticle.published("Navy", "Followed by its events");
        servicesKnow(article, "First title", List.of("first comment"));
        later(Duration.ofMillis(1)); // after the gateway started: ArticleChanges counts everything before as changed
    }

    @Test
    void unchangedPartsAreTakenFromTheirCopiesWithoutACall() {
        assertPage("First title", 1);
        for (int i = 0; i < 20; i++) {
            later(Duration.ofSeconds(1));
            assertPage("First title", 1);
        }

        assertThat(articleCalls()).isEqualTo(1);
        assertThat(commentCalls()).isEqualTo(1);
    }

    @Test
    void aCommentEventFetchesTheCommentsAgainAndOnlyThem() {
        assertPage("First title", 1);
        later(Duration.ofSeconds(1));
        servicesKnow(article, "First title", List.of("second comment", "first comment"));
        changes.commentsChanged(article.id());
        later(Duration.ofMillis(1));

        assertPage("First title", 2);
        assertPage("First title", 2);
        assertThat(commentCalls()).isEqualTo(2);
        assertThat(articleCalls()).isEqualTo(1);
    }

    @Test
    void anArticleEventFetchesTheArticleAgainAndOnlyIt() {
        assertPage("First title", 1);
        later(Duration.ofSeconds(1));
        servicesKnow(article, "Second title", List.of("first comment"));
        changes.articleChanged(article.id());
        later(Duration.ofMillis(1));

        assertPage("Second title", 1);
        assertPage("Second title", 1);
        assertThat(articleCalls()).isEqualTo(2);
        assertThat(commentCalls()).isEqualTo(1);
    }

    @Test
    void aChangeSeenAtTheInstantOfTheFetchCountsAsAfterIt() {
        changes.commentsChanged(article.id());
        assertPage("First title", 1);
        assertPage("First title", 1);

        assertThat(commentCalls()).as("the copy fetched at the instant of the change is not current").isEqualTo(2);
        later(Duration.ofMillis(1));
        assertPage("First title", 1);
        assertThat(commentCalls()).isEqualTo(3);
        assertPage("First title", 1);
        assertThat(commentCalls()).isEqualTo(3);
    }

    @Test
    void aCopyOlderThanPartsFreshForIsFetchedAgainEvenWithoutAnEvent() {
        assertPage("First title", 1);
        servicesKnow(article, "Quietly retitled", List.of("a", "b", "c"));
        later(PARTS_FRESH_FOR.minusMillis(1));
        assertPage("First title", 1);

        later(Duration.ofMillis(1));
        assertPage("Quietly retitled", 3);
        assertThat(articleCalls()).isEqualTo(2);
        assertThat(commentCalls()).isEqualTo(2);
    }

    @Test
    void zeroPartsFreshForFetchesBothPartsEveryTime() {
        parts = parts(Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            later(Duration.ofMillis(1));
            assertPage("First title", 1);
        }

        assertThat(articleCalls()).isEqualTo(3);
        assertThat(commentCalls()).isEqualTo(3);
    }

    private void assertPage(String title, int comments) {
        PageParts.ArticlePart articlePart = parts.article(article.id(), Correlation.fresh()).block();
        PageParts.CommentsPart commentsPart = parts.comments(article.id(), Correlation.fresh()).block();
        assertThat(articlePart.found()).isEqualTo(PageParts.Found.FOUND);
        assertThat(articlePart.degraded()).isFalse();
        assertThat(articlePart.article().title()).isEqualTo(title);
        assertThat(commentsPart.degraded()).isFalse();
        assertThat(commentsPart.comments().count()).isEqualTo(comments);
    }

    private void later(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    private int articleCalls() {
        return ARTICLES.received("GET /api/articles/" + article.id()).size();
    }

    private int commentCalls() {
        return COMMENTS.received("GET /api/articles/" + article.id() + "/comments").size();
    }

    private static void servicesKnow(TestArticle article, String title, List<String> comments) {
        ARTICLES.on("GET /api/articles/" + article.id(),
                Downstream.Reply.json(200, article.retitled(title).readerJson()));
        COMMENTS.on("GET /api/articles/" + article.id() + "/comments",
                Downstream.Reply.json(200, article.commentsJson(comments)));
    }

    private PageParts parts(Duration partsFreshFor) {
        return new PageParts(WebClient.builder().baseUrl(ARTICLES.url()).build(),
                WebClient.builder().baseUrl(COMMENTS.url()).build(), CircuitBreaker.ofDefaults("article-service"),
                CircuitBreaker.ofDefaults("comment-service"), catalog, changes, () -> true,
                new UnknownArticles(Duration.ofSeconds(30), 100, catalog), settings(partsFreshFor),
                PageConfiguration.pageJson());
    }

    private static GatewayProperties.Pages settings(Duration partsFreshFor) {
        // timeouts no busy test machine reaches: every part here is answered by its service
        return new GatewayProperties.Pages(Duration.ofSeconds(30), Duration.ofSeconds(30), 20, 300, 6,
                Duration.ofSeconds(1), Duration.ofSeconds(30), partsFreshFor, Duration.ofHours(6),
                DataSize.ofMegabytes(1), Duration.ofSeconds(30), 100, DataSize.ofMegabytes(1), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Map.of());
    }
}
