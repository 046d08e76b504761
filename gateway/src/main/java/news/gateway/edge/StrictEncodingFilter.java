package news.gateway.edge;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import news.kit.web.StrictEncoding;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Answers 400 for a request whose raw path, query string or headers are not well-formed percent-encoded UTF-8
 * (the kit's {@link StrictEncoding}, as every service checks it), before routing, caching or a page read looks at
 * them: such a request never reaches a service, a cache key or a decoder that would fail with a 500.
 */
public class StrictEncodingFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> problem = problem(exchange.getRequest());
        return problem.isPresent() ? Problems.write(exchange, HttpStatus.BAD_REQUEST, problem.get())
                : chain.filter(exchange);
    }

    /** Whether nothing in the request's path, query or headers is refused (for handlers that run before the filters). */
    public static boolean wellEncoded(ServerHttpRequest request) {
        return problem(request).isEmpty();
    }

    private static Optional<String> problem(ServerHttpRequest request) {
        Optional<String> problem = StrictEncoding.pathProblem(request.getURI().getRawPath())
                .or(() -> StrictEncoding.queryProblem(request.getURI().getRawQuery()));
        if (problem.isPresent()) {
            return problem;
        }
        return headerProblem(request);
    }

    /**
     * Reads the headers as the server received them: Reactor Netty's own headers, walked without a copy, since
     * Spring's read-only view builds a case-insensitive set of every name on each {@code headerSet()}, and this
     * check runs on the cached page's hot path. Other requests (tests' mock requests) through Spring's view.
     */
    private static Optional<String> headerProblem(ServerHttpRequest request) {
        if (nativeRequest(request) instanceof HttpServerRequest netty) {
            Iterator<Map.Entry<CharSequence, CharSequence>> headers = netty.requestHeaders().iteratorCharSequence();
            while (headers.hasNext()) {
                Map.Entry<CharSequence, CharSequence> header = headers.next();
                Optional<String> problem = StrictEncoding.headerProblem(header.getKey(), header.getValue());
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                Optional<String> problem = StrictEncoding.headerProblem(header.getKey(), value);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Object nativeRequest(ServerHttpRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalArgumentException | IllegalStateException noNativeRequest) { // a mock, or no server adapter
            return null;
        }
    }

    /** Right after the correlation (so the problem carries the request id), before CORS, limits and tokens. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
