package news.article.article;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Tuning of the article feature ({@code news.articles.*}).
 *
 * @param lookupCacheTtl   how long an instance trusts its memory of "article X is published in section S"
 * @param lookupCacheSize  how many such answers it keeps
 * @param readerCacheSize  how much memory the published articles kept for readers' reads may take
 * @param maxEventBytes    the largest event payload an article may produce; it must fit Kafka's record limit
 * @param defaultPageSize  list size when a reader names no limit
 * @param maxPageSize      the largest list size a reader may ask for
 * @param historySize      how many of its latest changes an article keeps in its history
 */
@ConfigurationProperties("news.articles")
record ArticleProperties(Duration lookupCacheTtl, long lookupCacheSize, DataSize readerCacheSize, int maxEventBytes,
                         int defaultPageSize, int maxPageSize, int historySize) {

    ArticleProperties {
        Objects.requireNonNull(lookupCacheTtl, "news.articles.lookup-cache-ttl");
        Objects.requireNonNull(readerCacheSize, "news.articles.reader-cache-size");
        if (historySize < 1) {
            throw new IllegalArgumentException("news.articles.history-size (NEWS_ARTICLES_HISTORY_SIZE) must be at"
                    + " least 1, got " + historySize);
        }
    }
}
