package news.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates Kubernetes resources against the schemas the API server would apply, with no cluster: the built-in kinds
 * against the JSON schemas of the fabric8 Kubernetes model (Kubernetes 1.30 API), the custom resources against the
 * CRD schemas kept in {@code crd-schemas/} (crd-schemas/README.md names their releases). Unknown fields are refused, as
 * {@code kubectl apply --validate=strict} refuses them (the API server would otherwise drop them without a word), and
 * int-or-string and quantity fields take what the API takes.
 */
final class KubernetesSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> MODEL_ONLY = Set.of("existingJavaType", "javaType", "javaInterfaces", "javaOmitEmpty");
    private static final String CRDS = "crd-schemas/";

    /** Where the schema of one apiVersion and kind lives: a whole schema document and the pointer to it. */
    private record Source(ObjectNode document, String pointer) {
    }

    private final Map<String, Source> sources = new HashMap<>();
    private final Map<String, Schema> compiled = new HashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    static KubernetesSchemas load() {
        KubernetesSchemas schemas = new KubernetesSchemas();
        try {
            for (URL url : Collections.list(KubernetesSchemas.class.getClassLoader()
                    .getResources("schema/validation-schema.json"))) {
                schemas.addModel(read(url));
            }
            for (String file : List.of("kafka.strimzi.io_v1_Kafka", "kafka.strimzi.io_v1_KafkaNodePool",
                    "kafka.strimzi.io_v1_KafkaTopic", "kafka.strimzi.io_v1_KafkaUser", "monitoring.coreos.com_v1_PodMonitor",
                    "monitoring.coreos.com_v1_PrometheusRule", "mongodbcommunity.mongodb.com_v1_MongoDBCommunity")) {
                String[] parts = file.split("_");
                ObjectNode schema = (ObjectNode) read(KubernetesSchemas.class.getClassLoader().getResource(CRDS + file + ".json"));
                schemas.sources.put(parts[0] + "/" + parts[1] + " " + parts[2], new Source(strict(schema), ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    boolean knows(String apiVersion, String kind) {
        return sources.containsKey(apiVersion + " " + kind);
    }

    /** The violations of one resource; empty when it is valid. */
    List<String> validate(Map<String, Object> resource) {
        String key = resource.get("apiVersion") + " " + resource.get("kind");
        Source source = sources.get(key);
        if (source == null) {
            return List.of("no schema for " + key);
        }
        Schema schema = compiled.computeIfAbsent(key, k -> registry.getSchema(compose(source), InputFormat.JSON));
        List<String> errors = new ArrayList<>();
        for (Error error : schema.validate(JSON.writeValueAsString(resource), InputFormat.JSON)) {
            errors.add(error.toString());
        }
        return errors;
    }

    private void addModel(JsonNode model) {
        ObjectNode document = strict((ObjectNode) model);
        ObjectNode definitions = (ObjectNode) document.path("definitions");
        for (String name : definitions.propertyNames()) {
            JsonNode definition = definitions.path(name);
            String apiVersion = definition.path("properties").path("apiVersion").path("default").asString("");
            String kind = definition.path("properties").path("kind").path("default").asString("");
            if (!apiVersion.isEmpty() && !kind.isEmpty()) {
                sources.putIfAbsent(apiVersion + " " + kind, new Source(document, "#/definitions/" + name));
            }
        }
    }

    private static String compose(Source source) {
        if (source.pointer().isEmpty()) {
            return JSON.writeValueAsString(source.document());
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("definitions", source.document().path("definitions"));
        root.put("$ref", source.pointer());
        return JSON.writeValueAsString(root);
    }

    /**
     * Refuses unknown fields wherever a schema lists the fields of an object (not where it keeps unknown fields on
     * purpose), and replaces the model's Java forms of int-or-string and quantity by what the API accepts.
     */
    static ObjectNode strict(ObjectNode node) {
        MODEL_ONLY.forEach(node::remove);
        if (node.path("required").isBoolean()) {
            node.remove("required");
        }
        if (node.path("existingJavaTypeOf").isMissingNode() && node.has("properties") && node.path("properties").has("IntVal")) {
            return intOrString(node);
        }
        if (node.has("properties") && node.path("properties").has("Format") && node.path("properties").size() == 1) {
            return quantity(node);
        }
        if (node.has("properties") && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                && (!node.has("additionalProperties") || node.path("additionalProperties").isBoolean())) {
            node.put("additionalProperties", false);
        }
        for (String name : new ArrayList<>(node.propertyNames())) {
            JsonNode child = node.get(name);
            if (child instanceof ObjectNode object) {
                node.set(name, strict(object));
            } else if (child instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) instanceof ObjectNode item) {
                        array.set(i, strict(item));
                    }
                }
            }
        }
        return node;
    }

    private static ObjectNode intOrString(ObjectNode node) {
        ObjectNode replacement = JsonNodeFactory.instance.objectNode();
        replacement.putArray("type").add("integer").add("string");
        return replacement;
    }

    private static ObjectNode quantity(ObjectNode node) {
        ObjectNode replacement = JsonNodeFactory.instance.objectNode();
        replacement.putArray("type").add("string").add("integer").add("number");
        return replacement;
    }

    private static JsonNode read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in);
        }
    }
}
