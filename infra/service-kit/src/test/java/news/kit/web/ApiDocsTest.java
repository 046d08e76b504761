package news.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A service with a springdoc starter gets the kit's common OpenAPI parts: its name, the bearer scheme, AsyncAPI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = KitTestApplication.class,
        properties = {"spring.application.name=kit-test-service", "news.api.description=Drafts for tests."})
class ApiDocsTest {

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDocumentNamesTheServiceItsPathsTheBearerSchemeAndTheAsyncApiDocument() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\":\"3.").contains("\"title\":\"kit-test-service\"")
                .contains("Drafts for tests.").contains("infra/contracts/asyncapi.yaml")
                .contains("\"/drafts\"").contains("\"/drafts/{id}\"")
                .contains("\"bearer\":{\"type\":\"http\"");
    }
}
