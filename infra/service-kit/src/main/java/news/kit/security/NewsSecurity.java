package news.kit.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The common part of every servlet service's security: stateless, no CSRF (no cookies, bearer tokens only),
 * JWT resource server with the {@code roles} mapping, 401/403 as problem details. A service hands its own
 * authorization rules to {@link #chain}.
 */
public final class NewsSecurity {

    private NewsSecurity() {
    }

    /**
     * A service's whole chain: probes, the error page and the OpenAPI document are open to everybody, then the
     * service's {@code rules} apply, and any other request needs at least a valid token.
     */
    public static SecurityFilterChain chain(HttpSecurity http, JwtAuthenticationConverter converter,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        return apply(http, converter)
                .authorizeHttpRequests(registry -> {
                    registry.requestMatchers("/actuator/**", "/error", "/v3/api-docs", "/v3/api-docs/**").permitAll();
                    rules.customize(registry);
                    registry.anyRequest().authenticated();
                })
                .build();
    }

    /** The common part alone, for a chain whose rules are all its own. */
    public static HttpSecurity apply(HttpSecurity http, JwtAuthenticationConverter converter) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler();
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .oauth2ResourceServer(o -> o
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter)));
    }
}
