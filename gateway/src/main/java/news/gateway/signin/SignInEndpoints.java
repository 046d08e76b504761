package news.gateway.signin;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * {@code GET /login?next=/article/42}: remembers where to come back to and starts the sign-in.
 * {@code GET /api/session}: who is signed in ({@code {"signedIn":false}} otherwise), and the CSRF cookie the page's
 * writes send back in {@code X-XSRF-TOKEN}.
 */
@Configuration(proxyBeanMethods = false)
class SignInEndpoints {

    @Bean
    RouterFunction<ServerResponse> signIn() {
        return RouterFunctions.route(GET("/login"), SignInEndpoints::login)
                .andRoute(GET("/api/session"), SignInEndpoints::session);
    }

    private static Mono<ServerResponse> login(ServerRequest request) {
        String next = ReturnToPage.safe(request.queryParam("next").orElse("/"));
        return request.session().flatMap(session -> {
            session.getAttributes().put(ReturnToPage.NEXT, next);
            return ServerResponse.seeOther(URI.create("/oauth2/authorization/" + SignInConfiguration.REGISTRATION))
                    .cacheControl(CacheControl.noStore()).build();
        });
    }

    private static Mono<ServerResponse> session(ServerRequest request) {
        Mono<CsrfToken> csrf = request.exchange().getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        Mono<Map<String, Object>> who = ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(authentication -> authentication.getPrincipal() instanceof OidcUser)
                .map(authentication -> {
                    OidcUser user = (OidcUser) authentication.getPrincipal();
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("signedIn", true);
                    body.put("subject", user.getSubject());
                    body.put("name", displayName(user));
                    body.put("roles", roles(authentication.getAuthorities()));
                    return body;
                })
                .defaultIfEmpty(Map.of("signedIn", false));
        return csrf.map(token -> token.getToken()).defaultIfEmpty("").then(who).flatMap(body -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore()).bodyValue(body));
    }

    private static String displayName(OidcUser user) {
        String name = user.getFullName();
        if (name == null || name.isBlank()) {
            name = user.getPreferredUsername();
        }
        return name == null || name.isBlank() ? user.getSubject() : name;
    }

    private static List<String> roles(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length())).toList();
    }
}
