package news.gateway.page;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;

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
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import news.contracts.ContractNames;

/**
 * The two parts of an article page that come from services, each fetched with its own timeout behind its own
 * circuit breaker, never failing: a part that cannot be had fresh comes from the last good copy (the article also
 * from the article catalog) and is marked degraded. A 404 from article-service is an answer, not a failure. Each
 * call is a client span (and an {@code http.client.requests} timing) whose parent the page assembly puts in the
 * Reactor context.
 */
class PageParts {

    static final Pattern ARTICLE_ID = Pattern.compile(ContractNames.ID_PATTERN);

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

    /** What the service said, before fallbacks: a value, or "no such article". */
    private record Answer<T>(T value) {
    }

    private final WebClient articles;
    private final WebClient comments;
    private final CircuitBreaker articleBreaker;
    private final CircuitBreaker commentBreaker;
    private final ArticleCatalog catalog;
    private final BooleanSupplier catalogCaughtUp;
    private final GatewayProperties.Pages settings;
    private final JsonMapper json;
    private final Cache<String, PageJson.Article> lastGoodArticles;
    private final Cache<String, PageJson.Comments> lastGoodComments;

    PageParts(WebClient articles, WebClient comments, CircuitBreaker articleBreaker, CircuitBreaker commentBreaker,
              ArticleCatalog catalog, BooleanSupplier catalogCaughtUp, GatewayProperties.Pages settings,
              JsonMapper json) {
        this.articles = articles;
        this.comments = comments;
        this.articleBreaker = articleBreaker;
        this.commentBreaker = commentBreaker;
        this.catalog = catalog;
        this.catalogCaughtUp = catalogCaughtUp;
        this.settings = settings;
        this.json = json;
        this.lastGoodArticles = Caffeine.newBuilder().maximumSize(settings.lastGoodEntries())
                .expireAfterWrite(settings.lastGoodFor()).build();
        this.lastGoodComments = Caffeine.newBuilder().maximumSize(settings.lastGoodEntries())
                .expireAfterWrite(settings.lastGoodFor()).build();
    }

    Mono<ArticlePart> article(String id, Correlation correlation) {
        return fetch(articles, "/api/articles/{id}", id, correlation, settings.articleTimeout(), articleBreaker,
                body -> json.readValue(body, PageJson.Article.class))
                .map(answer -> {
                    if (answer.value() == null) {
                        lastGoodArticles.invalidate(id);
                        return ArticlePart.NOT_FOUND;
                    }
                    lastGoodArticles.put(id, answer.value());
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
                PageJson.Article lastGood = lastGoodArticles.getIfPresent(id);
                if (lastGood != null) {
                    yield ArticlePart.stale(lastGood);
                }
                yield catalogCaughtUp.getAsBoolean() ? ArticlePart.NOT_FOUND : ArticlePart.UNAVAILABLE;
            }
        };
    }

    Mono<CommentsPart> comments(String id, Correlation correlation) {
        return fetch(comments, "/api/articles/{id}/comments?limit=" + settings.commentsLimit(), id, correlation,
                settings.commentsTimeout(), commentBreaker, body -> json.readValue(body, PageJson.Comments.class))
                .map(answer -> {
                    PageJson.Comments page = answer.value() == null ? PageJson.Comments.none(maxLength())
                            : withMaxLength(answer.value());
                    lastGoodComments.put(id, page);
                    return new CommentsPart(page, false);
                })
                .onErrorResume(failure -> {
                    PageJson.Comments lastGood = lastGoodComments.getIfPresent(id);
                    return Mono.just(new CommentsPart(lastGood != null ? lastGood
                            : PageJson.Comments.none(maxLength()), true));
                });
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
            return response.releaseBody().thenReturn(new Answer<>(null));
        }
        if (!response.statusCode().is2xxSuccessful()) {
            return response.releaseBody().then(Mono.error(new IllegalStateException(
                    "answered " + response.statusCode().value())));
        }
        return response.bodyToMono(byte[].class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("answered 2xx without a body")))
                .map(body -> new Answer<>(read.apply(body)));
    }

    private PageJson.Comments withMaxLength(PageJson.Comments page) {
        return new PageJson.Comments(page.count(), maxLength(),
                page.items() == null ? List.of() : page.items(), page.next());
    }

    private int maxLength() {
        return settings.commentMaxLength();
    }
}
