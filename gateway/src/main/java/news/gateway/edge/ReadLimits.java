package news.gateway.edge;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import news.gateway.GatewayProperties;
import reactor.core.publisher.Mono;

/**
 * A per-client budget of the reads that cost the platform work ({@code news.gateway.read-limit}, generous: a reader
 * never meets it, a script walking random ids does): every GET or HEAD routed to a service (this filter, which the
 * gateway runs for routed requests only, before the route's own filters) and every article page the gateway has to
 * assemble (asked by the page endpoint only when the page is neither in the page cache nor a 404 it already knows).
 * Past it: 429 problem details with {@code Retry-After}. Pages from the page cache, the home page (read models only)
 * and the site's own pages are never counted, so the hot path does no work for it.
 */
public class ReadLimits implements GlobalFilter, Ordered {

    /** A read refused: the whole seconds until the client may read again, and the problem's detail. */
    public record Refusal(long retryAfter, String detail) {
    }

    private final ClientAddress clientAddress;
    private final ClientBuckets buckets;

    ReadLimits(ClientAddress clientAddress, GatewayProperties.RateLimit rate) {
        this.clientAddress = clientAddress;
        // each instance's own: it guards the instance's work, and a reader never meets it wherever its reads land
        this.buckets = new ClientBuckets(rate, 1);
    }

    /** Takes one read of the request's client: null when it may go ahead, else why not. */
    public Refusal take(ServerHttpRequest request) {
        return take(clientAddress.of(request));
    }

    /** Takes one read of the client at this address (as {@link ClientAddress} gave it). */
    public Refusal take(String address) {
        String client = ClientBuckets.key(address);
        long wait = buckets.take(client);
        return wait == 0 ? null : new Refusal(wait, "Too many reads from " + client + " that the gateway cannot"
                + " answer from its caches: " + buckets.budget() + ". Retry after " + wait + " s.");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return chain.filter(exchange);
        }
        Refusal refusal = take(clientAddress.of(exchange));
        if (refusal == null) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfter()));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, refusal.detail());
    }

    /** Before the route's filters (a token relay may refresh a token at the identity provider). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
