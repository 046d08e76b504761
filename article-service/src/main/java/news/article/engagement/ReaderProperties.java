package news.article.engagement;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How readers are recognised without being identified ({@code news.readers.*}).
 *
 * @param hashKey         secret key of {@code readerHash} ({@code NEWS_READERS_HASH_KEY}), at least 32 characters;
 *                        required unless {@code news.security.development} is on (then a public development key)
 * @param hashKeyRotation how long one derived key hashes before the next takes over ({@code NEWS_READERS_HASH_KEY_ROTATION},
 *                        at least 1 h); periods are aligned to the epoch, so one day runs from 00:00 to 24:00 UTC
 * @param botPatterns     regular expressions of crawler User-Agents ({@code NEWS_READERS_BOT_PATTERNS}, comma-separated)
 */
@ConfigurationProperties("news.readers")
record ReaderProperties(String hashKey, @DefaultValue("1d") Duration hashKeyRotation, List<String> botPatterns) {

    static final String HASH_KEY = "news.readers.hash-key";
    static final String HASH_KEY_ROTATION = "news.readers.hash-key-rotation";

    ReaderProperties {
        botPatterns = botPatterns == null ? List.of() : List.copyOf(botPatterns);
    }
}
