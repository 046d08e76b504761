package news.gateway.site;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.time.Duration;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import news.kit.Sections;
import reactor.core.publisher.Mono;

/**
 * The reader's pages: {@code /} is the home page, {@code /article/{id}} an article page; both fill themselves from
 * the page API. The newsroom's pages (editors only, checked by the browser chain of {@code news.gateway.signin}
 * before they are reached): {@code /newsroom} the list of articles, {@code /newsroom/new} and
 * {@code /newsroom/articles/{id}} the editor, {@code /newsroom/comments} the moderation queue, and
 * {@code /newsroom/sections} the sections an article may be filed in.
 */
@Configuration(proxyBeanMethods = false)
class SiteRoutes {

    private static final CacheControl PUBLIC_PAGE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    @Bean
    RouterFunction<ServerResponse> site(Sections sections) {
        SitePage home = new SitePage("index.html");
        SitePage article = new SitePage("article.html");
        SitePage newsroom = new SitePage("newsroom.html");
        SitePage editor = new SitePage("newsroom-editor.html");
        SitePage moderation = new SitePage("newsroom-comments.html");
        Map<String, Object> sectionList = Map.of("sections", sections.sections());
        return RouterFunctions.route(GET("/"), request -> page(home, PUBLIC_PAGE))
                .andRoute(GET("/article/{id}"), request -> page(article, PUBLIC_PAGE))
                .andRoute(GET("/newsroom"), request -> page(newsroom, CacheControl.noStore()))
                .andRoute(GET("/newsroom/new"), request -> page(editor, CacheControl.noStore()))
                .andRoute(GET("/newsroom/articles/{id}"), request -> page(editor, CacheControl.noStore()))
                .andRoute(GET("/newsroom/comments"), request -> page(moderation, CacheControl.noStore()))
                .andRoute(GET("/newsroom/sections"), request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                        .bodyValue(sectionList));
    }

    private static Mono<ServerResponse> page(SitePage page, CacheControl caching) {
        return ServerResponse.ok().contentType(SitePage.HTML).cacheControl(caching)
                .headers(SitePage::headers).bodyValue(page.html());
    }
}
