package news.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

import news.testsupport.ServiceClient;
import news.testsupport.ServiceClientExtension;
import news.testsupport.TestHttp;

/** A service with a springdoc starter gets the kit's common OpenAPI parts: its name, the bearer scheme, AsyncAPI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = KitTestApplication.class,
        properties = {"spring.application.name=kit-test-service", "news.api.description=Drafts for tests."})
@ExtendWith(ServiceClientExtension.class)
class ApiDocsTest {

    @Test
    void theOpenApiDocumentNamesTheServiceItsPathsTheBearerSchemeAndTheAsyncApiDocument(@ServiceClient TestHttp http) {
        HttpResponse<String> response = http.get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\":\"3.").contains("\"title\":\"kit-test-service\"")
                .contains("Drafts for tests.").contains("infra/contracts/asyncapi.yaml")
                .contains("\"/drafts\"").contains("\"/drafts/{id}\"")
                .contains("\"bearer\":{\"type\":\"http\"");
    }
}
