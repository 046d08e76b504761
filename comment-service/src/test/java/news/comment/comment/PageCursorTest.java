package news.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void roundTripsThroughAnOpaqueUrlSafeString() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-25T09:40:00.123Z"), "c2Hk8sQm4TnR");
        String encoded = cursor.encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(encoded)).isEqualTo(cursor);
        assertThat(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII))
                .as("the platform's one cursor form, as article lists use it").isEqualTo("c1.1795599600123.c2Hk8sQm4TnR");
    }

    @Test
    void rejectsAnythingItDidNotHandOut() {
        String scoped = Base64.getUrlEncoder().withoutPadding().encodeToString("c1.12.ab.newsroomQuery"
                .getBytes(StandardCharsets.US_ASCII));
        String colons = Base64.getUrlEncoder().withoutPadding().encodeToString("c1:12:ab".getBytes(StandardCharsets.US_ASCII));
        for (String bad : new String[] {"nope", "%%%", "YWJj", "", "c1:12:ab", colons, scoped}) {
            assertThatThrownBy(() -> PageCursor.decode(bad)).isInstanceOfSatisfying(RuleViolation.class,
                    e -> assertThat(e.rule()).isEqualTo(Rule.CURSOR_INVALID));
        }
    }
}
