package news.gateway.page;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import news.gateway.readmodel.ArticleCatalog;

/**
 * Article ids article-service answered 404 for, each for {@code not-found-for} (30 s), at most
 * {@code not-found-entries} of them: a page request for one is answered 404 without calling a service, and so is the
 * page cache's background rebuild of that 404. An id the gateway's catalog has seen published since is forgotten at
 * its next request, so an article published after its 404 appears as soon as the read model has it.
 */
class UnknownArticles {

    private final Cache<String, Boolean> ids;
    private final ArticleCatalog catalog;

    UnknownArticles(Duration notFoundFor, int entries, ArticleCatalog catalog) {
        this.ids = Caffeine.newBuilder().maximumSize(entries).expireAfterWrite(notFoundFor).build();
        this.catalog = catalog;
    }

    /** article-service said there is no such article. */
    void remember(String id) {
        ids.put(id, Boolean.TRUE);
    }

    /** Whether the id is known not to name an article, and the catalog has not seen it published since. */
    boolean contains(String id) {
        if (ids.getIfPresent(id) == null) {
            return false;
        }
        if (catalog.presence(id) == ArticleCatalog.Presence.PUBLISHED) {
            ids.invalidate(id);
            return false;
        }
        return true;
    }
}
