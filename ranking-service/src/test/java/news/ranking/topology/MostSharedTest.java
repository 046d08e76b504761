package news.ranking.topology;

import static news.ranking.topology.RankingDriver.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import news.ranking.rules.RankedEntry;
import news.ranking.rules.RankedList;

/** Most Shared, a list defined in configuration alone, through the whole topology. */
class MostSharedTest {

    private static final String MOST_SHARED = "most-shared";

    private final RankingDriver ranking = new RankingDriver();

    @AfterEach
    void close() {
        ranking.close();
    }

    @Test
    void mostSharedCountsAReadersSharesOfOneArticleOnceAndSoDoesMustReadsOnOneDay() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(3)));
        ranking.publish("navy-2", "Navy", START.minus(Duration.ofHours(2)));
        ranking.share("navy-1", "alice", START);
        ranking.share("navy-1", "alice", START.plus(Duration.ofHours(1)));
        ranking.share("navy-1", "bob", START.plus(Duration.ofHours(1)));
        ranking.share("navy-2", "alice", START.plus(Duration.ofHours(1)));

        ranking.clockAt(START.plus(Duration.ofHours(1)).plusSeconds(1));

        RankedList list = ranking.list(MOST_SHARED, "all");
        assertThat(list.window()).isEqualTo("P1D");
        assertThat(ranking.ranked(list)).extracting(RankedEntry::articleId, RankedEntry::score)
                .containsExactly(tuple("navy-1", 2L), tuple("navy-2", 1L));
        assertThat(ranking.rankedIds(ranking.list(MOST_SHARED, "Navy"))).containsExactly("navy-1", "navy-2");
        assertThat(ranking.count(RankingDriver.MUST_READS, "shares", "navy-1")).as("alice's and bob's of the day")
                .isEqualTo(2);
    }

    @Test
    void aReadersShareCountsAgainTwentyFourHoursAfterTheirLastCountedShare() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(3)));
        ranking.share("navy-1", "alice", START);
        ranking.share("navy-1", "alice", START.plus(Duration.ofHours(23)));
        ranking.share("navy-1", "alice", START.plus(Duration.ofHours(24)));

        ranking.clockAt(START.plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(ranking.score(MOST_SHARED, "all", "navy-1"))
                .as("the share of 10:00 (still in the window to the minute) and the one 24 hours after it")
                .isEqualTo(2L);

        ranking.clockAt(START.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)));
        assertThat(ranking.score(MOST_SHARED, "all", "navy-1")).as("the first share left the 24-hour window")
                .isEqualTo(1L);
    }

    @Test
    void aRedeliveredShareCountsOnceAndTiesGoToTheNewerArticle() {
        ranking.publish("navy-old", "Navy", START.minus(Duration.ofHours(5)));
        ranking.publish("navy-new", "Navy", START.minus(Duration.ofHours(1)));
        var share = ranking.share("navy-old", "alice", START);
        ranking.send(ranking.topics.articleShares(), share);
        ranking.share("navy-new", "bob", START);

        ranking.clockAt(START.plusSeconds(1));

        assertThat(ranking.ranked(ranking.list(MOST_SHARED, "all"))).extracting(RankedEntry::articleId,
                RankedEntry::score).containsExactly(tuple("navy-new", 1L), tuple("navy-old", 1L));
    }
}
