package news.article.engagement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code readerHash} of views and shares: hex SHA-256 of the salt followed by the reader id, or, for a reader
 * who gave none, by the client address and User-Agent. Different prefixes keep the two kinds apart:
 * {@code SHA-256(salt 0x00 "reader" 0x00 readerId)} and
 * {@code SHA-256(salt 0x00 "client" 0x00 address 0x00 userAgent)}. Without the salt nobody can test guesses of
 * reader ids against the topic.
 */
final class ReaderHasher {

    private static final HexFormat HEX = HexFormat.of();

    private final String salt;

    ReaderHasher(String salt) {
        if (salt == null || salt.isEmpty()) {
            throw new IllegalArgumentException("The reader hash salt must not be empty");
        }
        this.salt = salt;
    }

    String ofReader(String readerId) {
        return hash(salt + '\0' + "reader" + '\0' + readerId);
    }

    String ofClient(String address, String userAgent) {
        return hash(salt + '\0' + "client" + '\0' + address + '\0' + (userAgent == null ? "" : userAgent));
    }

    private static String hash(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
