package news.comment.comment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The public id of a comment's author: a keyed pseudonym of the token's subject, never the subject itself, which is
 * the reader's account id at the identity provider. The same subject always gets the same id (as long as the key
 * stays), so a page can show which comments one reader wrote; without the key nobody can turn an id back into an
 * account id or test a guessed account id against it:
 * <pre>
 * authorId = base64url(first 16 bytes of HMAC-SHA256(key, "authorId" 0x00 subject))     22 characters
 * </pre>
 * 128 bits keep two readers from sharing an id (a collision is expected after about 2⁶⁴ readers).
 */
final class AuthorPseudonyms {

    /** The key of development runs ({@code news.security.development}): public, so ids made with it are not private. */
    static final String DEVELOPMENT_KEY = "news-platform-development-comment-author-key";
    static final int MIN_KEY_LENGTH = 32;
    static final int ID_BYTES = 16;

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    AuthorPseudonyms(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("The author id key must have at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** The author id of the token subject {@code subject}. */
    String of(String subject) {
        byte[] mac = macs.get().doFinal(("authorId\0" + subject).getBytes(StandardCharsets.UTF_8));
        return BASE64URL.encodeToString(Arrays.copyOf(mac, ID_BYTES));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + HMAC, e);
        }
    }
}
