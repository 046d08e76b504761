package news.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schema of every event type in the topic list, ready to validate payloads. Format keywords
 * ({@code date-time}, {@code email}) are asserted, not just annotated, so a malformed timestamp fails.
 */
public final class EventContracts {

    private final Map<String, Schema> schemasByType;

    private EventContracts(Map<String, Schema> schemasByType) {
        this.schemasByType = Map.copyOf(schemasByType);
    }

    public static EventContracts load() {
        return load(TopicCatalog.load());
    }

    public static EventContracts load(TopicCatalog catalog) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        Map<String, Schema> byType = new LinkedHashMap<>();
        catalog.topics().stream().flatMap(t -> t.events().stream()).forEach(event -> {
            String resource = "contracts/schemas/" + event.schema();
            try (InputStream in = TopicCatalog.resource(resource)) {
                byType.put(event.type(), registry.getSchema(in, InputFormat.JSON));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        });
        return new EventContracts(byType);
    }

    public Set<String> types() {
        return schemasByType.keySet();
    }

    /**
     * Validates a JSON payload against the schema of its CloudEvents type.
     *
     * @return the violations, each naming the JSON path it concerns; empty when the payload is valid
     * @throws IllegalArgumentException for a type the contract does not know
     */
    public List<String> validate(String ceType, String json) {
        Schema schema = schemasByType.get(ceType);
        if (schema == null) {
            throw new IllegalArgumentException("Unknown event type '" + ceType + "'; known: " + types());
        }
        try {
            return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
        } catch (RuntimeException notJson) {
            return List.of("payload is not JSON: " + notJson.getMessage());
        }
    }
}
