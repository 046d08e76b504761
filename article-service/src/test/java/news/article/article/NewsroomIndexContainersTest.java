package news.article.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.data.mongodb.core.query.Query;
import org.testcontainers.junit.jupiter.Testcontainers;

import news.testsupport.InfrastructureMode;
import news.testsupport.NewsContainers;
import news.testsupport.UseNewsInfrastructure;

/**
 * On a real MongoDB, the planner answers every shape of the newsroom list from its index (no collection scan), with
 * enough articles stored that the best plan must win the planner's trial. Skipped where Docker is absent.
 */
@Testcontainers(disabledWithoutDocker = true)
@UseNewsInfrastructure(InfrastructureMode.CONTAINERS)
@ImportTestcontainers(NewsContainers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomIndexContainersTest extends NewsroomIndexTest {

    static final Editor EVE = new Editor("eve", "Eve Moreau");
    static final List<String> SECTIONS = List.of("Views", "Army", "Navy", "Air Force");

    @BeforeAll
    void storeEnoughArticlesForThePlannerToChoose() {
        Instant t0 = Instant.parse("2026-11-25T08:00:00Z");
        for (int i = 0; i < 400; i++) {
            String section = SECTIONS.get(i % SECTIONS.size());
            ArticleContent content = new ArticleContent("Report number " + i + (i % 97 == 0 ? " navy minehunter" : ""),
                    section, "Defense Wire", new Byline("Mina Park", "mina@example.com"), List.of("Para."), List.of());
            Article.Change created = Article.create("idx" + i, "idx-" + i, content, i % 3 == 0, false, EVE,
                    t0.plusSeconds(i));
            mongo.insert(ArticleDocument.of(created.article(), created.entry().orElseThrow(), List.of()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void theRealPlannerAnswersEachShapeFromItsIndex(String name, NewsroomQuery newsroom, String index,
                                                   List<String> keys) {
        Query query = store.newestChangesQuery(newsroom, Optional.empty());
        Document explained = mongo.getCollection(ArticleDocument.COLLECTION).find(query.getQueryObject())
                .sort(query.getSortObject()).limit(20).explain();
        String winning = explained.get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();

        assertThat(winning).as(name).contains("IXSCAN").contains("\"indexName\": \"" + index + "\"")
                .doesNotContain("COLLSCAN");
    }
}
