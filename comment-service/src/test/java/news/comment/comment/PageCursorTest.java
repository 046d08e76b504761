package news.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTripsThroughAnOpaqueUrlSafeString() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-25T09:40:00.123Z"), "c2Hk8sQm4TnR");
        String encoded = cursor.encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(encoded)).isEqualTo(cursor);
    }

    @Test
    void rejectsAnythingItDidNotHandOut() {
        for (String bad : new String[] {"nope", "%%%", "YWJj", "", "c1:12:ab"}) {
            assertThatThrownBy(() -> PageCursor.decode(bad)).isInstanceOfSatisfying(RuleViolation.class,
                    e -> assertThat(e.rule()).isEqualTo(Rule.CURSOR_INVALID));
        }
    }
}
