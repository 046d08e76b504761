package news.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Who may call what, for both doors of the gateway: bearer-token clients ({@link WebSecurity}) and signed-in
 * browsers ({@code news.gateway.signin}). A rule added here holds for both; the services check again and apply finer
 * rules (a comment's author, for instance). 401 and 403 are problem details.
 */
public final class AccessRules {

    public static final String READER = "reader";
    public static final String EDITOR = "editor";
    static final String REJECTED = "The bearer token was rejected: it is malformed, expired, not signed by the platform's"
            + " identity provider or not issued for this platform. Sign in again or get a new token.";
    private static final Logger log = LoggerFactory.getLogger(AccessRules.class);

    private AccessRules() {
    }

    public static AuthorizeExchangeSpec apply(AuthorizeExchangeSpec rules) {
        return rules
                .pathMatchers(HttpMethod.POST, "/api/articles/*/views", "/api/articles/*/shares").permitAll()
                .pathMatchers(HttpMethod.POST, "/api/articles/*/comments").hasAnyRole(READER, EDITOR)
                .pathMatchers(HttpMethod.DELETE, "/api/comments/*").hasAnyRole(READER, EDITOR)
                .pathMatchers(HttpMethod.GET, "/api/authors/me").hasAnyRole(READER, EDITOR)
                .pathMatchers("/api/newsroom/**", "/newsroom", "/newsroom/**").hasRole(EDITOR)
                .pathMatchers(HttpMethod.POST, "/api/articles", "/api/articles/*/publish",
                        "/api/articles/*/unpublish").hasRole(EDITOR)
                .pathMatchers(HttpMethod.PUT, "/api/articles/*", "/api/articles/*/editor-pick").hasRole(EDITOR);
    }

    public static Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException denied) {
        return Problems.write(exchange, HttpStatus.FORBIDDEN, "Your token does not grant the role this action needs.");
    }

    /**
     * 401 with one fixed detail for every rejected token: the decoder's reason (which claim, which key, the parser's
     * message) goes to the log at DEBUG, never to the client, who could otherwise probe the checks one by one.
     */
    public static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenGiven = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
        if (tokenGiven) {
            log.debug("Bearer token rejected on {} {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), failure.getMessage());
        }
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, tokenGiven ? REJECTED
                : "This endpoint needs a bearer token (Authorization: Bearer <JWT>) or a signed-in browser session.");
    }
}
