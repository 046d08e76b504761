package news.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import news.gateway.GatewayIntegrationTest;
import news.gateway.readmodel.ArticleChanges;
import news.gateway.readmodel.Rankings;
import news.gateway.support.TestArticle;

/**
 * Degraded, not down: with any one service behind the gateway stopped (connection refused) or hung (a socket that
 * accepts and never answers), an article page still answers 200 without waiting for it, with the last good data or an
 * empty part, and names that part in {@code degraded}. Only an unknown article is 404.
 */
class DegradedPagesTest extends GatewayIntegrationTest {

    private final List<Timed> answers = new ArrayList<>();

    @Autowired
    private ArticleChanges changes;

    @BeforeEach
    void listsExist() {
        TestArticle a = TestArticle.published("Army", "Ranked story A");
        TestArticle b = TestArticle.published("Navy", "Ranked story B");
        publish(catalog, a, b);
        rank(Rankings.POPULAR_NOW, List.of(a, b));
        rank(Rankings.MUST_READS, List.of(b, a));
    }

    @Test
    void commentServiceStoppedGives200WithTheLastGoodCommentsMarkedDegraded() {
        TestArticle article = onThePlatform("Defense Industry", "Comments kept while comment-service is away", List.of("A comment worth keeping"));
        assertThat(page(article).degraded()).isEmpty();

        COMMENT_SERVICE.stop();
        EVENTS.commentPosted(article.id(), "Posted through another instance"); // the page must ask again

        Timed degraded = awaitDegraded(article, "comments");
        assertThat(degraded.status()).isEqualTo(200);
        assertThat(degraded.json().path("comments").path("count").asLong()).isEqualTo(1);
        assertThat(degraded.json().path("comments").path("items").get(0).path("text").asString())
                .isEqualTo("A comment worth keeping");
        assertThat(degraded.json().path("article").path("title").asString()).isEqualTo(article.title());
        assertEveryAnswerWithinBudget();
    }

    @Test
    void commentServiceHungGives200WithinBudgetWithEmptyCommentsWhenNoneWereEverFetched() {
        TestArticle article = onThePlatform("Defense Industry", "Comments never fetched", List.of("never seen"));
        COMMENT_SERVICE.hang();

        Timed page = degradedPage(article, "comments");

        assertThat(page.json().path("comments").path("count").asLong()).isZero();
        assertThat(page.json().path("comments").path("items")).isEmpty();
        assertThat(page.json().path("comments").path("maxLength").asInt()).isEqualTo(300);
        assertEveryAnswerWithinBudget();
    }

    @Test
    void articleServiceStoppedGives200WithTheArticleFromTheCatalogMarkedDegraded() {
        TestArticle article = onThePlatform("Defense Industry", "Served from news.article-events", List.of("still here"));
        ARTICLE_SERVICE.stop();

        Timed page = degradedPage(article, "article");

        assertThat(page.json().path("article").path("title").asString()).isEqualTo(article.title());
        assertThat(page.json().path("article").path("body").get(0).asString()).isEqualTo(article.body().get(0));
        assertThat(page.json().path("comments").path("count").asLong()).isEqualTo(1);
        assertThat(page.ids("popularNow")).isNotEmpty();
        assertEveryAnswerWithinBudget();
    }

    @Test
    void articleServiceHungGives200WithinBudgetWithTheArticleFromTheCatalog() {
        TestArticle article = onThePlatform("Defense Industry", "Served while article-service hangs", List.of());
        ARTICLE_SERVICE.hang();

        Timed page = degradedPage(article, "article");

        assertThat(page.json().path("article").path("id").asString()).isEqualTo(article.id());
        assertEveryAnswerWithinBudget();
    }

    @Test
    void articleServiceStoppedGivesTheLastGoodCopyOfAnArticleTheCatalogDoesNotKnow() {
        TestArticle onlyInTheService = TestArticle.published("Views", "Known to article-service only");
        servicesKnow(onlyInTheService, List.of());
        assertThat(page(onlyInTheService).degraded()).isEmpty();

        ARTICLE_SERVICE.stop();
        // the page must ask again; the article's event itself would put it in the catalog, which is not the case here
        changes.articleChanged(onlyInTheService.id());

        Timed degraded = awaitDegraded(onlyInTheService, "article");
        assertThat(degraded.json().path("article").path("title").asString()).isEqualTo(onlyInTheService.title());
        assertEveryAnswerWithinBudget();
    }

    @Test
    void bothServicesHungStillGive200WithBothPartsDegraded() {
        TestArticle article = published("Everything hangs but the page");
        ARTICLE_SERVICE.hang();
        COMMENT_SERVICE.hang();

        degradedPage(article, "article", "comments");

        assertEveryAnswerWithinBudget();
    }

    @Test
    void rankingServiceStoppedOrHungDoesNotTouchPagesTheirListsComeFromTheReadModels() {
        TestArticle article = onThePlatform("Defense Industry", "Pages need no ranking-service", List.of());
        RANKING_SERVICE.stop();
        Timed whileStopped = page(article);
        RANKING_SERVICE.hang();
        Timed whileHung = get("/api/pages/article/" + article.id());
        answers.add(whileHung);

        for (Timed page : List.of(whileStopped, whileHung)) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.degraded()).isEmpty();
            assertThat(page.ids("popularNow")).isNotEmpty();
            assertThat(page.ids("mustReads")).isNotEmpty();
        }
        assertThat(RANKING_SERVICE.received()).noneMatch(r -> r.path().contains(article.id()));
        assertEveryAnswerWithinBudget();
    }

    @Test
    void anArticleNeverSeenIs404QuicklyEvenWhileArticleServiceIsDown() {
        ARTICLE_SERVICE.stop();
        Timed stopped = get("/api/pages/article/NeverPublished" + System.nanoTime() % 100000);
        ARTICLE_SERVICE.hang();
        Timed hung = get("/api/pages/article/NeverPublishedEither" + System.nanoTime() % 100000);

        for (Timed page : List.of(stopped, hung)) {
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.headers().getContentType()).hasToString("application/problem+json");
            assertThat(page.took()).isLessThan(NO_WAITING);
        }
    }

    @Test
    void anArticleTheCatalogKnowsUnpublishedIs404WhileArticleServiceIsDown() {
        TestArticle withdrawn = published("Withdrawn story");
        publish(catalog, withdrawn.unpublished());
        ARTICLE_SERVICE.stop();

        Timed page = page(withdrawn);

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.json().path("detail").asString()).contains(withdrawn.id());
        assertEveryAnswerWithinBudget();
    }

    @Test
    void theArticleServiceCircuitOpensAfterRepeatedTimeoutsAndPagesStopWaitingForIt() {
        List<TestArticle> articles = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> articles.add(TestArticle.published("Army", "Breaker story " + i)));
        publish(catalog, articles.toArray(TestArticle[]::new));
        ARTICLE_SERVICE.hang();

        articles.forEach(this::page);

        CircuitBreaker breaker = circuitBreakers.circuitBreaker("article-service");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        ARTICLE_SERVICE.answer();
        TestArticle next = onThePlatform("Defense Industry", "Served at once with the circuit open", List.of());
        Timed page = page(next);
        assertThat(page.degraded()).containsExactly("article");
        assertThat(ARTICLE_SERVICE.received()).as("no call to article-service while its circuit is open")
                .noneMatch(r -> r.path().contains(next.id()));
        assertEveryAnswerWithinBudget();
    }

    private TestArticle published(String title) {
        TestArticle article = TestArticle.published("Defense Industry", title);
        publish(catalog, article);
        return article;
    }

    private Timed page(TestArticle article) {
        Timed page = get("/api/pages/article/" + article.id());
        answers.add(page);
        return page;
    }

    /** The page, answered 200 with exactly these parts degraded. */
    private Timed degradedPage(TestArticle article, String... parts) {
        Timed page = page(article);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.degraded()).containsExactly(parts);
        return page;
    }

    /** Asks for the page until the part shows degraded (the page cache keeps a page fresh for 100 ms here). */
    private Timed awaitDegraded(TestArticle article, String part) {
        List<Timed> last = new ArrayList<>();
        await(part + " degraded").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Timed page = page(article);
            last.add(0, page);
            return page.status() == 200 && page.degraded().contains(part);
        });
        return last.get(0);
    }

    private void assertEveryAnswerWithinBudget() {
        assertThat(answers).isNotEmpty().allSatisfy(page ->
                assertThat(page.took()).as("a degraded page does not wait for the failed service")
                        .isLessThan(NO_WAITING));
    }
}
