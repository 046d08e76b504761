package news.gateway.edge;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A streamed (chunked) request body is read whole, within the body limit, before anything of it goes to a service,
 * and then sent with its {@code Content-Length}, as nginx does by default.
 * <p>
 * Streaming it through instead has a race with no good end: a service may answer before the body is complete (a
 * service refuses malformed JSON at its first byte), the gateway relays that answer, and when the rest of the body
 * then crosses the limit the call to the service fails under a response already half-written, which then never ends
 * (the client waited for ever on an answer without its last chunk). Read whole, a body over the limit is refused 413
 * before any service sees a byte of it, and a service's early answer ends like any other. A body that declares its
 * length passes as a stream: the length was checked against the limit at the door ({@link WriteLimits}) and framing
 * stops it there. The buffer is held only after the token was checked, and released when the exchange ends.
 */
final class WholeBodies implements GlobalFilter, Ordered {

    /** Before the routing filters, after the ones that decide where the request goes. */
    static final int ORDER = 0;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (headers.getContentLength() >= 0 || headers.getFirst(HttpHeaders.TRANSFER_ENCODING) == null) {
            return chain.filter(exchange);
        }
        // the body is bounded while it is read (WriteLimits' LimitedBody fails it past the limit: 413)
        return ServerWebExchangeUtils.cacheRequestBody(exchange, whole -> {
            DataBuffer body = exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
            return chain.filter(exchange.mutate().request(new FixedLength(whole,
                    body == null ? 0 : body.readableByteCount())).build());
        });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static final class FixedLength extends ServerHttpRequestDecorator {
        private final HttpHeaders headers;

        FixedLength(ServerHttpRequest whole, long length) {
            super(whole);
            HttpHeaders copy = new HttpHeaders();
            copy.addAll(whole.getHeaders());
            copy.remove(HttpHeaders.TRANSFER_ENCODING);
            copy.setContentLength(length);
            this.headers = HttpHeaders.readOnlyHttpHeaders(copy);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
