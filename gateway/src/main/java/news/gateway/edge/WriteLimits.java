package news.gateway.edge;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import news.gateway.GatewayProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Limits on writes (every method but GET, HEAD and OPTIONS), before the token is even looked at: a per-client token
 * bucket (429 with {@code Retry-After}) and a body-size limit (413), checked at once against
 * {@code Content-Length} and while streaming for chunked bodies, so a huge body is never buffered. Reads pass
 * untouched here: those the gateway cannot answer from its caches have a budget of their own ({@link ReadLimits}).
 *
 * <p>The write budget is the whole platform's: a client's requests are spread over the gateway's instances, so each
 * instance holds a bucket of the full budget in which one request costs {@code instances} tokens. An instance thus
 * allows exactly {@code 1 / instances} of the burst and of the refill (fractions carry over), and all instances together
 * never more than the budget. The buckets stay in memory: no store is asked on the way of a view.
 */
class WriteLimits implements WebFilter, Ordered {

    static final int ORDER = -200;
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ClientAddress clientAddress;
    private final ClientBuckets buckets;
    private final long maxBodyBytes;

    WriteLimits(ClientAddress clientAddress, GatewayProperties.RateLimit rate, int instances, long maxBodyBytes) {
        this.clientAddress = clientAddress;
        this.buckets = new ClientBuckets(rate, instances);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (SAFE.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        String client = ClientBuckets.key(clientAddress.of(exchange));
        long wait = buckets.take(client);
        if (wait > 0) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many write requests from "
                    + client + ": " + buckets.budget() + ". Retry after " + wait + " s.");
        }
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBodyBytes) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, tooLarge(declared + " bytes"));
        }
        return chain.filter(exchange.mutate().request(new LimitedBody(exchange, maxBodyBytes)).build());
    }

    private String tooLarge(String size) {
        return "The request body has " + size + "; at most " + maxBodyBytes + " bytes are accepted.";
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Raised while streaming a body that turns out larger than the limit; answered 413. */
    static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes, the most the gateway accepts.", null,
                    false, false);
        }
    }

    private static final class LimitedBody extends ServerHttpRequestDecorator {
        private final long maxBytes;

        LimitedBody(ServerWebExchange exchange, long maxBytes) {
            super(exchange.getRequest());
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().map(buffer -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    throw new BodyTooLarge(maxBytes);
                }
                return buffer;
            });
        }
    }
}
