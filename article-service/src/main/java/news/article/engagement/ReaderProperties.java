package news.article.engagement;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How readers are recognised without being identified ({@code news.readers.*}).
 *
 * @param hashSalt    secret salt of {@code readerHash} ({@code NEWS_READER_HASH_SALT}); blank means a development salt
 * @param botPatterns regular expressions of crawler User-Agents ({@code NEWS_READERS_BOT_PATTERNS}, comma-separated)
 */
@ConfigurationProperties("news.readers")
record ReaderProperties(String hashSalt, List<String> botPatterns) {

    ReaderProperties {
        botPatterns = botPatterns == null ? List.of() : List.copyOf(botPatterns);
    }
}
