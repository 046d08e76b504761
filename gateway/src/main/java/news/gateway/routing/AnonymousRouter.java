package news.gateway.routing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import news.gateway.edge.ClientAddress;
import news.gateway.edge.Correlation;
import news.gateway.edge.ProblemErrorHandler;
import news.gateway.edge.Problems;
import news.gateway.edge.ReadLimits;
import news.gateway.edge.StrictEncodingFilter;
import news.gateway.edge.WriteLimits;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The router of anonymous calls to article-service: readers' article reads ({@code GET} and {@code HEAD} under
 * {@code /api/articles/}, but an article's comments) and their views and shares ({@code POST
 * /api/articles/{id}/views|shares}), the calls nearly every reader makes. It runs at the HTTP handler, before the web
 * filter chain, and does for these calls exactly what that chain and Spring Cloud Gateway's route do for them, in one
 * pass over Reactor Netty's own request and response: the request id, the client address the gateway believes, the
 * read budget or the anonymous write budget and the body limit ({@link ReadLimits}, {@link WriteLimits}, the same
 * buckets), a span continuing the caller's trace whose {@code traceparent} the service receives, the same headers
 * dropped and set, and the same problem details when the service is away (503) or slow (504).
 *
 * <p>What it leaves to the filter chain and Spring Cloud Gateway: every request with credentials (a bearer token or
 * the session cookie: token checks, token relay and account budgets), with an {@code Origin} (CORS), with a chunked
 * body (read whole first, {@code WholeBodies}), with a path, query or header the strict encoding check refuses (400),
 * and every other route. Measured (docs/benchmarks.md): Spring Cloud Gateway's route with the filter chain costs the
 * two cores several times the CPU per call of nginx's {@code proxy_pass}; this path is what a bare Reactor Netty proxy
 * costs plus the platform's rules.
 *
 * <p>Its calls are timed as {@value #TIMER} ({@code route}, {@code method}, {@code status}), not as
 * {@code http.server.requests}: the server's observation is the filter chain's.
 */
final class AnonymousRouter implements HttpHandler {

    static final String TIMER = "news.gateway.routed.requests";
    static final String READS = "articles";
    static final String VIEWS = "article-views";
    static final String SHARES = "article-shares";

    private static final Logger log = LoggerFactory.getLogger(AnonymousRouter.class);
    private static final String PREFIX = "/api/articles/";
    /** Hop-by-hop headers: they describe one connection, never the next one's. */
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    /** And, towards the service, what the gateway sets itself: the host, the forwarding and the trace context. */
    private static final Set<String> NOT_FORWARDED = Stream.concat(NOT_RETURNED.stream(),
            Stream.of("host", "forwarded", "traceparent", "tracestate")).collect(Collectors.toUnmodifiableSet());

    private final HttpHandler delegate;
    private final String articleService;
    private final HttpClient client;
    private final ClientAddress clientAddress;
    private final ReadLimits reads;
    private final WriteLimits writes;
    private final String sessionCookie;
    private final Tracer tracer;
    private final Propagator propagator;
    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    AnonymousRouter(HttpHandler delegate, String articleService, HttpClient client, Duration responseTimeout,
                    ClientAddress clientAddress, ReadLimits reads, WriteLimits writes, String sessionCookie,
                    Tracer tracer, Propagator propagator, MeterRegistry meters) {
        this.delegate = delegate;
        this.articleService = articleService.endsWith("/")
                ? articleService.substring(0, articleService.length() - 1) : articleService;
        this.client = responseTimeout == null ? client : client.responseTimeout(responseTimeout);
        this.clientAddress = clientAddress;
        this.reads = reads;
        this.writes = writes;
        this.sessionCookie = sessionCookie + "=";
        this.tracer = tracer;
        this.propagator = propagator;
        this.meters = meters;
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        String route = route(request.getMethod(), request.getURI().getRawPath());
        if (route == null || !(netty(request) instanceof HttpServerRequest in)
                || !(netty(response) instanceof HttpServerResponse out)
                || !anonymous(in.requestHeaders()) || !StrictEncodingFilter.wellEncoded(request)) {
            return delegate.handle(request, response);
        }
        return route(route, request, in, out);
    }

    /** The route of a call this router takes, or null. */
    static String route(HttpMethod method, String rawPath) {
        if (!rawPath.startsWith(PREFIX)) {
            return null;
        }
        int slash = rawPath.indexOf('/', PREFIX.length());
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            // an article's comments are comment-service's (and get the list answers' ETag): the routes decide
            return rawPath.indexOf("/comments", PREFIX.length()) >= 0 ? null : READS;
        }
        if (method == HttpMethod.POST && slash > PREFIX.length()) {
            String action = rawPath.substring(slash + 1);
            return action.equals("views") ? VIEWS : action.equals("shares") ? SHARES : null;
        }
        return null;
    }

    private boolean anonymous(HttpHeaders headers) {
        if (headers.contains(HttpHeaderNames.AUTHORIZATION) || headers.contains(HttpHeaderNames.ORIGIN)
                || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return false;
        }
        for (String cookies : headers.getAll(HttpHeaderNames.COOKIE)) {
            if (cookies.contains(sessionCookie)) {
                return false;
            }
        }
        return true;
    }

    private Mono<Void> route(String route, ServerHttpRequest request, HttpServerRequest in, HttpServerResponse out) {
        long started = System.nanoTime();
        HttpHeaders incoming = in.requestHeaders();
        Correlation correlation = Correlation.of(incoming.get(Correlation.REQUEST_ID), null);
        out.responseHeaders().set(Correlation.REQUEST_ID, correlation.requestId());
        String address = clientAddress.of(request);
        String path = request.getURI().getRawPath();
        String query = request.getURI().getRawQuery();
        boolean write = in.method().name().equals("POST");
        if (write) {
            WriteLimits.Refusal refusal = writes.admitAnonymous(address, request.getHeaders().getContentLength());
            if (refusal != null) {
                return refuse(route, in, out, refusal.status(), refusal.retryAfter(), refusal.detail(), path, started);
            }
        } else {
            ReadLimits.Refusal refusal = reads.take(address);
            if (refusal != null) {
                return refuse(route, in, out, HttpStatus.TOO_MANY_REQUESTS, refusal.retryAfter(), refusal.detail(),
                        path, started);
            }
        }
        // the gateway's server span for the request, continuing the caller's trace, and its client span for the call
        Span server = propagator.extract(incoming, (headers, key) -> headers.get(key)).kind(Span.Kind.SERVER)
                .name(in.method().name() + " " + route).start();
        Span span = tracer.spanBuilder().setParent(server.context()).kind(Span.Kind.CLIENT)
                .name(in.method().name() + " article-service").start();
        HttpHeaders downstream = new DefaultHttpHeaders();
        for (Map.Entry<String, String> header : incoming) {
            String name = header.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!NOT_FORWARDED.contains(name) && !name.startsWith("x-forwarded-")) {
                downstream.add(header.getKey(), header.getValue());
            }
        }
        downstream.set("X-Forwarded-For", address);
        downstream.set(Correlation.REQUEST_ID, correlation.requestId());
        if (write && !downstream.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            downstream.set(HttpHeaderNames.CONTENT_LENGTH, 0);
        }
        propagator.inject(span.context(), downstream, (headers, key, value) -> headers.set(key, value));
        int[] status = {0};
        return client.request(io.netty.handler.codec.http.HttpMethod.valueOf(in.method().name()))
                .uri(articleService + path + (query == null ? "" : "?" + query))
                .send((call, body) -> {
                    call.headers(downstream);
                    return write ? body.send(in.receive().retain()) : body;
                })
                .responseConnection((answer, connection) -> {
                    status[0] = answer.status().code();
                    out.status(answer.status());
                    HttpHeaders back = out.responseHeaders();
                    for (Map.Entry<String, String> header : answer.responseHeaders()) {
                        if (!NOT_RETURNED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                            back.add(header.getKey(), header.getValue());
                        }
                    }
                    back.set(Correlation.REQUEST_ID, correlation.requestId());
                    return out.send(connection.inbound().receive().retain());
                })
                .then()
                .onErrorResume(error -> failed(error, out, path))
                .doFinally(signal -> {
                    int code = status[0] != 0 ? status[0] : out.status().code();
                    span.tag("http.response.status_code", Integer.toString(code)).end();
                    server.tag("http.response.status_code", Integer.toString(code)).end();
                    record(route, in.method().name(), code, started);
                });
    }

    private Mono<Void> failed(Throwable error, HttpServerResponse out, String path) {
        if (out.hasSentHeaders()) {
            return Mono.error(error);
        }
        Optional<ProblemErrorHandler.ServiceFailure> failure = ProblemErrorHandler.serviceFailure(error, path);
        if (failure.isEmpty()) {
            log.error("Unexpected error on a routed call to {}", path, error);
        }
        ProblemErrorHandler.ServiceFailure answer = failure.orElseGet(() -> new ProblemErrorHandler.ServiceFailure(
                HttpStatus.INTERNAL_SERVER_ERROR, "The gateway could not handle this request; it has been logged."));
        out.responseHeaders().remove(HttpHeaderNames.CONTENT_LENGTH);
        return problem(out, answer.status(), answer.detail(), path);
    }

    private Mono<Void> refuse(String route, HttpServerRequest in, HttpServerResponse out, HttpStatus status,
                              long retryAfter, String detail, String path, long started) {
        if (retryAfter > 0) {
            out.responseHeaders().set(HttpHeaderNames.RETRY_AFTER, retryAfter);
        }
        return problem(out, status, detail, path)
                .doFinally(signal -> record(route, in.method().name(), status.value(), started));
    }

    private static Mono<Void> problem(HttpServerResponse out, HttpStatus status, String detail, String path) {
        byte[] body = Problems.body(status, detail, path);
        out.status(HttpResponseStatus.valueOf(status.value()))
                .header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
        return out.sendByteArray(Mono.just(body)).then();
    }

    private void record(String route, String method, int status, long started) {
        timers.computeIfAbsent(route + ' ' + method + ' ' + status, key -> Timer.builder(TIMER)
                        .description("Anonymous calls routed to article-service by the gateway's own router")
                        .tag("route", route).tag("method", method).tag("status", Integer.toString(status))
                        .register(meters))
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static Object netty(ServerHttpRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request);
        } catch (IllegalArgumentException | IllegalStateException notNetty) {
            return null;
        }
    }

    private static Object netty(ServerHttpResponse response) {
        try {
            return ServerHttpResponseDecorator.getNativeResponse(response);
        } catch (IllegalArgumentException | IllegalStateException notNetty) {
            return null;
        }
    }
}
