package news.gateway.page;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.core.instrument.Counter;
import news.contracts.ContractNames;
import news.gateway.GatewayProperties;
import news.gateway.edge.Correlation;
import news.gateway.edge.ReadLimits;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/pages/article/{id}} and {@code GET /api/pages/home}: the page from {@link PageCache}, with its
 * ETag and {@code Cache-Control}, or 304 when {@code If-None-Match} names the ETag. Runs as a filter right after
 * CORS (and, for requests without {@code Origin}, even before the filters: see {@link PageFastPath}).
 */
class PageEndpoint implements WebFilter, Ordered {

    private static final String HOME = "/api/pages/home";
    private static final String ARTICLE_PREFIX = "/api/pages/article/";

    private final PageCache cache;
    private final UnknownArticles unknown;
    private final ReadLimits readLimits;
    private final Counter servedArticles;
    private final Counter servedHome;
    private final String notFoundCacheControl;

    PageEndpoint(PageCache cache, UnknownArticles unknown, ReadLimits readLimits, PageMetrics metrics,
                 GatewayProperties.Pages settings) {
        this.cache = cache;
        this.unknown = unknown;
        this.readLimits = readLimits;
        this.servedArticles = metrics.served("article");
        this.servedHome = metrics.served("home");
        this.notFoundCacheControl = "public, max-age=" + settings.maxAge().toSeconds();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD)
                || !isPage(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        return respond(request, exchange.getResponse(), Correlation.of(exchange));
    }

    /** True when the path is one of the page endpoints. */
    static boolean isPage(String path) {
        return path.equals(HOME) || (path.startsWith(ARTICLE_PREFIX) && path.length() > ARTICLE_PREFIX.length()
                && path.indexOf('/', ARTICLE_PREFIX.length()) < 0);
    }

    /**
     * Answers a GET or HEAD of a page endpoint ({@link #isPage}). An article page that is neither in the page cache
     * (nor being assembled for another request) nor a known 404 costs its client one read of its budget.
     */
    Mono<Void> respond(ServerHttpRequest request, ServerHttpResponse response, Correlation correlation) {
        String path = request.getPath().pathWithinApplication().value();
        String key;
        String id = null;
        if (path.equals(HOME)) {
            key = PageCache.HOME;
            servedHome.increment();
        } else {
            id = path.substring(ARTICLE_PREFIX.length());
            if (!ContractNames.ID.matcher(id).matches()) {
                return write(request, response, correlation, RenderedPage.articleNotFound(id, notFoundCacheControl));
            }
            key = PageCache.articleKey(id);
            servedArticles.increment();
        }
        RenderedPage ready = cache.ready(key);
        if (ready != null) {
            return write(request, response, correlation, ready);
        }
        if (id != null && !cache.holds(key)) {
            if (unknown.contains(id)) {
                return write(request, response, correlation, RenderedPage.articleNotFound(id, notFoundCacheControl));
            }
            ReadLimits.Refusal refusal = readLimits.take(request);
            if (refusal != null) {
                return write(request, response, correlation, RenderedPage.problem(HttpStatus.TOO_MANY_REQUESTS,
                        refusal.detail(), path, "no-store", Long.toString(refusal.retryAfter())));
            }
        }
        return cache.get(key, correlation).flatMap(page -> write(request, response, correlation, page));
    }

    private static Mono<Void> write(ServerHttpRequest request, ServerHttpResponse response, Correlation correlation,
                                    RenderedPage page) {
        HttpHeaders headers = response.getHeaders();
        headers.set(Correlation.REQUEST_ID, correlation.requestId());
        headers.set(HttpHeaders.CACHE_CONTROL, page.cacheControl());
        headers.set(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (page.etag() != null) {
            headers.set(HttpHeaders.ETAG, page.etag());
        }
        if (page.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, page.retryAfter());
        }
        if (page.status() == 200 && page.matches(request.getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatusCode.valueOf(page.status()));
        headers.set(HttpHeaders.CONTENT_TYPE, page.contentType());
        headers.setContentLength(page.body().length);
        if (request.getMethod() == HttpMethod.HEAD) {
            return response.setComplete();
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(page.body())));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
