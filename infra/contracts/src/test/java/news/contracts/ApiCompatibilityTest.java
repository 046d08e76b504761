package news.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP API changes only in ways its clients survive: the OpenAPI document of each service, checked in under
 * {@code openapi/} (each service's tests keep it equal to what the service serves), is compared with the released
 * one under {@code released/openapi/} by openapi-diff. A removed endpoint or response field, a new required
 * parameter or request field, a narrowed type or a removed enum value fails the build; added endpoints and optional
 * fields do not. Releasing is the contract's release command ({@link ContractCompatibilityTest#RELEASE_COMMAND}).
 */
class ApiCompatibilityTest {

    static final List<String> SERVICES = List.of("article-service", "comment-service", "ranking-service", "gateway");

    private static final Path CURRENT = Path.of("openapi");
    private static final Path RELEASED = Path.of("released/openapi");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyServicesDocumentIsCheckedInAndReleased() {
        for (String service : SERVICES) {
            assertThat(CURRENT.resolve(service + ".json")).as("the checked-in document of %s", service).exists();
            assertThat(RELEASED.resolve(service + ".json")).as("the released document of %s", service).exists();
        }
    }

    @Test
    void everyServicesApiIsCompatibleWithItsReleasedVersion() throws IOException {
        if (Boolean.getBoolean("news.contracts.release")) {
            return; // ContractCompatibilityTest copies the documents over the released ones
        }
        List<String> breaking = new ArrayList<>();
        for (String service : SERVICES) {
            ChangedOpenApi diff = OpenApiCompare.fromContents(Files.readString(RELEASED.resolve(service + ".json")),
                    Files.readString(CURRENT.resolve(service + ".json")));
            if (diff.isIncompatible()) {
                breaking.add(service + ":\n" + markdown(diff));
            }
        }
        assertThat(breaking).as("breaking changes to the released HTTP API: make them additive (after a deliberate"
                + " release: " + ContractCompatibilityTest.RELEASE_COMMAND + ")").isEmpty();
    }

    @Test
    void theCheckRefusesARemovedEndpointAndANewRequiredParameterAndAcceptsAnAddedEndpoint() throws IOException {
        String released = Files.readString(CURRENT.resolve("article-service.json"));
        JsonNode document = JSON.readTree(released);

        ObjectNode withoutEndpoint = (ObjectNode) document.deepCopy();
        ((ObjectNode) withoutEndpoint.path("paths")).remove("/api/articles/by-slug/{slug}");
        assertThat(OpenApiCompare.fromContents(released, JSON.writeValueAsString(withoutEndpoint)).isIncompatible())
                .as("a removed endpoint").isTrue();

        ObjectNode newRequired = (ObjectNode) document.deepCopy();
        ((tools.jackson.databind.node.ArrayNode) newRequired.at("/paths/~1api~1articles/get/parameters"))
                .addObject().put("name", "tenant").put("in", "query").put("required", true)
                .putObject("schema").put("type", "string");
        assertThat(OpenApiCompare.fromContents(released, JSON.writeValueAsString(newRequired)).isIncompatible())
                .as("a new required query parameter").isTrue();

        ObjectNode additive = (ObjectNode) document.deepCopy();
        ((ObjectNode) additive.path("paths")).putObject("/api/articles/{id}/related").putObject("get")
                .put("operationId", "related").putObject("responses").putObject("200").put("description", "ok");
        assertThat(OpenApiCompare.fromContents(released, JSON.writeValueAsString(additive)).isIncompatible())
                .as("an added endpoint").isFalse();
    }

    private static String markdown(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            return "(could not render the differences: " + e + ")";
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
