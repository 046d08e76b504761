package news.gateway.page;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

import news.gateway.edge.Correlation;
import news.gateway.edge.StrictEncodingFilter;
import reactor.core.publisher.Mono;

/**
 * The hot path: a page GET without {@code Origin} (same-origin pages, servers, caches) is answered by
 * {@link PageEndpoint} right at the HTTP handler, before the web filter chain, HTTP observation and security, none
 * of which has anything to do for it: reads need no token, writes limits skip GETs, CORS needs an {@code Origin}. A
 * request the {@link StrictEncodingFilter} would refuse takes the normal path, where it gets its 400.
 * What it costs is the server's own {@code http.server.requests} metrics for those answers;
 * {@code news_page_served_total} counts them instead.
 */
record PageFastPath(HttpHandler delegate, PageEndpoint pages) implements HttpHandler {

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        if (request.getMethod() == HttpMethod.GET && PageEndpoint.isPage(request.getPath().pathWithinApplication().value())
                && !request.getHeaders().containsHeader(HttpHeaders.ORIGIN) && StrictEncodingFilter.wellEncoded(request)) {
            HttpHeaders headers = request.getHeaders();
            return pages.respond(request, response, Correlation.of(headers.getFirst(Correlation.REQUEST_ID),
                    headers.getFirst(Correlation.TRACEPARENT)));
        }
        return delegate.handle(request, response);
    }
}
