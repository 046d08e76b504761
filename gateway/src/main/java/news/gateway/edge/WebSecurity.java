package news.gateway.edge;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Bearer tokens are checked at the door for writes, with the rules of DESIGN §3; reads (and probes) are public and
 * never meet the security filters at all, which keeps the page hot path short. Views and shares are public writes.
 * The token passes on to the service unchanged, which checks it again and applies finer rules (the author of a
 * comment, for instance). 401 and 403 are problem details.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String READER = "reader";
    private static final String EDITOR = "editor";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtAuthenticationConverter roles) {
        ServerWebExchangeMatcher writes = exchange -> READS.contains(exchange.getRequest().getMethod())
                ? ServerWebExchangeMatcher.MatchResult.notMatch() : ServerWebExchangeMatcher.MatchResult.match();
        return http
                .securityMatcher(writes)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(e -> e.authenticationEntryPoint(WebSecurity::unauthorized)
                        .accessDeniedHandler(WebSecurity::forbidden))
                .authorizeExchange(rules -> rules
                        .pathMatchers(HttpMethod.POST, "/api/articles/*/views", "/api/articles/*/shares").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/articles/*/comments").hasAnyRole(READER, EDITOR)
                        .pathMatchers(HttpMethod.DELETE, "/api/comments/*").hasAnyRole(READER, EDITOR)
                        .pathMatchers(HttpMethod.POST, "/api/articles", "/api/articles/*/publish",
                                "/api/articles/*/unpublish").hasRole(EDITOR)
                        .pathMatchers(HttpMethod.PUT, "/api/articles/*", "/api/articles/*/editor-pick").hasRole(EDITOR)
                        .pathMatchers("/api/newsroom/**").hasRole(EDITOR)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(o -> o
                        .authenticationEntryPoint(WebSecurity::unauthorized)
                        .accessDeniedHandler(WebSecurity::forbidden)
                        .jwt(j -> j.jwtAuthenticationConverter(roles)))
                .build();
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException denied) {
        return Problems.write(exchange, HttpStatus.FORBIDDEN, "Your token does not grant the role this action needs.");
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenGiven = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
        String reason = failure.getMessage() == null || failure.getMessage().isBlank() ? "invalid token"
                : failure.getMessage();
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, tokenGiven
                ? "The bearer token was rejected: " + reason
                : "This endpoint needs a bearer token (Authorization: Bearer <JWT>).");
    }
}
