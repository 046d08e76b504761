package news.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import news.contracts.ContractNames;

class CommentIdsTest {

    private static final long LAST_MILLI = 218_340_105_584_895L; // 62^8 - 1

    private final CommentIds ids = new CommentIds(new SplittableRandom(7));

    @Property
    void anIdMadeLaterSortsAfterOneMadeEarlier(@ForAll @LongRange(max = LAST_MILLI - 1) long earlier,
                                                @ForAll @LongRange(min = 1, max = LAST_MILLI) long later) {
        long a = Math.min(earlier, later - 1);
        assertThat(ids.next(a)).isLessThan(ids.next(later));
    }

    @Property
    void everyIdHasTheContractsFormAndItsLength(@ForAll @LongRange(max = LAST_MILLI) long millis) {
        String id = ids.next(millis);
        assertThat(id).hasSize(CommentIds.LENGTH).matches(ContractNames.ID);
    }

    @Test
    void theTimeComesFirstInBase62DigitsInAsciiOrder() {
        assertThat(ids.next(0)).startsWith("00000000");
        assertThat(ids.next(61)).startsWith("0000000z");
        assertThat(ids.next(62)).startsWith("00000010");
        assertThat(ids.next(LAST_MILLI)).startsWith("zzzzzzzz");
        // 2026-12-03T19:00:00Z
        assertThat(ids.next(1_796_324_400_000L).substring(0, CommentIds.TIME_DIGITS)).isEqualTo("0Vcle7NY");
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        CommentIds secure = new CommentIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(secure.next(1_796_324_400_000L))).isTrue();
        }
    }

    @Test
    void aTimeBefore1970IsRefused() {
        assertThatThrownBy(() -> ids.next(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
