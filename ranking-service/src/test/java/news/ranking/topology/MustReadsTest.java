package news.ranking.topology;

import static news.ranking.topology.RankingDriver.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import news.ranking.rules.RankedEntry;
import news.ranking.rules.RankedList;

/** Must-Reads as docs/product.md defines them: editor picks, the engagement formula, its 7-day window and its ageing. */
class MustReadsTest {

    private final RankingDriver ranking = new RankingDriver();

    @AfterEach
    void close() {
        ranking.close();
    }

    @Test
    void mustReadsListsEditorPicksFirstNewestPickFirst() {
        ranking.pick("picked-0900", "Navy", START.minus(Duration.ofHours(5)), START.minus(Duration.ofMinutes(60)));
        ranking.pick("picked-0930", "Army", START.minus(Duration.ofHours(6)), START.minus(Duration.ofMinutes(30)));
        ranking.pick("picked-unknown-time", "Navy", START.minus(Duration.ofHours(1)), null);
        ranking.publish("popular", "Navy", START.minus(Duration.ofHours(1)));
        ranking.views("popular", 20, START);

        ranking.clockAt(START.plusSeconds(1));

        assertThat(ranking.rankedIds(ranking.mustReads("all")))
                .containsExactly("picked-0930", "picked-0900", "picked-unknown-time", "popular");
        assertThat(ranking.rankedIds(ranking.mustReads("Navy")))
                .containsExactly("picked-0900", "picked-unknown-time", "popular");
    }

    @Test
    void mustReadsScoresViewsCommentsAndSharesByAgeWithTheFormula() {
        Instant computedAt = START.plusSeconds(1);
        ranking.publish("four-hours", "Navy", computedAt.minus(Duration.ofHours(4)));
        ranking.publish("brand-new", "Navy", computedAt);
        ranking.views("four-hours", 10, START);
        ranking.comment("c-1", "four-hours", START);
        ranking.comment("c-2", "four-hours", START);
        ranking.share("four-hours", "alice", START);
        ranking.views("brand-new", 2, START);

        ranking.clockAt(computedAt);

        RankedList list = ranking.mustReads("all");
        assertThat(list.window()).isEqualTo("P7D");
        assertThat(list.computedAt()).isEqualTo("2026-11-25T10:00:01.000Z");
        // (10 + 5*2 + 10*1) / (4 + 2)^1.5 = 2.0412414...; 2 / (0 + 2)^1.5 = 0.7071067...
        assertThat(ranking.ranked(list)).extracting(RankedEntry::articleId, RankedEntry::score)
                .containsExactly(tuple("four-hours", 2.041241), tuple("brand-new", 0.707107));
    }

    @Test
    void mustReadsCountsOnlyViewsThatCountForPopularNow() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(2)));
        ranking.view("navy-1", "alice", START);
        ranking.view("navy-1", "alice", START.plus(Duration.ofMinutes(5)));
        ranking.botView("navy-1", "crawler", START.plus(Duration.ofMinutes(6)));

        ranking.clockAt(START.plus(Duration.ofMinutes(7)));

        double ageHours = (2 * 60 + 7) / 60.0;
        assertThat(ranking.score(RankingDriver.MUST_READS, "all", "navy-1").doubleValue())
                .isCloseTo(1 / Math.pow(ageHours + 2, 1.5), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void mustReadsRanksAFresherArticleAboveAnOlderOneWithTheSameEngagement() {
        ranking.publish("older", "Navy", START.minus(Duration.ofHours(30)));
        ranking.publish("fresher", "Navy", START.minus(Duration.ofHours(3)));
        ranking.share("older", "alice", START);
        ranking.share("fresher", "bob", START);

        ranking.clockAt(START.plusSeconds(1));

        assertThat(ranking.rankedIds(ranking.mustReads("all"))).containsExactly("fresher", "older");
    }

    @Test
    void mustReadsCountsActivityForSevenDaysAndNoLonger() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofDays(1)));
        ranking.share("navy-1", "alice", START);
        ranking.view("navy-1", "bob", START);

        ranking.clockAt(START.plus(Duration.ofHours(2)));
        assertThat(ranking.ranked(ranking.popularNow("all"))).as("the view left Popular Now after 60 minutes").isEmpty();
        assertThat(ranking.rankedIds(ranking.mustReads("all"))).containsExactly("navy-1");

        ranking.clockAt(START.plus(Duration.ofDays(7)));
        assertThat(ranking.rankedIds(ranking.mustReads("all")))
                .as("still inside [now - 7 days, now]").containsExactly("navy-1");

        ranking.clockAt(START.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
        assertThat(ranking.mustReads("all").entries()).extracting(RankedEntry::articleId, RankedEntry::fallback)
                .containsExactly(tuple("navy-1", true));
    }

    @Test
    void removedCommentsStopCounting() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(2)));
        ranking.publish("navy-2", "Navy", START.minus(Duration.ofHours(2)));
        ranking.comment("c-1", "navy-1", START);
        ranking.comment("c-2", "navy-1", START);
        ranking.comment("c-3", "navy-2", START);
        ranking.clockAt(START.plusSeconds(1));
        assertThat(ranking.rankedIds(ranking.mustReads("all"))).containsExactly("navy-1", "navy-2");

        ranking.removeComment("c-1", "navy-1", START.plusSeconds(2));
        ranking.removeComment("c-2", "navy-1", START.plusSeconds(2));
        ranking.removeComment("c-2", "navy-1", START.plusSeconds(3));
        ranking.removeComment("never-posted", "navy-1", START.plusSeconds(3));
        ranking.clockAt(START.plusSeconds(4));

        assertThat(ranking.rankedIds(ranking.mustReads("all"))).containsExactly("navy-2");
        assertThat(ranking.mustReads("all").entries()).extracting(RankedEntry::articleId, RankedEntry::fallback)
                .contains(tuple("navy-1", true));
    }

    @Test
    void mustReadsIsRecomputedAtLeastEveryMinuteAsArticlesAge() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.share("navy-1", "alice", START);
        ranking.clockAt(START.plusSeconds(1));
        double first = ranking.score(RankingDriver.MUST_READS, "all", "navy-1").doubleValue();
        int publishedBefore = mustReadsAll(ranking.published()).size();

        ranking.clockAt(START.plusSeconds(61));

        RankedList aged = ranking.mustReads("all");
        assertThat(aged.computedAt()).isEqualTo("2026-11-25T10:01:01.000Z");
        assertThat(aged.entries().get(0).score().doubleValue()).isLessThan(first)
                .isCloseTo(10 / Math.pow(1 + 61 / 3600.0 + 2, 1.5), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(mustReadsAll(ranking.published())).as("the aged list is published without any new event")
                .hasSizeGreaterThan(publishedBefore);
    }

    private static List<ConsumerRecord<String, byte[]>> mustReadsAll(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> r.key().equals("must-reads|all")).toList();
    }
}
