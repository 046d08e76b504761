package news.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import news.kit.tracing.Traceparents;
import reactor.core.publisher.Mono;

/**
 * Gives every request its {@link Correlation} and answers with its {@code X-Request-Id}. The trace parent is the
 * gateway's server span for the request (which itself continues the caller's {@code traceparent}).
 */
class CorrelationFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var headers = exchange.getRequest().getHeaders();
        String serverSpan = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(CorrelationFilter::span)
                .map(Span::context)
                .map(Traceparents::format)
                .orElse(null);
        Correlation correlation = Correlation.of(headers.getFirst(Correlation.REQUEST_ID),
                serverSpan != null ? serverSpan : headers.getFirst(Correlation.TRACEPARENT));
        exchange.getAttributes().put(Correlation.ATTRIBUTE, correlation);
        exchange.getResponse().getHeaders().set(Correlation.REQUEST_ID, correlation.requestId());
        return chain.filter(exchange);
    }

    private static Span span(ServerRequestObservationContext context) {
        TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
