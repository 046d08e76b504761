package news.article.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void aCursorSurvivesTheRoundTripAndIsUrlSafe() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-25T08:00:00.123Z"), "a7Yq3kPz9WmX", "");
        String token = cursor.encode();
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(token)).contains(cursor);
    }

    @Test
    void anythingElseIsNoCursor() {
        String forged = Base64.getUrlEncoder().encodeToString("c1.123.$where".getBytes(StandardCharsets.UTF_8));
        for (String token : List.of("", "not base64 !", "bm90LWEtY3Vyc29y", forged, "x".repeat(300))) {
            assertThat(Cursor.decode(token)).as(token).isEmpty();
        }
        assertThat(Cursor.decode(null)).isEmpty();
    }

    @Test
    void aCursorCarriesTheScopeOfItsQuery() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-25T08:00:00.123Z"), "a7Yq3kPz9WmX", "nAbC_-123");
        assertThat(Cursor.decode(cursor.encode())).contains(cursor);
        assertThat(Cursor.decode(new Cursor(cursor.at(), cursor.id(), "").encode()).orElseThrow().scope()).isEmpty();
    }
}
