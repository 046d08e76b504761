package news.gateway.edge;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;


/**
 * Bearer tokens are checked at the door for writes, with the {@link AccessRules}; reads (and probes) are public and
 * never meet the security filters at all, which keeps the page hot path short. Views and shares are public writes.
 * The token passes on to the service unchanged, which checks it again and applies finer rules (the author of a
 * comment, for instance). Requests of a signed-in browser (session cookie, no bearer token) go through the browser
 * chain of {@code news.gateway.signin} first, with the same rules.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

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
                .exceptionHandling(e -> e.authenticationEntryPoint(AccessRules::unauthorized)
                        .accessDeniedHandler(AccessRules::forbidden))
                .authorizeExchange(rules -> AccessRules.apply(rules).anyExchange().authenticated())
                .oauth2ResourceServer(o -> o
                        .authenticationEntryPoint(AccessRules::unauthorized)
                        .accessDeniedHandler(AccessRules::forbidden)
                        .jwt(j -> j.jwtAuthenticationConverter(roles)))
                .build();
    }
}
