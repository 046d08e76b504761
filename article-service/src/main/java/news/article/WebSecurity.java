package news.article;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import news.kit.security.NewsSecurity;

/**
 * Who may call what: probes, the OpenAPI document, reads, views and shares are open to everybody; the newsroom (drafts
 * included) and every other article call are an editor's (role {@code editor}); anything else needs at least a valid
 * token.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtAuthenticationConverter converter) throws Exception {
        return NewsSecurity.chain(http, converter, rules -> rules
                .requestMatchers("/api/newsroom", "/api/newsroom/**").hasRole("editor")
                .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/articles/*/views", "/api/articles/*/shares").permitAll()
                .requestMatchers("/api/articles", "/api/articles/**").hasRole("editor"));
    }
}
