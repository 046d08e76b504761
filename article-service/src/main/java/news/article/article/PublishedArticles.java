package news.article.article;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Is this article published, and in which section? Answered from memory for the high-volume view and share
 * requests: a look-up reaches MongoDB at most once per article and {@code news.articles.lookup-cache-ttl}. This
 * instance forgets an article the moment it changes it; other instances may answer from their copy until it expires,
 * so for at most one TTL after an editor (un)publishes, another instance may still accept a view of an unpublished
 * article or answer 404 for a newly published one. Unknown ids are remembered as unknown too, so that a flood of
 * made-up ids costs one query per id and TTL, not one per request.
 */
@Component
public class PublishedArticles {

    static final String CACHE_NAME = "published-articles";

    private final ArticleStore store;
    private final Cache<String, Optional<PublishedArticle>> cache;

    PublishedArticles(ArticleStore store, ArticleProperties properties, MeterRegistry meters) {
        this.store = store;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.lookupCacheTtl())
                .maximumSize(properties.lookupCacheSize())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, CACHE_NAME);
    }

    public Optional<PublishedArticle> find(String articleId) {
        if (!ArticleIds.plausible(articleId)) {
            return Optional.empty();
        }
        return cache.get(articleId, store::findPublished);
    }

    void forget(String articleId) {
        cache.invalidate(articleId);
    }
}
