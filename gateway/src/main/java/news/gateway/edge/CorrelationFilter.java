package news.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/** Gives every request its {@link Correlation} and answers with its {@code X-Request-Id}. */
class CorrelationFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var headers = exchange.getRequest().getHeaders();
        Correlation correlation = Correlation.of(headers.getFirst(Correlation.REQUEST_ID),
                headers.getFirst(Correlation.TRACEPARENT));
        exchange.getAttributes().put(Correlation.ATTRIBUTE, correlation);
        exchange.getResponse().getHeaders().set(Correlation.REQUEST_ID, correlation.requestId());
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
