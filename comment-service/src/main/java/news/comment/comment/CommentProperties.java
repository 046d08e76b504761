package news.comment.comment;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;


/**
 * {@code news.comments.*}.
 *
 * @param blockedWords words that make a comment rejected with rule {@code text-blocked-word} (see {@link BlockedWords})
 * @param readCacheTtl how long an article's count and first pages may be served from memory ({@link RecentReads});
 *                     0 turns that off
 */
@ConfigurationProperties("news.comments")
record CommentProperties(List<String> blockedWords, Duration readCacheTtl) {

    CommentProperties {
        blockedWords = blockedWords == null ? List.of() : List.copyOf(blockedWords);
    }
}
