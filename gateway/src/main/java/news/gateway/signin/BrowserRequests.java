package news.gateway.signin;

import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Which requests belong to a browser session: the sign-in and sign-out paths, the newsroom's pages, the newsroom's API
 * and the reads about the signed-in user ({@link #SIGNED_IN_READS}) unless a bearer token is sent (so that a
 * signed-out browser is refused here, with or without a cookie), and calls that carry the session cookie and no bearer
 * token and need an identity (writes other than views and shares).
 * Everything else (public reads, views, shares, bearer-token clients) never loads a session.
 */
final class BrowserRequests implements ServerWebExchangeMatcher {

    static final Set<String> SIGN_IN_PATHS = Set.of("/login", "/logout", "/api/session");
    /** Reads whose answer is about the caller: the reader as a commenter (comment-service's {@code authors/me}). */
    static final Set<String> SIGNED_IN_READS = Set.of("/api/authors/me");
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final String sessionCookie;

    BrowserRequests(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return matches(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch();
    }

    boolean matches(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        if (SIGN_IN_PATHS.contains(path) || path.startsWith("/oauth2/") || path.startsWith("/login/oauth2/")
                || isNewsroomPage(path)) {
            return true;
        }
        if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return false;
        }
        if (PATHS.match("/api/newsroom/**", path) || SIGNED_IN_READS.contains(path)) {
            return true;
        }
        if (!request.getCookies().containsKey(sessionCookie)) {
            return false;
        }
        return !READS.contains(request.getMethod()) && !isPublicWrite(request.getMethod(), path);
    }

    /** The newsroom's pages (not its API): {@code /newsroom} and everything under it. */
    static boolean isNewsroomPage(String path) {
        return path.equals("/newsroom") || path.startsWith("/newsroom/");
    }

    static boolean isPublicWrite(HttpMethod method, String path) {
        return HttpMethod.POST.equals(method)
                && (PATHS.match("/api/articles/*/views", path) || PATHS.match("/api/articles/*/shares", path));
    }
}
