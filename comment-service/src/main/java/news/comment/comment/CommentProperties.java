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
 * @param authorKey    secret key of the public author ids ({@code NEWS_COMMENTS_AUTHOR_KEY}, see
 *                     {@link AuthorPseudonyms}), at least 32 characters; required unless {@code news.security.development}
 *                     is on (then a public development key)
 * @param siteName     the site's name ({@code NEWS_SITE_NAME}), reserved like "Editors" as a display name
 *                     ({@link DisplayNamePolicy}); empty: only the fixed reserved names
 */
@ConfigurationProperties("news.comments")
record CommentProperties(List<String> blockedWords, Duration readCacheTtl, String authorKey, String siteName) {

    static final String AUTHOR_KEY = "news.comments.author-key";

    CommentProperties {
        blockedWords = blockedWords == null ? List.of() : List.copyOf(blockedWords);
    }
}
