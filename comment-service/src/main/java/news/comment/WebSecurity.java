package news.comment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import news.kit.security.NewsSecurity;

/**
 * Who may call what: probes, the OpenAPI document and reads are open, except the newsroom's moderation queue (role
 * {@code editor}); posting and removing comments need a bearer token with role {@code reader} or {@code editor}
 * (whether a reader may remove a given comment is the comment feature's rule).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtAuthenticationConverter converter) throws Exception {
        return NewsSecurity.chain(http, converter, rules -> rules
                .requestMatchers("/api/newsroom/**").hasRole("editor")
                .requestMatchers(HttpMethod.GET, "/api/authors/me").hasAnyRole("reader", "editor")
                .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/articles/*/comments").hasAnyRole("reader", "editor")
                .requestMatchers(HttpMethod.DELETE, "/api/comments/*").hasAnyRole("reader", "editor"));
    }
}
