package news.gateway.routing;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;

import news.contracts.ContractNames;

/**
 * The API documents through the gateway: its own {@code /v3/api-docs} (springdoc) with the page endpoints, which are
 * filters rather than controllers and so are described here; each service's document proxied at
 * {@code /v3/api-docs/<service>} (routes in {@code application.yml}); and {@code /v3/api-docs/swagger-config}, the
 * list of all four in the form Swagger UI reads ({@code configUrl}), which is the combined view.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final List<String> SERVICES = List.of("article-service", "comment-service", "ranking-service");

    @Bean
    OpenApiCustomizer pageEndpoints() {
        return openApi -> {
            openApi.addTagsItem(new Tag().name("pages").description("Everything a page shows, in one call, from the"
                    + " gateway's caches and read models"));
            openApi.path("/api/pages/home", new PathItem().get(page("homePage", "The home page in one call",
                    "{lists:{justIn, popularNow, mustReads, ...}, sections:[{section, latest}], degraded, generatedAt};"
                            + " lists holds Just In and every ranked list of news.gateway.pages.home-rankings."
                            + " Served from the page cache; 503 until the read models have caught up.")));
            openApi.path("/api/pages/article/{articleId}", new PathItem().get(page("articlePage",
                    "An article page in one call",
                    "{article, comments, lists, degraded, generatedAt}: the article and its first comments from the"
                            + " services, the four headline lists from the read models; degraded names the parts"
                            + " served stale or empty. 404 for an unknown or unpublished article.")
                    .addParametersItem(new PathParameter().name("articleId").required(true)
                            .schema(new StringSchema().pattern(ContractNames.ID_PATTERN)))));
        };
    }

    private static Operation page(String operationId, String summary, String description) {
        Content json = new Content().addMediaType(MediaType.APPLICATION_JSON_VALUE,
                new io.swagger.v3.oas.models.media.MediaType().schema(new ObjectSchema()));
        Content problem = new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new io.swagger.v3.oas.models.media.MediaType().schema(new ObjectSchema()));
        return new Operation().operationId(operationId).addTagsItem("pages").summary(summary)
                .description(description + " ETag and Cache-Control on every page; If-None-Match gives 304.")
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("the page").content(json))
                        .addApiResponse("304", new ApiResponse().description("not modified"))
                        .addApiResponse("404", new ApiResponse().description("no such page").content(problem))
                        .addApiResponse("503", new ApiResponse().description("not ready yet").content(problem)));
    }

    @Bean
    RouterFunction<ServerResponse> swaggerConfig() {
        List<Map<String, String>> urls = new java.util.ArrayList<>();
        urls.add(Map.of("name", "gateway", "url", "/v3/api-docs"));
        SERVICES.forEach(service -> urls.add(Map.of("name", service, "url", "/v3/api-docs/" + service)));
        Map<String, Object> config = Map.of("configUrl", "/v3/api-docs/swagger-config", "urls", urls,
                "urls.primaryName", "gateway");
        return RouterFunctions.route(GET("/v3/api-docs/swagger-config"),
                request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(config));
    }
}
