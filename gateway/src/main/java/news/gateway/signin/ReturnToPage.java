package news.gateway.signin;

import java.net.URI;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;

import reactor.core.publisher.Mono;

/** After sign-in, back to the page the reader came from (kept in the session by {@code GET /login?next=}). */
final class ReturnToPage implements ServerAuthenticationSuccessHandler {

    static final String NEXT = "news.signin.next";

    private static final DefaultServerRedirectStrategy REDIRECTS = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        return exchange.getExchange().getSession().flatMap(session -> {
            String next = session.getAttribute(NEXT);
            session.getAttributes().remove(NEXT);
            return REDIRECTS.sendRedirect(exchange.getExchange(), URI.create(safe(next)));
        });
    }

    static Mono<Void> failed(WebFilterExchange exchange, AuthenticationException failure) {
        return REDIRECTS.sendRedirect(exchange.getExchange(), URI.create("/?signin=failed"));
    }

    /** Only a path of this site: never another origin ({@code //evil.example}, {@code https:...}) nor a backslash trick. */
    static String safe(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.length() > 2000 || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
