package news.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import news.gateway.GatewayIntegrationTest;
import news.gateway.readmodel.Rankings;
import news.gateway.support.TestArticle;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/pages/article/{id}} with every service up: the page API of docs/product.md and its list rules. */
class ArticlePageTest extends GatewayIntegrationTest {

    @Test
    void anArticlePageHasExactlyTheShapeOfTheContract() {
        TestArticle article = TestArticle.published("Navy", "Navy commissions a destroyer");
        TestArticle other = TestArticle.published("Army", "Army tests a laser");
        publish(catalog, article, other);
        rank(Rankings.POPULAR_NOW, List.of(other));
        rank(Rankings.MUST_READS, List.of(other));
        servicesKnow(article, List.of("First!", "Well written."));

        Timed page = get("/api/pages/article/" + article.id());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().getContentType()).hasToString("application/json");
        JsonNode json = page.json();
        assertThat(fields(json)).containsExactly("article", "comments", "lists", "degraded", "generatedAt");
        assertThat(fields(json.path("article"))).containsExactly("id", "slug", "title", "section", "source",
                "byline", "body", "tags", "editorPick", "publishedAt", "updatedAt");
        assertThat(json.path("article").path("id").asString()).isEqualTo(article.id());
        assertThat(json.path("article").path("title").asString()).isEqualTo("Navy commissions a destroyer");
        assertThat(fields(json.path("article").path("byline"))).containsExactly("name", "email");
        assertThat(json.path("article").path("body")).hasSize(2);
        assertThat(json.path("article").path("publishedAt").asString()).isEqualTo(article.publishedAt().toString());
        assertThat(fields(json.path("comments"))).containsExactly("count", "maxLength", "items", "next");
        assertThat(json.path("comments").path("count").asLong()).isEqualTo(2);
        assertThat(json.path("comments").path("maxLength").asInt()).isEqualTo(300);
        assertThat(json.path("comments").path("next").isNull()).isTrue();
        assertThat(fields(json.path("comments").path("items").get(0)))
                .containsExactly("id", "articleId", "author", "text", "postedAt");
        assertThat(json.path("comments").path("items").get(0).path("text").asString()).isEqualTo("First!");
        assertThat(fields(json.path("lists"))).containsExactly("latestStories", "justIn", "popularNow", "mustReads");
        json.path("lists").forEach(list -> list.forEach(headline ->
                assertThat(fields(headline)).containsExactly("id", "title", "section", "publishedAt")));
        assertThat(json.path("degraded").isArray()).isTrue();
        assertThat(page.degraded()).isEmpty();
        assertThat(java.time.Instant.parse(json.path("generatedAt").asString())).isBeforeOrEqualTo(java.time.Instant.now());
    }

    @Test
    void listsFollowThePageRulesCurrentArticleExcludedEachHeadlineOnceInPriorityOrder() {
        List<TestArticle> navy = new ArrayList<>();
        List<TestArticle> army = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> navy.add(TestArticle.published("Navy", "Navy story " + i)));
        IntStream.range(0, 20).forEach(i -> army.add(TestArticle.published("Army", "Army story " + i)));
        publish(catalog, navy.toArray(TestArticle[]::new));
        publish(catalog, army.toArray(TestArticle[]::new));
        TestArticle current = navy.get(0);
        rank(Rankings.POPULAR_NOW, List.of(current, navy.get(1), army.get(1), army.get(2), army.get(3), army.get(4),
                army.get(5), army.get(6)));
        rank(Rankings.MUST_READS, List.of(army.get(1), navy.get(2), army.get(7), army.get(8), army.get(9),
                army.get(10), army.get(11)));
        servicesKnow(current, List.of());

        Timed page = get("/api/pages/article/" + current.id());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.ids("popularNow")).as("Popular Now without the current article")
                .containsExactly(ids(navy.get(1), army.get(1), army.get(2), army.get(3), army.get(4), army.get(5)));
        assertThat(page.ids("mustReads")).as("Must-Reads without what Popular Now shows")
                .containsExactly(ids(navy.get(2), army.get(7), army.get(8), army.get(9), army.get(10), army.get(11)));
        assertThat(page.ids("latestStories")).as("Latest Stories: the newest of the article's section left")
                .containsExactly(ids(navy.get(9), navy.get(8), navy.get(7), navy.get(6), navy.get(5), navy.get(4)));
        assertThat(page.ids("justIn")).as("Just In: the newest of all sections left")
                .containsExactly(ids(army.get(19), army.get(18), army.get(17), army.get(16), army.get(15),
                        army.get(14)));
        Set<String> seen = new HashSet<>();
        for (String list : List.of("popularNow", "mustReads", "latestStories", "justIn")) {
            assertThat(page.ids(list)).hasSize(6).doesNotContain(current.id());
            page.ids(list).forEach(id -> assertThat(seen.add(id)).as("%s appears in one list only", id).isTrue());
        }
        page.json().path("lists").path("latestStories")
                .forEach(h -> assertThat(h.path("section").asString()).isEqualTo("Navy"));
    }

    @Test
    void anArticleUnpublishedSinceTheRankingWasComputedLeavesTheListsAtOnce() {
        TestArticle current = TestArticle.published("Policy", "Budget passes");
        TestArticle gone = TestArticle.published("Policy", "Story to be withdrawn");
        TestArticle stays = TestArticle.published("Policy", "Story that stays");
        publish(catalog, current, gone, stays);
        rank(Rankings.POPULAR_NOW, List.of(gone, stays));
        publish(catalog, gone.unpublished());
        servicesKnow(current, List.of());

        Timed page = get("/api/pages/article/" + current.id());

        assertThat(page.ids("popularNow")).startsWith(stays.id()).doesNotContain(gone.id());
        page.json().path("lists").forEach(list -> list.forEach(h ->
                assertThat(h.path("id").asString()).isNotEqualTo(gone.id())));
    }

    @Test
    void theHomePageHasItsThreeListsAndTheLatestOfEverySection() {
        List<TestArticle> older = new ArrayList<>();
        IntStream.range(0, 6).forEach(i -> older.add(TestArticle.published("Policy", "Older story " + i)));
        List<TestArticle> picks = new ArrayList<>();
        IntStream.range(0, 6).forEach(i -> picks.add(TestArticle.published("Views", "Must read " + i)));
        publish(catalog, older.toArray(TestArticle[]::new));
        publish(catalog, picks.toArray(TestArticle[]::new));
        TestArticle army = TestArticle.published("Army", "Army home story");
        TestArticle navy = TestArticle.published("Navy", "Navy home story");
        publish(catalog, army, navy);
        rank(Rankings.POPULAR_NOW, List.of(navy, army));
        List<TestArticle> mustReads = new ArrayList<>(List.of(army));
        mustReads.addAll(picks);
        rank(Rankings.MUST_READS, mustReads);
        TestArticle shared = TestArticle.published("Navy", "Most shared home story");
        publish(catalog, shared);
        rank("most-shared", List.of(shared, navy));

        Timed home = get("/api/pages/home");

        assertThat(home.status()).isEqualTo(200);
        assertThat(fields(home.json())).containsExactly("lists", "sections", "degraded", "generatedAt");
        assertThat(fields(home.json().path("lists"))).containsExactly("justIn", "popularNow", "mustReads",
                "mostShared");
        assertThat(home.ids("mostShared")).as("Most Shared after the lists before it took their picks")
                .startsWith(shared.id());
        assertThat(home.ids("popularNow")).startsWith(navy.id(), army.id());
        assertThat(home.ids("mustReads")).containsExactly(ids(picks.toArray(TestArticle[]::new)));
        assertThat(home.ids("justIn")).as("the newest headlines no other list shows")
                .containsExactly(ids(older.get(5), older.get(4), older.get(3), older.get(2), older.get(1),
                        older.get(0)));
        List<String> sections = new ArrayList<>();
        home.json().path("sections").forEach(s -> sections.add(s.path("section").asString()));
        assertThat(sections).containsExactly("Views", "Army", "Navy", "Air Force", "Defense Industry", "North Korea",
                "Policy");
        JsonNode armySection = home.json().path("sections").get(1);
        assertThat(fields(armySection)).containsExactly("section", "latest");
        assertThat(armySection.path("latest").get(0).path("id").asString()).isEqualTo(army.id());
        assertThat(home.degraded()).isEmpty();
    }

    @Test
    void anUnknownArticleIs404AsProblemDetails() {
        Timed page = get("/api/pages/article/NoSuchArticle1");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.headers().getContentType()).hasToString("application/problem+json");
        assertThat(page.json().path("status").asInt()).isEqualTo(404);
        assertThat(page.json().path("detail").asString()).contains("NoSuchArticle1");
        assertThat(get("/api/pages/article/not%20an%20id").status()).isEqualTo(404);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static String[] ids(TestArticle... articles) {
        return java.util.Arrays.stream(articles).map(TestArticle::id).toArray(String[]::new);
    }
}
