package news.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class AuthorPseudonymsTest {

    static final String KEY = "a-test-key-of-at-least-thirty-two-characters";

    final AuthorPseudonyms pseudonyms = new AuthorPseudonyms(KEY);

    @Test
    void theIdIsTheFirst16BytesOfTheKeyedHmacOfTheSubjectInBase64url() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = Arrays.copyOf(mac.doFinal("authorId\0reader-4711".getBytes(StandardCharsets.UTF_8)), 16);

        String id = pseudonyms.of("reader-4711");

        assertThat(Base64.getUrlDecoder().decode(id)).isEqualTo(expected);
        assertThat(id).matches("[A-Za-z0-9_-]{22}").doesNotContain("reader").doesNotContain("4711");
    }

    @Test
    void theSameSubjectAlwaysGetsTheSameIdAndAnotherKeyOrSubjectAnother() {
        assertThat(pseudonyms.of("reader-4711")).isEqualTo(pseudonyms.of("reader-4711"))
                .isEqualTo(new AuthorPseudonyms(KEY).of("reader-4711"))
                .isNotEqualTo(pseudonyms.of("reader-4712"))
                .isNotEqualTo(pseudonyms.of("Reader-4711"))
                .isNotEqualTo(new AuthorPseudonyms(KEY + "x").of("reader-4711"));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(pseudonyms.of("reader-" + i));
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aMissingOrShortKeyIsRefused() {
        assertThatThrownBy(() -> new AuthorPseudonyms(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthorPseudonyms("x".repeat(31))).isInstanceOf(IllegalArgumentException.class);
    }
}
