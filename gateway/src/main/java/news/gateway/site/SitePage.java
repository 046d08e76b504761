package news.gateway.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * One HTML page of the site, read and put together once from {@code site/} on the class path (its shared parts come
 * from {@code site/parts/}, see {@link SiteIncludes}), with the headers every page carries:
 * the strict Content-Security-Policy (only the gateway's own script and styles), no sniffing, a short referrer.
 */
public final class SitePage {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    /** Before the pages below: a static field is set in the order it is written. */
    private static final SiteIncludes SITE = new SiteIncludes(SitePage::read);

    /** Shown instead of a newsroom page to a browser that is not signed in (401). */
    public static final SitePage NEWSROOM_SIGN_IN = new SitePage("newsroom-sign-in.html");
    /** Shown instead of a newsroom page to a signed-in reader who is not an editor (403). */
    public static final SitePage NEWSROOM_FORBIDDEN = new SitePage("newsroom-forbidden.html");

    private final byte[] html;

    SitePage(String name) {
        try {
            this.html = SITE.page(name).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The site's page site/" + name + " cannot be put together: "
                    + e.getMessage() + " (files under gateway/src/main/resources/site/)", e);
        }
    }

    /** The text of {@code site/<name>} on the class path, or null when there is none. */
    private static String read(String name) {
        ClassPathResource file = new ClassPathResource("site/" + name);
        if (!file.exists()) {
            return null;
        }
        try {
            return file.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("site/" + name + " cannot be read from the class path", e);
        }
    }

    byte[] html() {
        return html;
    }

    static void headers(HttpHeaders headers) {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    /** Writes this page as the whole answer, with the status given, never kept by a cache. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        headers(response.getHeaders());
        response.getHeaders().setContentType(HTML);
        response.getHeaders().setCacheControl(CacheControl.noStore());
        response.getHeaders().setContentLength(html.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(html)));
    }
}
