package news.gateway.site;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/** {@code /} is the home page, {@code /article/{id}} an article page; both fill themselves from the page API. */
@Configuration(proxyBeanMethods = false)
class SiteRoutes {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Bean
    RouterFunction<ServerResponse> site() {
        Resource home = new ClassPathResource("site/index.html");
        Resource article = new ClassPathResource("site/article.html");
        return RouterFunctions.route(GET("/"), request -> page(home))
                .andRoute(GET("/article/{id}"), request -> page(article));
    }

    private static Mono<ServerResponse> page(Resource html) {
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .bodyValue(html);
    }
}
