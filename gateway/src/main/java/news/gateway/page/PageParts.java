package news.gateway.page;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import news.gateway.GatewayProperties;
import news.gateway.edge.Correlation;
import news.gateway.readmodel.ArticleCatalog;
import news.gateway.readmodel.ArticleChanges;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two parts of an article page that come from services, each fetched with its own timeout behind its own
 * circuit breaker, never failing: a part that cannot be had fresh comes from the last good copy (the article also
 * from the article catalog) and is marked degraded. A 404 from article-service is an answer, not a failure. Each
 * call is a client span (and an {@code http.client.requests} timing) whose parent the page assembly puts in the
 * Reactor context. A part fetched after its last change ({@link ArticleChanges}, from the events) and within
 * {@code parts-fresh-for} is taken from its copy without a call: a page rebuilt every second asks the services only
 * when the article or its comments changed.
 */
class PageParts {

    enum Found { FOUND, NOT_FOUND, UNAVAILABLE }

    /** The article part: the article (null unless FOUND) and whether it is a stale or second-hand copy. */
    record ArticlePart(Found found, PageJson.Article article, boolean degraded) {

        static final ArticlePart NOT_FOUND = new ArticlePart(Found.NOT_FOUND, null, false);
        static final ArticlePart UNAVAILABLE = new ArticlePart(Found.UNAVAILABLE, null, true);

        static ArticlePart fresh(PageJson.Article article) {
            return new ArticlePart(Found.FOUND, article, false);
        }

        static ArticlePart stale(PageJson.Article article) {
            return new ArticlePart(Found.FOUND, article, true);
        }
    }

    record CommentsPart(PageJson.Comments comments, boolean degraded) {
    }

    /** What the service said, before fallbacks: a value, or "no such article"; and how many bytes it took. */
    private record Answer<T>(T value, int bytes) {
    }

    /**
     * A last good copy, weighed by the bytes the service sent for it (plus what a cache entry costs), and when it was
     * asked for ({@link ArticleChanges#now()}).
     */
    private record Kept<T>(T value, int weight, long fetchedAt) {

        static <T> Kept<T> of(T value, int bytes, long fetchedAt) {
            return new Kept<>(value, bytes + 256, fetchedAt);
        }
    }

    private final WebClient articles;
    private final WebClient comments;
    private final CircuitBreaker articleBreaker;
    private final CircuitBreaker commentBreaker;
    private final ArticleCatalog catalog;
    private final ArticleChanges changes;
    private final BooleanSupplier catalogCaughtUp;
    private final GatewayProperties.Pages settings;
    private final long partsFreshFor;
    private final JsonMapper json;
    private final UnknownArticles unknown;
    private final Cache<String, Kept<PageJson.Article>> lastGoodArticles;
    private final Cache<String, Kept<PageJson.Comments>> lastGoodComments;

    PageParts(WebClient articles, WebClient comments, CircuitBreaker articleBreaker, CircuitBreaker commentBreaker,
              ArticleCatalog catalog, ArticleChanges changes, BooleanSupplier catalogCaughtUp,
              UnknownArticles unknown, GatewayProperties.Pages settings, JsonMapper json) {
        this.articles = articles;
        this.comments = comments;
        this.articleBreaker = articleBreaker;
        this.commentBreaker = commentBreaker;
        this.catalog = catalog;
        this.changes = changes;
        this.catalogCaughtUp = catalogCaughtUp;
        this.settings = settings;
        this.partsFreshFor = settings.partsFreshFor().toNanos();
        this.json = json;
        this.unknown = unknown;
        this.lastGoodArticles = lastGood(settings);
        this.lastGoodComments = lastGood(settings);
    }

    /** Bounded in bytes as well as in time: a flood of distinct ids evicts the least used copies, never grows it. */
    private static <T> Cache<String, Kept<T>> lastGood(GatewayProperties.Pages settings) {
        return Caffeine.newBuilder()
                .maximumWeight(settings.lastGoodSize().toBytes())
                .<String, Kept<T>>weigher((id, kept) -> kept.weight())
                .expireAfterWrite(settings.lastGoodFor())
                .build();
    }

    Mono<ArticlePart> article(String id, Correlation correlation) {
        Kept<PageJson.Article> copy = current(lastGoodArticles, id, changes.articleChangedAt(id));
        if (copy != null) {
            return Mono.just(ArticlePart.fresh(copy.value()));
        }
        long fetchedAt = changes.now();
        return fetch(articles, "/api/articles/{id}", id, correlation, settings.articleTimeout(), articleBreaker,
                body -> json.readValue(body, PageJson.Article.class))
                .map(answer -> {
                    if (answer.value() == null) {
                        lastGoodArticles.invalidate(id);
                        unknown.remember(id);
                        return ArticlePart.NOT_FOUND;
                    }
                    lastGoodArticles.put(id, Kept.of(answer.value(), answer.bytes(), fetchedAt));
                    return ArticlePart.fresh(answer.value());
                })
                .onErrorResume(failure -> Mono.just(articleFallback(id)));
    }

    /**
     * When article-service cannot answer: the catalog's snapshot (from news.article-events), else the last copy the
     * service gave; 404 when the caught-up catalog has never seen the article or knows it unpublished.
     */
    private ArticlePart articleFallback(String id) {
        return switch (catalog.presence(id)) {
            case PUBLISHED -> ArticlePart.stale(PageJson.Article.of(catalog.find(id).orElseThrow()));
            case UNPUBLISHED -> ArticlePart.NOT_FOUND;
            case UNKNOWN -> {
                Kept<PageJson.Article> lastGood = lastGoodArticles.getIfPresent(id);
                if (lastGood != null) {
                    yield ArticlePart.stale(lastGood.value());
                }
                yield catalogCaughtUp.getAsBoolean() ? ArticlePart.NOT_FOUND : ArticlePart.UNAVAILABLE;
            }
        };
    }

    Mono<CommentsPart> comments(String id, Correlation correlation) {
        Kept<PageJson.Comments> copy = current(lastGoodComments, id, changes.commentsChangedAt(id));
        if (copy != null) {
            return Mono.just(new CommentsPart(copy.value(), false));
        }
        long fetchedAt = changes.now();
        return fetch(comments, "/api/articles/{id}/comments?limit=" + settings.commentsLimit(), id, correlation,
                settings.commentsTimeout(), commentBreaker, body -> json.readValue(body, PageJson.Comments.class))
                .map(answer -> {
                    PageJson.Comments page = answer.value() == null ? PageJson.Comments.none(maxLength())
                            : withMaxLength(answer.value());
                    lastGoodComments.put(id, Kept.of(page, answer.bytes(), fetchedAt));
                    return new CommentsPart(page, false);
                })
                .onErrorResume(failure -> {
                    Kept<PageJson.Comments> lastGood = lastGoodComments.getIfPresent(id);
                    return Mono.just(new CommentsPart(lastGood != null ? lastGood.value()
                            : PageJson.Comments.none(maxLength()), true));
                });
    }

    /**
     * The copy kept of a part when it is still current: asked for after its last change this gateway was told of, and
     * within {@code parts-fresh-for} (the bound on what a missed or late event can cost); else null.
     */
    private <T> Kept<T> current(Cache<String, Kept<T>> copies, String id, long changedAt) {
        if (partsFreshFor <= 0) {
            return null;
        }
        Kept<T> copy = copies.getIfPresent(id);
        return copy != null && copy.fetchedAt() - changedAt > 0 && changes.now() - copy.fetchedAt() < partsFreshFor
                ? copy : null;
    }

    /** The article does not exist: nothing of it is worth keeping (its comments were fetched beside it). */
    void forget(String id) {
        lastGoodArticles.invalidate(id);
        lastGoodComments.invalidate(id);
    }

    /** Whether a last good article or comment page of this id is kept: for tests. */
    boolean keeps(String id) {
        return lastGoodArticles.getIfPresent(id) != null || lastGoodComments.getIfPresent(id) != null;
    }

    /** What the last-good caches hold now, after pending evictions: for tests. */
    Held held() {
        lastGoodArticles.cleanUp();
        lastGoodComments.cleanUp();
        return new Held(lastGoodArticles.estimatedSize(), weight(lastGoodArticles), lastGoodComments.estimatedSize(),
                weight(lastGoodComments));
    }

    record Held(long articles, long articleBytes, long comments, long commentBytes) {
    }

    private static long weight(Cache<String, ? extends Kept<?>> cache) {
        return cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    private <T> Mono<Answer<T>> fetch(WebClient client, String path, String id, Correlation correlation,
                                      Duration timeout, CircuitBreaker breaker, Function<byte[], T> read) {
        return client.get().uri(path, id)
                .header(Correlation.REQUEST_ID, correlation.requestId())
                .exchangeToMono(response -> answer(response, read))
                .timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker));
    }

    private static <T> Mono<Answer<T>> answer(ClientResponse response, Function<byte[], T> read) {
        if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return response.releaseBody().thenReturn(new Answer<>(null, 0));
        }
        if (!response.statusCode().is2xxSuccessful()) {
            return response.releaseBody().then(Mono.error(new IllegalStateException(
                    "answered " + response.statusCode().value())));
        }
        return response.bodyToMono(byte[].class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("answered 2xx without a body")))
                .map(body -> new Answer<>(read.apply(body), body.length));
    }

    private PageJson.Comments withMaxLength(PageJson.Comments page) {
        return new PageJson.Comments(page.count(), maxLength(),
                page.items() == null ? List.of() : page.items(), page.next());
    }

    private int maxLength() {
        return settings.commentMaxLength();
    }
}
