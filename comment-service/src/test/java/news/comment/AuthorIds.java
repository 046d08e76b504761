package news.comment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The author id the service must publish for a token subject, worked out here from the documented formula and the
 * tests' key ({@code news.comments.author-key} in the tests' configuration), not with the service's own code.
 */
final class AuthorIds {

    static final String TEST_KEY = "comment-service-tests-author-key-0123456789";

    private AuthorIds() {
    }

    static String of(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TEST_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] full = mac.doFinal(("authorId\0" + subject).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
