package news.ranking.topology;

import static news.ranking.topology.RankingDriver.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import news.kit.cloudevents.CloudEvent;

/** Redelivered events (the same {@code ce_id}) change nothing: at-least-once delivery, counted once. */
class DeduplicationTest {

    private final RankingDriver ranking = new RankingDriver();

    @AfterEach
    void close() {
        ranking.close();
    }

    @Test
    void aRedeliveredViewCountsOnce() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        CloudEvent view = ranking.view("navy-1", "alice", START);
        ranking.send(ranking.topics.articleViews(), view);
        ranking.send(ranking.topics.articleViews(), view);

        ranking.clockAt(START.plusSeconds(1));

        assertThat(ranking.score(RankingDriver.POPULAR_NOW, "all", "navy-1")).isEqualTo(1L);
        assertThat(mustReadsViews()).isEqualTo(1);
    }

    @Test
    void aViewRedeliveredAfterTheReadersNextCountedViewStillCountsOnce() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        CloudEvent first = ranking.view("navy-1", "alice", START);
        ranking.view("navy-1", "alice", START.plus(Duration.ofMinutes(40)));
        ranking.send(ranking.topics.articleViews(), first);

        ranking.clockAt(START.plus(Duration.ofMinutes(41)));

        assertThat(ranking.score(RankingDriver.POPULAR_NOW, "all", "navy-1")).isEqualTo(2L);
    }

    @Test
    void aRedeliveredShareCountsOnce() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        CloudEvent share = ranking.share("navy-1", "alice", START);
        ranking.clockAt(START.plus(Duration.ofMinutes(30)));
        ranking.send(ranking.topics.articleShares(), share);
        ranking.share("navy-1", "bob", START.plus(Duration.ofMinutes(30)));

        ranking.clockAt(START.plus(Duration.ofMinutes(31)));

        assertThat(ranking.count(RankingDriver.MUST_READS, "shares", "navy-1"))
                .as("the redelivery is ignored, another reader's share counts").isEqualTo(2);
    }

    @Test
    void aRedeliveredCommentCountsOnce() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        CloudEvent comment = ranking.comment("c-1", "navy-1", START);
        ranking.send(ranking.topics.commentEvents(), comment);
        ranking.send(ranking.topics.commentEvents(), news.ranking.TestEvents.commentPosted("c-1", "navy-1", START));

        ranking.clockAt(START.plusSeconds(1));

        assertThat(ranking.count(RankingDriver.MUST_READS, "comments", "navy-1")).isEqualTo(1);
    }

    @Test
    void aCommentRedeliveredAfterItsRemovalStaysRemoved() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        CloudEvent comment = ranking.comment("c-1", "navy-1", START);
        ranking.comment("c-2", "navy-1", START);
        CloudEvent removal = ranking.removeComment("c-1", "navy-1", START.plusSeconds(5));
        ranking.clockAt(START.plusSeconds(6));
        assertThat(ranking.count(RankingDriver.MUST_READS, "comments", "navy-1")).isEqualTo(1);

        // at-least-once: the posted event comes again after its removal, then the removal again
        ranking.send(ranking.topics.commentEvents(), comment);
        ranking.clockAt(START.plusSeconds(7));
        assertThat(ranking.count(RankingDriver.MUST_READS, "comments", "navy-1"))
                .as("a removed comment does not come back with its posted event").isEqualTo(1);
        ranking.send(ranking.topics.commentEvents(), removal);
        ranking.clockAt(START.plusSeconds(8));
        assertThat(ranking.count(RankingDriver.MUST_READS, "comments", "navy-1")).isEqualTo(1);
    }

    private long mustReadsViews() {
        return ranking.count(RankingDriver.MUST_READS, "views", "navy-1");
    }
}
