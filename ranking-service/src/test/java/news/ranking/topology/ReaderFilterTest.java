package news.ranking.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The reader log's filter never misses a key it was given in the segments a look-up spans. */
class ReaderFilterTest {

    private static final long SEGMENT = Duration.ofMinutes(30).toMillis();

    private final ReaderFilter filter = new ReaderFilter(SEGMENT);

    @Test
    void aKeyIsFoundInEveryRangeThatHoldsItsTimeAndNeverInARangeOfOtherSegments() {
        long at = 10 * SEGMENT + 5;
        filter.put("navy-1|alice", at);

        assertThat(filter.mightContain("navy-1|alice", at, at)).isTrue();
        assertThat(filter.mightContain("navy-1|alice", at - SEGMENT + 1, at + SEGMENT - 1)).isTrue();
        assertThat(filter.mightContain("navy-1|alice", at - 2 * SEGMENT, at - SEGMENT)).isFalse();
        assertThat(filter.mightContain("navy-1|alice", 11 * SEGMENT, 12 * SEGMENT)).isFalse();
        assertThat(filter.mightContain("navy-1|bob", at, at)).isFalse();
    }

    @Test
    void moreKeysThanOneFilterHoldsGetAnotherFilterAndAreAllStillFound() {
        int keys = ReaderFilter.KEYS_PER_FILTER + 1000;
        for (int i = 0; i < keys; i++) {
            filter.put("navy-1|reader-" + i, SEGMENT + i % 1000);
        }

        assertThat(filter.filters()).isEqualTo(2);
        for (int i = 0; i < keys; i++) {
            assertThat(filter.mightContain("navy-1|reader-" + i, SEGMENT, 2 * SEGMENT - 1)).isTrue();
        }
        long falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            if (filter.mightContain("navy-2|reader-" + i, SEGMENT, 2 * SEGMENT - 1)) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).as("false positives of 100,000 keys never put").isLessThan(3_000);
    }

    @Test
    void segmentsThatEndBeforeTheGivenTimeAreForgottenAndNoOthers() {
        filter.put("navy-1|alice", SEGMENT + 1);
        filter.put("navy-1|bob", 2 * SEGMENT + 1);

        filter.forgetBefore(2 * SEGMENT + 10);

        assertThat(filter.mightContain("navy-1|alice", 0, 3 * SEGMENT)).isFalse();
        assertThat(filter.mightContain("navy-1|bob", 0, 3 * SEGMENT)).isTrue();
        assertThat(filter.filters()).isEqualTo(1);
    }
}
