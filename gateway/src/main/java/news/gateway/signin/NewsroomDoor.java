package news.gateway.signin;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;

import news.gateway.edge.AccessRules;
import news.gateway.site.SitePage;
import reactor.core.publisher.Mono;

/**
 * The browser chain's 401 and 403. A browser opening a newsroom page gets a page that says what to do (sign in, or
 * sign in with an editor's account) with the same status; everything else gets the problem details of
 * {@link AccessRules}.
 */
final class NewsroomDoor {

    private NewsroomDoor() {
    }

    static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
        if (!opensANewsroomPage(exchange.getRequest())) {
            return AccessRules.unauthorized(exchange, failure);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return SitePage.NEWSROOM_SIGN_IN.write(exchange, HttpStatus.UNAUTHORIZED);
    }

    static Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException denied) {
        if (!opensANewsroomPage(exchange.getRequest())) {
            return AccessRules.forbidden(exchange, denied);
        }
        return SitePage.NEWSROOM_FORBIDDEN.write(exchange, HttpStatus.FORBIDDEN);
    }

    private static boolean opensANewsroomPage(ServerHttpRequest request) {
        return HttpMethod.GET.equals(request.getMethod())
                && BrowserRequests.isNewsroomPage(request.getPath().pathWithinApplication().value())
                && request.getHeaders().getAccept().stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith);
    }
}
