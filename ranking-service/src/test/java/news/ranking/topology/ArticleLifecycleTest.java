package news.ranking.topology;

import static news.ranking.topology.RankingDriver.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import news.ranking.rules.ListKind;
import news.ranking.rules.RankedEntry;

/** What article changes do to the lists: unpublishing, republishing, moving section, stale versions. */
class ArticleLifecycleTest {

    private final RankingDriver ranking = new RankingDriver();

    @AfterEach
    void close() {
        ranking.close();
    }

    @Test
    void anUnpublishedArticleLeavesEveryListAtTheNextComputation() {
        ranking.pick("navy-1", "Navy", START.minus(Duration.ofHours(1)), START.minus(Duration.ofMinutes(5)));
        ranking.publish("navy-2", "Navy", START.minus(Duration.ofHours(2)));
        ranking.views("navy-1", 3, START);
        ranking.clockAt(START.plusSeconds(1));
        for (ListKind kind : ranking.kinds()) {
            assertThat(ranking.list(kind, "Navy").entries()).extracting(RankedEntry::articleId).contains("navy-1");
        }

        ranking.unpublish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.advance(ranking.properties.emitInterval());

        for (ListKind kind : ranking.kinds()) {
            for (String section : new String[] {"Navy", "all"}) {
                assertThat(ranking.list(kind, section).entries()).as("%s|%s", kind, section)
                        .extracting(RankedEntry::articleId).containsExactly("navy-2");
            }
        }
    }

    @Test
    void aRepublishedArticleReturnsWithTheViewsItKeptCounting() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.views("navy-1", 2, START);
        ranking.unpublish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.view("navy-1", "late-reader", START.plusSeconds(1));
        ranking.clockAt(START.plusSeconds(2));
        assertThat(ranking.popularNow("all").entries()).isEmpty();

        ranking.article("navy-1", "Navy", "Title of navy-1", true, START.minus(Duration.ofHours(1)), false, null);
        ranking.clockAt(START.plusSeconds(3));

        assertThat(ranking.score(RankingDriver.POPULAR_NOW, "all", "navy-1")).isEqualTo(3L);
    }

    @Test
    void anArticleMovedToAnotherSectionMovesBetweenTheSectionLists() {
        ranking.publish("moving", "Navy", START.minus(Duration.ofHours(1)));
        ranking.views("moving", 2, START);
        ranking.clockAt(START.plusSeconds(1));
        assertThat(ranking.rankedIds(ranking.popularNow("Navy"))).containsExactly("moving");

        ranking.article("moving", "Army", "Title of moving", true, START.minus(Duration.ofHours(1)), false, null);
        ranking.clockAt(START.plusSeconds(2));

        assertThat(ranking.popularNow("Navy").entries()).isEmpty();
        assertThat(ranking.mustReads("Navy").entries()).isEmpty();
        assertThat(ranking.popularNow("Army").entries()).extracting(RankedEntry::articleId, RankedEntry::section,
                RankedEntry::score).containsExactly(tuple("moving", "Army", 2L));
        assertThat(ranking.popularNow("all").entries()).extracting(RankedEntry::section).containsExactly("Army");
    }

    @Test
    void anOlderOrRepeatedArticleVersionChangesNothing() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.send(ranking.topics.articleEvents(), news.ranking.TestEvents.article("navy-1", "Navy", "Newest title",
                true, START.minus(Duration.ofHours(1)), false, null, 5));
        ranking.send(ranking.topics.articleEvents(), news.ranking.TestEvents.article("navy-1", "Navy", "Older title",
                true, START.minus(Duration.ofHours(1)), false, null, 4));
        ranking.send(ranking.topics.articleEvents(), news.ranking.TestEvents.article("navy-1", "Navy", "Same version",
                false, START.minus(Duration.ofHours(1)), false, null, 5));

        ranking.clockAt(START.plusSeconds(1));

        assertThat(ranking.popularNow("all").entries()).extracting(RankedEntry::title).containsExactly("Newest title");
    }

    @Test
    void pickingAnArticleMovesItToTheTopOfMustReadsAndUnpickingMovesItBack() {
        ranking.publish("quiet", "Navy", START.minus(Duration.ofHours(1)));
        ranking.publish("busy", "Navy", START.minus(Duration.ofHours(1)));
        ranking.views("busy", 5, START);
        ranking.clockAt(START.plusSeconds(1));
        assertThat(ranking.mustReads("all").entries()).extracting(RankedEntry::articleId)
                .containsExactly("busy", "quiet");

        ranking.article("quiet", "Navy", "Title of quiet", true, START.minus(Duration.ofHours(1)), true,
                START.plusSeconds(1));
        ranking.clockAt(START.plusSeconds(2));
        assertThat(ranking.mustReads("all").entries()).extracting(RankedEntry::articleId, RankedEntry::fallback)
                .containsExactly(tuple("quiet", false), tuple("busy", false));

        ranking.article("quiet", "Navy", "Title of quiet", true, START.minus(Duration.ofHours(1)), false, null);
        ranking.clockAt(START.plusSeconds(3));
        assertThat(ranking.mustReads("all").entries()).extracting(RankedEntry::articleId, RankedEntry::fallback)
                .containsExactly(tuple("busy", false), tuple("quiet", true));
    }
}
