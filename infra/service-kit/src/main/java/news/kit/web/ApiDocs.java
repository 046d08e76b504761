package news.kit.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The part of every service's OpenAPI document ({@code /v3/api-docs}, springdoc) that is the same for all: title
 * and version of the service, the bearer-token scheme, and where the events are described.
 */
public final class ApiDocs {

    public static final String BEARER = "bearer";

    private ApiDocs() {
    }

    public static OpenAPI of(String application, String version, String description) {
        return new OpenAPI()
                .info(new Info().title(application).version(version)
                        .contact(new Contact().name("News platform team").url("https://news-platform.example/team")
                                .email("platform-team@example.com"))
                        .description(description
                        + "\n\nErrors are RFC 9457 problem details (application/problem+json). Events this service"
                        + " publishes or reads are described by the AsyncAPI 3 document infra/contracts/asyncapi.yaml"
                        + " (topics, keys, CloudEvents headers, payload schemas)."))
                // relative: calls go to whoever served the document, the service itself or the gateway in front of it
                .servers(List.of(new Server().url("/").description("where this document was fetched from")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A JWT with claims sub, name and roles (reader, editor)")));
    }
}
