package news.contracts;

import java.io.ByteArrayInputStream;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of every event type in the topic list, ready to validate payloads. Format keywords
 * ({@code date-time}, {@code email}) are asserted, not just annotated, so a malformed timestamp fails.
 * <p>
 * Two views of the same schemas. The published schemas leave room for additive change: a field they do not name is
 * allowed, so a consumer holding an older schema still accepts records of a newer producer ({@link #forReaders()}).
 * A producer's own output, though, must have no field its contract does not name: {@link #load()} checks payloads
 * strictly, with every object of every schema closed ({@code additionalProperties: false}), which is what the
 * producers' tests use.
 */
public final class EventContracts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Schema> schemasByType;

    private EventContracts(Map<String, Schema> schemasByType) {
        this.schemasByType = Map.copyOf(schemasByType);
    }

    /** Strict: what a producer may write (every object of every schema closed to fields it does not name). */
    public static EventContracts load() {
        return load(TopicCatalog.load());
    }

    /** Strict: what a producer may write (every object of every schema closed to fields it does not name). */
    public static EventContracts load(TopicCatalog catalog) {
        return load(catalog, true);
    }

    /** The schemas as published: what a consumer must accept (fields it does not know included). */
    public static EventContracts forReaders() {
        return load(TopicCatalog.load(), false);
    }

    private static EventContracts load(TopicCatalog catalog, boolean strict) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        Map<String, Schema> byType = new LinkedHashMap<>();
        catalog.topics().stream().flatMap(t -> t.events().stream()).forEach(event -> {
            String resource = "contracts/schemas/" + event.schema();
            try (InputStream in = TopicCatalog.resource(resource)) {
                JsonNode schema = JSON.readTree(in);
                if (strict) {
                    close(schema);
                }
                byType.put(event.type(), registry.getSchema(
                        new ByteArrayInputStream(JSON.writeValueAsBytes(schema)), InputFormat.JSON));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        });
        return new EventContracts(byType);
    }

    /** Every object schema (one with {@code properties}) that says nothing of other fields refuses them. */
    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(child -> close(child.getValue()));
        } else if (node != null && node.isArray()) {
            node.forEach(EventContracts::close);
        }
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
