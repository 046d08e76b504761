package news.article.article;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import news.article.article.ArticleJson.ReaderArticle;

/**
 * Published articles from memory, for the high-volume requests: is this article published, and in which section
 * (views and shares), and the article as readers get it ({@code GET /api/articles/{id}} without an editor's token).
 * A look-up reaches MongoDB at most once per article and {@code news.articles.lookup-cache-ttl}. This instance forgets
 * an article the moment it changes it; other instances may answer from their copy until it expires, so for at most
 * one TTL after an editor changes or (un)publishes an article, another instance may still show the previous version,
 * accept a view of an unpublished article or answer 404 for a newly published one. Unknown ids are remembered as
 * unknown too, so that a flood of made-up ids costs one query per id and TTL, not one per request. Readers' copies
 * are bounded by their size ({@code news.articles.reader-cache-size}), not only by their number.
 */
@Component
public class PublishedArticles {

    static final String CACHE_NAME = "published-articles";
    static final String READER_CACHE_NAME = "reader-articles";
    /** What an empty answer (an unknown or unpublished id) weighs in the readers' cache. */
    private static final int ABSENT_WEIGHT = 64;

    /** A published article as readers get it, and its version (the ETag of the answer). */
    record ReaderCopy(ReaderArticle article, long version) {

        /** About the bytes it keeps on the heap: its characters and some overhead per field. */
        int weight() {
            long chars = article.title().length() + article.slug().length() + article.section().length()
                    + article.source().length() + article.body().stream().mapToLong(String::length).sum()
                    + article.tags().stream().mapToLong(String::length).sum();
            return (int) Math.min(Integer.MAX_VALUE, 2 * chars + 64L * (article.body().size()
                    + article.tags().size()) + 512);
        }
    }

    private final ArticleStore store;
    private final Cache<String, Optional<PublishedArticle>> cache;
    private final Cache<String, Optional<ReaderCopy>> readerCopies;

    PublishedArticles(ArticleStore store, ArticleProperties properties, MeterRegistry meters) {
        this.store = store;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.lookupCacheTtl())
                .maximumSize(properties.lookupCacheSize())
                .recordStats()
                .build();
        this.readerCopies = Caffeine.newBuilder()
                .expireAfterWrite(properties.lookupCacheTtl())
                .maximumWeight(properties.readerCacheSize().toBytes())
                .<String, Optional<ReaderCopy>>weigher((id, copy) -> copy.map(ReaderCopy::weight).orElse(ABSENT_WEIGHT))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, CACHE_NAME);
        CaffeineCacheMetrics.monitor(meters, readerCopies, READER_CACHE_NAME);
    }

    /** The published article as readers get it; empty for an unknown, draft or unpublished id. */
    Optional<ReaderCopy> readerCopy(String articleId) {
        if (!ArticleIds.plausible(articleId)) {
            return Optional.empty();
        }
        return readerCopies.get(articleId, id -> store.find(id).filter(Article::isPublished)
                .map(article -> new ReaderCopy(ReaderArticle.of(article), article.version())));
    }

    public Optional<PublishedArticle> find(String articleId) {
        if (!ArticleIds.plausible(articleId)) {
            return Optional.empty();
        }
        return cache.get(articleId, store::findPublished);
    }

    void forget(String articleId) {
        cache.invalidate(articleId);
        readerCopies.invalidate(articleId);
    }
}
