package news.gateway.routing;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;

import news.gateway.GatewayProperties;
import news.gateway.edge.Etags;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code HttpCaching} on a route of public lists: a 200 answer to a GET gets a weak ETag over its bytes (unless the
 * service gave one) and {@code Cache-Control: public, max-age, stale-while-revalidate} (a request with a token keeps
 * what the service said, or {@code private, no-cache}), and {@code If-None-Match} with that ETag gets 304.
 * For list answers, which are small: the body is held once to hash it.
 */
@Component
public class HttpCachingGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final String cacheControl;

    public HttpCachingGatewayFilterFactory(GatewayProperties properties) {
        super(Object.class);
        this.cacheControl = "public, max-age=" + properties.pages().maxAge().toSeconds()
                + ", stale-while-revalidate=" + properties.pages().staleWhileRevalidate().toSeconds();
    }

    @Override
    public GatewayFilter apply(Object config) {
        return new OrderedGatewayFilter((exchange, chain) -> {
            if (exchange.getRequest().getMethod() != HttpMethod.GET) {
                return chain.filter(exchange);
            }
            boolean personal = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
            String ifNoneMatch = exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH);
            ServerHttpResponse cached = new Cached(exchange.getResponse(), cacheControl, personal, ifNoneMatch);
            return chain.filter(exchange.mutate().response(cached).build());
        }, NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1);
    }

    private static final class Cached extends ServerHttpResponseDecorator {
        private final String cacheControl;
        private final boolean personal;
        private final String ifNoneMatch;

        Cached(ServerHttpResponse delegate, String cacheControl, boolean personal, String ifNoneMatch) {
            super(delegate);
            this.cacheControl = cacheControl;
            this.personal = personal;
            this.ifNoneMatch = ifNoneMatch;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (getStatusCode() == null || getStatusCode().value() != HttpStatus.OK.value()) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                HttpHeaders headers = getHeaders();
                String etag = headers.getFirst(HttpHeaders.ETAG);
                if (etag == null) {
                    etag = Etags.weak(bytes);
                    headers.set(HttpHeaders.ETAG, etag);
                }
                if (personal) {
                    if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                        headers.set(HttpHeaders.CACHE_CONTROL, "private, no-cache");
                    }
                } else {
                    // the services' security headers forbid caching everything; a public list may be cached
                    headers.set(HttpHeaders.CACHE_CONTROL, cacheControl);
                    headers.remove(HttpHeaders.PRAGMA);
                    headers.remove(HttpHeaders.EXPIRES);
                }
                headers.remove(HttpHeaders.TRANSFER_ENCODING);
                if (Etags.matches(ifNoneMatch, etag)) {
                    setStatusCode(HttpStatus.NOT_MODIFIED);
                    headers.remove(HttpHeaders.CONTENT_LENGTH);
                    headers.remove(HttpHeaders.CONTENT_TYPE);
                    return setComplete();
                }
                headers.setContentLength(bytes.length);
                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
            });
        }
    }
}
