package news.gateway.page;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import news.gateway.GatewayProperties;
import news.gateway.edge.Correlation;
import reactor.core.publisher.Mono;

/**
 * Assembled pages as bytes, for {@code fresh-for} (a second by default) as they are, then served while one rebuild
 * runs in the background, until {@code stale-for}: under load a page is assembled about once a second whatever the
 * request rate, and a request never waits for a rebuild. Concurrent first requests for a page share one assembly.
 */
class PageCache {

    static final String HOME = "home";
    private static final String ARTICLE = "article:";

    private final PageAssembler assembler;
    private final AsyncLoadingCache<String, RenderedPage> pages;

    PageCache(PageAssembler assembler, GatewayProperties.Pages settings, long maxBytes) {
        this.assembler = assembler;
        Duration fresh = settings.freshFor().toMillis() > 0 ? settings.freshFor() : Duration.ofMillis(1);
        Duration stale = settings.staleFor().compareTo(fresh) > 0 ? settings.staleFor() : fresh.multipliedBy(2);
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, RenderedPage page) -> page.weight())
                .refreshAfterWrite(fresh)
                .expireAfterWrite(stale)
                .buildAsync((key, executor) -> assemble(key, Correlation.fresh()).toFuture());
    }

    static String articleKey(String id) {
        return ARTICLE + id;
    }

    /** The page when the cache holds it ready (possibly starting a background rebuild), else null. */
    RenderedPage ready(String key) {
        CompletableFuture<RenderedPage> page = pages.getIfPresent(key);
        return page != null && page.isDone() && !page.isCompletedExceptionally() ? page.getNow(null) : null;
    }

    /** Whether the cache holds the page or is assembling it (no lookup side effects: no refresh is started). */
    boolean holds(String key) {
        return pages.asMap().containsKey(key);
    }

    /** The page, assembled now if the cache has none (shared with concurrent requests for it). */
    Mono<RenderedPage> get(String key, Correlation correlation) {
        return Mono.fromFuture(pages.get(key, (k, executor) -> assemble(k, correlation).toFuture()), true);
    }

    private Mono<RenderedPage> assemble(String key, Correlation correlation) {
        return key.equals(HOME) ? assembler.home(correlation)
                : assembler.article(key.substring(ARTICLE.length()), correlation);
    }
}
