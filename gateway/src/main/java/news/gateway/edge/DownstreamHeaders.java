package news.gateway.edge;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a routed request carries to its service, after the gateway's own header filters (which drop every
 * incoming {@code X-Forwarded-*}): {@code X-Forwarded-For} with the one client address the gateway believes (the
 * services trust it from the gateway's address) and the request id. The {@code traceparent} is not set here: the
 * gateway's client span for the call puts its own (Spring Cloud Gateway's observation), a child of the gateway's
 * server span. {@code Authorization} passes unchanged: the services check the token again.
 */
class DownstreamHeaders implements HttpHeadersFilter, Ordered {

    private final ClientAddress clientAddress;

    DownstreamHeaders(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(input);
        Correlation correlation = Correlation.of(exchange);
        headers.set("X-Forwarded-For", clientAddress.of(exchange));
        headers.remove("Forwarded");
        headers.set(Correlation.REQUEST_ID, correlation.requestId());
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
