package news.article.engagement;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import news.article.article.PublishedArticle;
import news.article.article.PublishedArticles;
import news.article.engagement.EngagementController.ViewRequest;
import news.kit.tracing.Traceparents;
import news.kit.web.RequestBodyLimitFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hot path of {@code POST /api/articles/{id}/views}, the platform's highest-volume request: a plain view of a
 * published article is answered 202 here, first among the servlet filters, without the Spring Security chain, the HTTP
 * observation and Spring MVC, which together cost most of a view's CPU (docs/benchmarks.md) and have nothing to do for
 * it (views need no token, no CORS without {@code Origin}, and the answer has no body).
 *
 * <p>Only what is plainly valid is taken: no {@code Origin}, no {@code Authorization}, no query, a body of at most
 * {@value #MAX_BODY} ASCII bytes with a known length, JSON (or none) that the application's own {@link JsonMapper}
 * reads into a {@link ViewRequest} with an acceptable reader id, and a published article. Without a token the reader
 * is the client address and User-Agent (the body's reader id is checked, not used), so no token is ever parsed here:
 * a signed-in reader's view, which carries one, takes the full path. Everything else goes down
 * the full filter chain to {@link EngagementController} with the body as read, so every 4xx (problem details,
 * the limits, CORS, a bad token) is decided in one place. What the fast path keeps of the full path: the server span
 * whose child the record's {@code traceparent} is, and the {@code http.server.requests} timing with the tags the
 * observation would give it.
 */
final class ViewFastPath implements Filter {

    static final int MAX_BODY = 1024;
    static final String URI_TEMPLATE = "/api/articles/{articleId}/views";
    private static final String PREFIX = "/api/articles/";
    private static final String SUFFIX = "/views";
    private static final byte[] NO_BODY = {};

    private final PublishedArticles articles;
    private final EngagementIntake intake;
    private final JsonMapper json;
    private final Tracer tracer;
    private final Propagator propagator;
    private final Timer accepted;

    ViewFastPath(PublishedArticles articles, EngagementIntake intake, JsonMapper json, Tracer tracer,
                 Propagator propagator, MeterRegistry meters) {
        this.articles = articles;
        this.intake = intake;
        this.json = json;
        this.tracer = tracer;
        this.propagator = propagator;
        // the same meter the HTTP observation records a 202 of this route in (same name and tags)
        this.accepted = Timer.builder("http.server.requests")
                .tags("error", "none", "exception", "none", "method", "POST", "outcome", "SUCCESS", "status", "202",
                        "uri", URI_TEMPLATE)
                .register(meters);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String articleId = candidate(request);
        if (articleId == null) {
            chain.doFilter(req, res);
            return;
        }
        long started = System.nanoTime();
        int length = (int) request.getContentLengthLong();
        byte[] body = length == 0 ? NO_BODY : request.getInputStream().readNBytes(length);
        ViewRequest view = body.length == length ? read(body) : null;
        PublishedArticle article = view == null ? null : published(articleId);
        if (article == null) {
            chain.doFilter(new ReadBody(request, body), res);
            return;
        }
        Span span = tracer == null ? null : propagator.extract(request, HttpServletRequest::getHeader)
                .name("http post " + URI_TEMPLATE).kind(Span.Kind.SERVER).start();
        try {
            intake.view(article, null, request,
                    span == null ? null : Traceparents.format(span.context()));
            HttpServletResponse response = (HttpServletResponse) res;
            response.setStatus(HttpStatus.ACCEPTED.value());
            response.setContentLength(0);
        } finally {
            if (span != null) {
                span.tag("http.request.method", "POST").tag("http.route", URI_TEMPLATE)
                        .tag("http.response.status_code", "202").end();
            }
            accepted.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The published article, or null when there is none or the look-up fails (the store away): the full path then
     * answers, with the same problem detail as any other request (a 503 when the store does not answer).
     */
    private PublishedArticle published(String articleId) {
        try {
            return articles.find(articleId).orElse(null);
        } catch (RuntimeException lookUpFailed) {
            return null;
        }
    }

    /** The article id when the request may be a plain view, else null (the full path then answers it). */
    private static String candidate(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getQueryString() != null
                || request.getHeader(HttpHeaders.ORIGIN) != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith(PREFIX) || !uri.endsWith(SUFFIX) || uri.length() <= PREFIX.length() + SUFFIX.length()) {
            return null;
        }
        String id = uri.substring(PREFIX.length(), uri.length() - SUFFIX.length());
        if (id.indexOf('/') >= 0) {
            return null;
        }
        long length = request.getContentLengthLong();
        if (length < 0 || length > MAX_BODY) {
            return null;
        }
        String contentType = request.getContentType();
        if (contentType == null ? length > 0 : !RequestBodyLimitFilter.isJson(contentType)) {
            return null;
        }
        return id;
    }

    /** The view as the controller would read it, or null when the full path must decide (it may be a 400). */
    private ViewRequest read(byte[] body) {
        if (body.length == 0) {
            return new ViewRequest(null);
        }
        for (byte b : body) {
            if (b < 0) {
                return null; // not ASCII: the full path checks the UTF-8 strictly
            }
        }
        try {
            ViewRequest view = json.readValue(body, ViewRequest.class);
            ViewRequest given = view == null ? new ViewRequest(null) : view;
            return EngagementIntake.acceptableReaderId(given.readerId()) ? given : null;
        } catch (RuntimeException notAView) {
            return null;
        }
    }

    /** The request with its body already read: the full path reads the same bytes again. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("a read body is not read asynchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }
}
