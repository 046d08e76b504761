package news.ranking.topology;

import static news.ranking.topology.RankingDriver.MUST_READS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Must-Reads counts a reader's shares of an article once per UTC day: a share weighs as much as ten views, so one
 * reader sharing again and again must not move the list (the ce_id of each share is new, so de-duplication by id alone
 * would count every one).
 */
class SharesOncePerReaderAndDayTest {

    private static final Instant DAY = Instant.parse("2026-11-25T00:00:00Z");

    private final RankingDriver ranking = new RankingDriver(Map.of(), DAY);

    @AfterEach
    void close() {
        ranking.close();
    }

    @Test
    void twoSharesOfOneReaderOnOneUtcDayCountOnce() {
        ranking.publish("navy-1", "Navy", DAY.minus(Duration.ofHours(2)));
        ranking.share("navy-1", "alice", DAY.plus(Duration.ofMinutes(1)));
        ranking.share("navy-1", "alice", DAY.plus(Duration.ofHours(12)));
        ranking.share("navy-1", "alice", DAY.plus(Duration.ofDays(1)).minusMillis(1));

        ranking.clockAt(DAY.plus(Duration.ofDays(1)));

        assertThat(ranking.count(MUST_READS, "shares", "navy-1")).isEqualTo(1);
    }

    @Test
    void sharesOfOneReaderOnTwoUtcDaysCountTwiceEvenMinutesApart() {
        ranking.publish("navy-1", "Navy", DAY.minus(Duration.ofHours(2)));
        ranking.share("navy-1", "alice", DAY.plus(Duration.ofDays(1)).minus(Duration.ofMinutes(1)));
        ranking.share("navy-1", "alice", DAY.plus(Duration.ofDays(1)));
        ranking.share("navy-1", "alice", DAY.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));

        ranking.clockAt(DAY.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(2)));

        assertThat(ranking.count(MUST_READS, "shares", "navy-1")).as("23:59 of one day and 00:00 of the next")
                .isEqualTo(2);
    }

    @Test
    void sharesOfTwoReadersOnOneDayCountTwiceAndEachArticleOnItsOwn() {
        ranking.publish("navy-1", "Navy", DAY.minus(Duration.ofHours(2)));
        ranking.publish("navy-2", "Navy", DAY.minus(Duration.ofHours(2)));
        ranking.share("navy-1", "alice", DAY.plus(Duration.ofHours(9)));
        ranking.share("navy-1", "bob", DAY.plus(Duration.ofHours(9)));
        ranking.share("navy-2", "alice", DAY.plus(Duration.ofHours(10)));
        ranking.share("navy-1", "bob", DAY.plus(Duration.ofHours(11)));

        ranking.clockAt(DAY.plus(Duration.ofHours(11)).plusSeconds(1));

        assertThat(ranking.count(MUST_READS, "shares", "navy-1")).isEqualTo(2);
        assertThat(ranking.count(MUST_READS, "shares", "navy-2")).isEqualTo(1);
    }

    @Test
    void aShareThatArrivesLateButNotTooLateIsStillCheckedAgainstItsOwnDay() {
        ranking.publish("navy-1", "Navy", DAY.minus(Duration.ofHours(2)));
        ranking.share("navy-1", "alice", DAY.plus(Duration.ofHours(20)));
        ranking.share("navy-1", "alice", DAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
        ranking.share("navy-1", "alice", DAY.plus(Duration.ofHours(3)));
        ranking.share("navy-1", "bob", DAY.plus(Duration.ofHours(3)));

        ranking.clockAt(DAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)).plusSeconds(1));

        assertThat(ranking.count(MUST_READS, "shares", "navy-1")).as("alice once each day (her out-of-order share of"
                + " 03:00 meets the one of 20:00), bob's share of 03:00 on top").isEqualTo(3);
    }
}
