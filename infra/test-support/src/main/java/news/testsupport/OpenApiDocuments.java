package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document a service serves is the one checked in under {@code infra/contracts/openapi/<service>.json},
 * which the contracts build compares with the released one (breaking changes fail there). A service's test calls
 * {@link #assertCheckedIn} with what {@code /v3/api-docs} answered: the document is written to
 * {@code target/openapi/<service>.json} and must equal the checked-in one. After a deliberate change of the API,
 * {@code -Dnews.openapi.update=true} writes the checked-in document instead of comparing.
 */
public final class OpenApiDocuments {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private OpenApiDocuments() {
    }

    /** The checked-in document of {@code service}. */
    public static Path checkedIn(String service) {
        return RepositoryFiles.root().resolve("infra/contracts/openapi").resolve(service + ".json");
    }

    /** Fails when the served document differs from the checked-in one (or updates it, with news.openapi.update). */
    public static void assertCheckedIn(String service, String served) {
        String document = canonical(JSON.readTree(served));
        Path generated = Path.of("target/openapi", service + ".json");
        Path checkedIn = checkedIn(service);
        try {
            Files.createDirectories(generated.getParent());
            Files.writeString(generated, document);
            if (Boolean.getBoolean("news.openapi.update")) {
                Files.createDirectories(checkedIn.getParent());
                Files.writeString(checkedIn, document);
            }
            assertThat(Files.exists(checkedIn)).as("%s is checked in (write it with -Dnews.openapi.update=true)",
                    checkedIn).isTrue();
            assertThat(document).as("""
                    the OpenAPI document %s serves (%s) differs from the checked-in %s. If the change is meant, \
                    write it with -Dnews.openapi.update=true and commit it; the contracts build then tells whether \
                    it breaks clients""", service, generated.toAbsolutePath(), checkedIn)
                    .isEqualTo(Files.readString(checkedIn));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document with every object's fields in name order and a final newline, so the file diffs line by line. */
    static String canonical(JsonNode document) {
        return JSON.writeValueAsString(sorted(document)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            List<String> names = new ArrayList<>(object.propertyNames());
            names.sort(null);
            names.forEach(name -> copy.set(name, sorted(object.get(name))));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(child -> copy.add(sorted(child)));
            return copy;
        }
        return node;
    }
}
