package news.ranking.topology;

import static news.ranking.topology.RankingDriver.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import news.ranking.rules.RankedEntry;
import news.ranking.rules.RankedList;

/** Popular Now as docs/product.md defines it, through the whole topology with explicit event times and a controlled wall clock. */
class PopularNowTest {

    private final RankingDriver ranking = new RankingDriver();

    @AfterEach
    void close() {
        ranking.close();
    }

    @Test
    void popularNowRanksArticlesByCountedViewsOfTheLastSixtyMinutes() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(3)));
        ranking.publish("army-1", "Army", START.minus(Duration.ofHours(2)));
        ranking.views("navy-1", 2, START.minusSeconds(60));
        ranking.views("army-1", 3, START.minusSeconds(30));

        ranking.clockAt(START.plusSeconds(1));

        RankedList list = ranking.popularNow("all");
        assertThat(list.list()).isEqualTo("popular-now");
        assertThat(list.section()).isEqualTo("all");
        assertThat(list.window()).isEqualTo("PT60M");
        assertThat(list.computedAt()).isEqualTo("2026-11-25T10:00:01.000Z");
        assertThat(ranking.ranked(list)).extracting(RankedEntry::articleId, RankedEntry::score)
                .containsExactly(tuple("army-1", 3L),
                        tuple("navy-1", 2L));
        RankedEntry first = list.entries().get(0);
        assertThat(first.title()).isEqualTo("Title of army-1");
        assertThat(first.section()).isEqualTo("Army");
        assertThat(first.publishedAt()).isEqualTo("2026-11-25T08:00:00.000Z");
        assertThat(first.fallback()).isFalse();
    }

    @Test
    void popularNowCountsAViewUpToExactlySixtyMinutesAfterItAndNoLonger() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.view("navy-1", "alice", START);
        ranking.view("navy-1", "bob", START.plusMillis(999));
        ranking.view("navy-1", "carol", START.minusMillis(1));

        ranking.clockAt(START.plus(Duration.ofMinutes(60)));
        assertThat(ranking.popularNow("all").computedAt()).isEqualTo("2026-11-25T11:00:00.000Z");
        assertThat(ranking.score(RankingDriver.POPULAR_NOW, "all", "navy-1"))
                .as("views at 10:00:00.000 and 10:00:00.999 are within [11:00:00 - 60 min, 11:00:00]; 09:59:59.999 is not")
                .isEqualTo(2L);

        ranking.clockAt(START.plus(Duration.ofMinutes(60)).plusSeconds(1));
        assertThat(ranking.popularNow("all").computedAt()).isEqualTo("2026-11-25T11:00:01.000Z");
        assertThat(ranking.ranked(ranking.popularNow("all"))).isEmpty();
    }

    @Test
    void popularNowCountsARepeatViewOnceWithin30Minutes() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.view("navy-1", "alice", START);
        ranking.view("navy-1", "alice", START.plus(Duration.ofMinutes(10)));
        ranking.view("navy-1", "alice", START.plus(Duration.ofMinutes(30)).minusMillis(1));

        ranking.clockAt(START.plus(Duration.ofMinutes(31)));

        assertThat(ranking.score(RankingDriver.POPULAR_NOW, "all", "navy-1")).isEqualTo(1L);
    }

    @Test
    void popularNowCountsARepeatViewAgainThirtyMinutesAfterTheReadersLastCountedView() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.view("navy-1", "alice", START);
        ranking.view("navy-1", "alice", START.plus(Duration.ofMinutes(20)));
        ranking.view("navy-1", "alice", START.plus(Duration.ofMinutes(30)));

        ranking.clockAt(START.plus(Duration.ofMinutes(31)));

        assertThat(ranking.score(RankingDriver.POPULAR_NOW, "all", "navy-1"))
                .as("10:00 counts, 10:20 does not, 10:30 is 30 minutes after the last counted view (10:00)")
                .isEqualTo(2L);
    }

    @Test
    void popularNowCountsRepeatViewsOfDifferentReadersAndArticlesSeparately() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.publish("navy-2", "Navy", START.minus(Duration.ofHours(2)));
        ranking.view("navy-1", "alice", START);
        ranking.view("navy-1", "bob", START.plusSeconds(1));
        ranking.view("navy-2", "alice", START.plusSeconds(2));

        ranking.clockAt(START.plusSeconds(3));

        assertThat(ranking.score(RankingDriver.POPULAR_NOW, "all", "navy-1")).isEqualTo(2L);
        assertThat(ranking.score(RankingDriver.POPULAR_NOW, "all", "navy-2")).isEqualTo(1L);
    }

    @Test
    void popularNowNeverCountsBotViews() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.botView("navy-1", "crawler-1", START);
        ranking.botView("navy-1", "crawler-2", START.plusSeconds(1));
        ranking.view("navy-1", "alice", START.plusSeconds(2));

        ranking.clockAt(START.plusSeconds(3));

        assertThat(ranking.score(RankingDriver.POPULAR_NOW, "all", "navy-1")).isEqualTo(1L);
        assertThat(ranking.counter("news.events.consumed", "topic", "news.article-views")).isEqualTo(3);
    }

    @Test
    void popularNowBreaksTiesByNewerPublishedAtThenByArticleId() {
        ranking.publish("b-newer", "Navy", START.minus(Duration.ofHours(1)));
        ranking.publish("c-older", "Navy", START.minus(Duration.ofHours(2)));
        ranking.publish("a-older", "Navy", START.minus(Duration.ofHours(2)));
        ranking.publish("d-most", "Navy", START.minus(Duration.ofHours(9)));
        for (String id : List.of("c-older", "a-older", "b-newer")) {
            ranking.views(id, 2, START);
        }
        ranking.views("d-most", 3, START);

        ranking.clockAt(START.plusSeconds(1));

        assertThat(ranking.rankedIds(ranking.popularNow("all")))
                .containsExactly("d-most", "b-newer", "a-older", "c-older");
    }

    @Test
    void popularNowIsRankedPerSectionAndForAll() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.publish("army-1", "Army", START.minus(Duration.ofHours(1)));
        ranking.publish("force-1", "air-force", START.minus(Duration.ofHours(1)));
        ranking.views("navy-1", 1, START);
        ranking.views("army-1", 2, START);
        ranking.views("force-1", 3, START);

        ranking.clockAt(START.plusSeconds(1));

        assertThat(ranking.rankedIds(ranking.popularNow("all"))).containsExactly("force-1", "army-1", "navy-1");
        assertThat(ranking.rankedIds(ranking.popularNow("Navy"))).containsExactly("navy-1");
        assertThat(ranking.rankedIds(ranking.popularNow("Army"))).containsExactly("army-1");
        assertThat(ranking.ranked(ranking.popularNow("Air Force")))
                .as("a section spelled as a slug is listed under its configured name")
                .extracting(RankedEntry::articleId, RankedEntry::section)
                .containsExactly(tuple("force-1", "Air Force"));
        assertThat(ranking.popularNow("Policy").entries()).as("a configured section without articles").isEmpty();
    }

    @Test
    void popularNowFillsAShortListWithTheNewestPublishedArticlesMarkedFallback() {
        ranking.publish("old", "Navy", START.minus(Duration.ofHours(30)));
        ranking.publish("newest", "Navy", START.minus(Duration.ofHours(1)));
        ranking.publish("newer", "Navy", START.minus(Duration.ofHours(2)));
        ranking.publish("viewed", "Navy", START.minus(Duration.ofHours(40)));
        ranking.views("viewed", 1, START);

        ranking.clockAt(START.plusSeconds(1));

        assertThat(ranking.popularNow("all").entries())
                .extracting(RankedEntry::articleId, RankedEntry::score, RankedEntry::fallback)
                .containsExactly(
                        tuple("viewed", 1L, false),
                        tuple("newest", 0L, true),
                        tuple("newer", 0L, true),
                        tuple("old", 0L, true));
    }

    @Test
    void popularNowKeepsAtMostTheConfiguredListSize() {
        for (int i = 0; i < 60; i++) {
            ranking.publish("article-" + i, "Navy", START.minus(Duration.ofMinutes(100 + i)));
            ranking.views("article-" + i, 1 + i % 3, START);
        }

        ranking.clockAt(START.plusSeconds(1));

        RankedList list = ranking.popularNow("all");
        assertThat(list.entries()).hasSize(50).noneMatch(RankedEntry::fallback);
        assertThat(list.entries().get(0).articleId()).as("3 views, newest").isEqualTo("article-2");
        assertThat(list.entries().get(49).articleId()).as("1 view, the 10th newest of those").isEqualTo("article-27");
    }

    @Test
    void viewsThatArriveBeforeTheirArticleCountOnceItIsPublished() {
        ranking.views("early", 2, START);
        ranking.clockAt(START.plusSeconds(1));
        assertThat(ranking.ranked(ranking.popularNow("all"))).isEmpty();

        ranking.publish("early", "Navy", START.minus(Duration.ofMinutes(5)));
        ranking.clockAt(START.plusSeconds(2));

        assertThat(ranking.score(RankingDriver.POPULAR_NOW, "all", "early")).isEqualTo(2L);
    }

}
