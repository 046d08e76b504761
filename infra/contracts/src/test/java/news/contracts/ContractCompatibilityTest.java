package news.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract changes only in ways its consumers survive: every schema and the topic list are compared with the
 * last released version, kept in {@code released/} (the rule is written in {@code cloudevents.md}). Breaking: a
 * removed field, a new required field, a narrowed type, a removed enum value, a tighter length, range, pattern or
 * format, an object closed to new fields; a removed topic, event type or schema, a changed key or partition count.
 * Adding an optional field, an event type, a topic or an enum value is not.
 * <p>
 * Releasing a new version of the contract is a deliberate command that copies the current files over the released
 * ones: {@value #RELEASE_COMMAND}.
 */
class ContractCompatibilityTest {

    static final String RELEASE_COMMAND =
            "./mvnw -pl infra/contracts -am test -Dtest=ContractCompatibilityTest"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Dnews.contracts.release=true";

    private static final Path CURRENT = Path.of(".");
    private static final Path RELEASED = Path.of("released");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Test
    void everySchemaAndTheTopicListAreCompatibleWithTheirReleasedVersion() throws IOException {
        if (Boolean.getBoolean("news.contracts.release")) {
            release();
            return;
        }
        List<String> breaking = new ArrayList<>();
        for (String schema : schemaFiles(RELEASED)) {
            Path current = CURRENT.resolve("schemas").resolve(schema);
            if (!Files.exists(current)) {
                breaking.add(schema + ": removed");
                continue;
            }
            compare(schema, "$", JSON.readTree(RELEASED.resolve("schemas").resolve(schema).toFile()),
                    JSON.readTree(current.toFile()), breaking);
        }
        compareTopics(YAML.readTree(RELEASED.resolve("topics.yaml").toFile()),
                YAML.readTree(CURRENT.resolve("topics.yaml").toFile()), breaking);
        compareAsyncApi(YAML.readTree(RELEASED.resolve("asyncapi.yaml").toFile()),
                YAML.readTree(CURRENT.resolve("asyncapi.yaml").toFile()), breaking);
        assertThat(breaking)
                .as("breaking changes to the released contract: make them additive, or publish a new topic version"
                        + " (after a deliberate release: " + RELEASE_COMMAND + ")")
                .isEmpty();
    }

    @Test
    void theReleasedVersionHoldsEverySchemaOfTheTopicList() throws IOException {
        Set<String> listed = new TreeSet<>();
        TopicCatalog.load().topics().forEach(t -> t.events().forEach(e -> listed.add(e.schema())));
        assertThat(schemaFiles(RELEASED)).as("run " + RELEASE_COMMAND + " once a new schema is released")
                .containsAll(listed);
    }

    @Test
    void theAsyncApiCheckFindsARemovedChannelMessageOrOperationAndANewRequiredHeader() throws IOException {
        JsonNode released = YAML.readTree(CURRENT.resolve("asyncapi.yaml").toFile());
        List<String> unchanged = new ArrayList<>();
        compareAsyncApi(released, released.deepCopy(), unchanged);
        assertThat(unchanged).isEmpty();

        ObjectNode broken = (ObjectNode) released.deepCopy();
        ((ObjectNode) broken.path("channels")).remove("articleShares");
        ((ObjectNode) broken.path("channels").path("articleEvents").path("messages")).remove("articleUnpublished");
        ((ObjectNode) broken.path("operations")).remove("consumeRankings");
        ((tools.jackson.databind.node.ArrayNode) broken.at("/components/schemas/CloudEventHeaders/required"))
                .add("traceparent");
        ((ObjectNode) broken.at("/components/messages/articleViewed/payload/schema"))
                .put("$ref", "schemas/article-shared.schema.json");
        List<String> breaking = new ArrayList<>();
        compareAsyncApi(released, broken, breaking);

        assertThat(breaking).anyMatch(b -> b.contains("news.article-shares") && b.contains("removed"))
                .anyMatch(b -> b.contains("news.article.unpublished") && b.contains("removed"))
                .anyMatch(b -> b.contains("consumeRankings") && b.contains("removed"))
                .anyMatch(b -> b.contains("CloudEventHeaders") && b.contains("traceparent"))
                .anyMatch(b -> b.contains("news.article.viewed") && b.contains("payload"));

        ObjectNode additive = (ObjectNode) released.deepCopy();
        ((ObjectNode) additive.at("/components/schemas/CloudEventHeaders/properties"))
                .putObject("x-new-header").put("type", "string");
        List<String> none = new ArrayList<>();
        compareAsyncApi(released, additive, none);
        assertThat(none).as("an optional header is additive").isEmpty();
    }

    @Test
    void theCheckFindsEachKindOfBreakingChange() {
        JsonNode released = JSON.readTree("""
                {"type":"object","required":["a"],"properties":{
                  "a":{"type":"string","maxLength":10,"pattern":"^x+$"},
                  "b":{"enum":["p","q"]},
                  "c":{"type":["integer","null"],"minimum":0},
                  "d":{"type":"object","properties":{"e":{"type":"string"}}}}}""");
        JsonNode broken = JSON.readTree("""
                {"type":"object","required":["a","b"],"properties":{
                  "a":{"type":"string","maxLength":9,"pattern":"^y+$"},
                  "b":{"enum":["p"]},
                  "c":{"type":"integer","minimum":1},
                  "d":{"type":"object","additionalProperties":false,"properties":{}}}}""");
        List<String> found = new ArrayList<>();
        compare("s", "$", released, broken, found);
        assertThat(found).containsExactlyInAnyOrder(
                "s $: new required field b",
                "s $.a: maxLength tightened from 10 to 9",
                "s $.a: pattern changed from ^x+$ to ^y+$",
                "s $.b: enum value p|q -> removed q",
                "s $.c: type narrowed from [integer, null] to [integer]",
                "s $.c: minimum tightened from 0 to 1",
                "s $.d: closed to fields it does not name",
                "s $.d: field e removed");

        JsonNode additive = JSON.readTree("""
                {"type":"object","required":["a"],"properties":{
                  "a":{"type":["string","null"],"maxLength":11,"pattern":"^x+$"},
                  "b":{"enum":["p","q","r"]},
                  "c":{"type":["integer","null"]},
                  "d":{"type":"object","properties":{"e":{"type":"string"},"f":{"type":"string"}}},
                  "g":{"type":"string"}}}""");
        List<String> none = new ArrayList<>();
        compare("s", "$", released, additive, none);
        assertThat(none).isEmpty();
    }

    static void compare(String schema, String path, JsonNode released, JsonNode current, List<String> breaking) {
        String at = schema + " " + path;
        if (!released.isObject() || !current.isObject()) {
            if (!released.equals(current)) {
                breaking.add(at + ": changed");
            }
            return;
        }
        Set<String> releasedTypes = texts(released.get("type"));
        Set<String> currentTypes = texts(current.get("type"));
        if (!currentTypes.isEmpty() && !currentTypes.containsAll(releasedTypes)) {
            breaking.add(at + ": type narrowed from " + new TreeSet<>(releasedTypes) + " to "
                    + new TreeSet<>(currentTypes));
        }
        Set<String> newRequired = new TreeSet<>(texts(current.get("required")));
        newRequired.removeAll(texts(released.get("required")));
        newRequired.forEach(field -> breaking.add(at + ": new required field " + field));
        if (released.has("enum")) {
            Set<String> removed = new TreeSet<>(texts(released.get("enum")));
            removed.removeAll(texts(current.get("enum")));
            if (!removed.isEmpty() || !current.has("enum")) {
                breaking.add(at + ": enum value " + String.join("|", new TreeSet<>(texts(released.get("enum"))))
                        + " -> removed " + String.join("|", removed));
            }
        } else if (current.has("enum")) {
            breaking.add(at + ": values restricted to an enum");
        }
        for (String upper : List.of("maxLength", "maxItems", "maximum", "exclusiveMaximum")) {
            bound(at, upper, released.get(upper), current.get(upper), true, breaking);
        }
        for (String lower : List.of("minLength", "minItems", "minimum", "exclusiveMinimum")) {
            bound(at, lower, released.get(lower), current.get(lower), false, breaking);
        }
        for (String exact : List.of("pattern", "format", "const", "$ref")) {
            JsonNode before = released.get(exact);
            JsonNode after = current.get(exact);
            if (after != null && !after.equals(before)) {
                breaking.add(at + ": " + exact + " " + (before == null ? "added: " + text(after)
                        : "changed from " + text(before) + " to " + text(after)));
            }
        }
        JsonNode closed = current.get("additionalProperties");
        if (closed != null && closed.isBoolean() && !closed.asBoolean()
                && !(released.has("additionalProperties") && !released.get("additionalProperties").asBoolean())) {
            breaking.add(at + ": closed to fields it does not name");
        }
        for (String container : List.of("properties", "$defs")) {
            JsonNode before = released.path(container);
            JsonNode after = current.path(container);
            for (Map.Entry<String, JsonNode> entry : before.properties()) {
                if (!after.has(entry.getKey())) {
                    breaking.add(at + ": " + ("properties".equals(container) ? "field " : "definition ")
                            + entry.getKey() + " removed");
                } else {
                    compare(schema, path + "." + entry.getKey(), entry.getValue(), after.get(entry.getKey()),
                            breaking);
                }
            }
        }
        if (released.has("items")) {
            compare(schema, path + "[]", released.get("items"), current.path("items"), breaking);
        }
        for (String choice : List.of("oneOf", "anyOf", "allOf")) {
            JsonNode before = released.path(choice);
            JsonNode after = current.path(choice);
            if (before.size() != after.size()) {
                if (before.size() > 0 || "allOf".equals(choice)) {
                    breaking.add(at + ": " + choice + " changed from " + before.size() + " to " + after.size()
                            + " alternatives");
                }
                continue;
            }
            for (int i = 0; i < before.size(); i++) {
                compare(schema, path + "/" + choice + "[" + i + "]", before.get(i), after.get(i), breaking);
            }
        }
    }

    private static void compareTopics(JsonNode released, JsonNode current, List<String> breaking) {
        for (JsonNode before : released.path("topics")) {
            String name = before.path("name").asString();
            JsonNode after = null;
            for (JsonNode candidate : current.path("topics")) {
                if (candidate.path("name").asString().equals(name)) {
                    after = candidate;
                }
            }
            if (after == null) {
                breaking.add("topics.yaml " + name + ": removed");
                continue;
            }
            for (String field : List.of("key", "partitions")) {
                if (!before.path(field).equals(after.path(field))) {
                    breaking.add("topics.yaml " + name + ": " + field + " changed from " + text(before.path(field))
                            + " to " + text(after.path(field)));
                }
            }
            Set<String> currentEvents = new HashSet<>();
            after.path("events").forEach(e -> currentEvents.add(e.path("type").asString() + " "
                    + e.path("schema").asString()));
            for (JsonNode event : before.path("events")) {
                String typeAndSchema = event.path("type").asString() + " " + event.path("schema").asString();
                if (!currentEvents.contains(typeAndSchema)) {
                    breaking.add("topics.yaml " + name + ": event type " + typeAndSchema + " removed or moved");
                }
            }
        }
    }

    /**
     * The AsyncAPI document: no channel (by address), message of a channel (by name), or operation (by id, with its
     * action and channel) disappears; a message keeps its payload schema; the header schemas change only additively.
     */
    static void compareAsyncApi(JsonNode released, JsonNode current, List<String> breaking) {
        Map<String, JsonNode> channels = new java.util.HashMap<>();
        current.path("channels").forEach(c -> channels.put(c.path("address").asString(), c));
        released.path("channels").forEach(before -> {
            String address = before.path("address").asString();
            JsonNode after = channels.get(address);
            if (after == null) {
                breaking.add("asyncapi.yaml channel " + address + ": removed");
                return;
            }
            Set<String> names = messageNames(current, after);
            messageNames(released, before).stream().filter(n -> !names.contains(n))
                    .forEach(n -> breaking.add("asyncapi.yaml channel " + address + ": message " + n + " removed"));
        });
        released.path("operations").properties().forEach(op -> {
            JsonNode after = current.path("operations").path(op.getKey());
            if (after.isMissingNode()) {
                breaking.add("asyncapi.yaml operation " + op.getKey() + ": removed");
            } else if (!after.path("action").equals(op.getValue().path("action"))
                    || !resolve(current, after.path("channel")).path("address")
                            .equals(resolve(released, op.getValue().path("channel")).path("address"))) {
                breaking.add("asyncapi.yaml operation " + op.getKey() + ": action or channel changed");
            }
        });
        Map<String, JsonNode> messages = new java.util.HashMap<>();
        current.at("/components/messages").forEach(m -> messages.put(m.path("name").asString(), m));
        released.at("/components/messages").forEach(before -> {
            JsonNode after = messages.get(before.path("name").asString());
            if (after != null && !after.at("/payload/schema").equals(before.at("/payload/schema"))) {
                breaking.add("asyncapi.yaml message " + before.path("name").asString() + ": payload schema changed from "
                        + before.at("/payload/schema") + " to " + after.at("/payload/schema"));
            }
        });
        released.at("/components/schemas").properties().forEach(schema -> {
            JsonNode after = current.at("/components/schemas").path(schema.getKey());
            if (after.isMissingNode()) {
                breaking.add("asyncapi.yaml schema " + schema.getKey() + ": removed");
            } else {
                compare("asyncapi.yaml " + schema.getKey(), "$", schema.getValue(), after, breaking);
            }
        });
    }

    private static Set<String> messageNames(JsonNode document, JsonNode channel) {
        Set<String> names = new HashSet<>();
        channel.path("messages").forEach(ref -> names.add(resolve(document, ref).path("name").asString()));
        return names;
    }

    private static JsonNode resolve(JsonNode document, JsonNode ref) {
        String pointer = ref.path("$ref").asString("");
        return pointer.startsWith("#/") ? document.at(pointer.substring(1)) : ref;
    }

    private static void bound(String at, String keyword, JsonNode before, JsonNode after, boolean upper,
                              List<String> breaking) {
        if (after == null || !after.isNumber()) {
            return;
        }
        if (before == null || !before.isNumber()) {
            breaking.add(at + ": " + keyword + " added: " + text(after));
        } else if (upper ? after.asDouble() < before.asDouble() : after.asDouble() > before.asDouble()) {
            breaking.add(at + ": " + keyword + " tightened from " + text(before) + " to " + text(after));
        }
    }

    private static Set<String> texts(JsonNode node) {
        Set<String> values = new HashSet<>();
        if (node == null) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(v -> values.add(text(v)));
        } else {
            values.add(text(node));
        }
        return values;
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }

    private static Set<String> schemaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("schemas"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static void release() throws IOException {
        Files.createDirectories(RELEASED.resolve("schemas"));
        try (Stream<Path> old = Files.list(RELEASED.resolve("schemas"))) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        for (String schema : schemaFiles(CURRENT)) {
            Files.copy(CURRENT.resolve("schemas").resolve(schema), RELEASED.resolve("schemas").resolve(schema),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.copy(CURRENT.resolve("topics.yaml"), RELEASED.resolve("topics.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(CURRENT.resolve("asyncapi.yaml"), RELEASED.resolve("asyncapi.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(RELEASED.resolve("openapi"));
        try (Stream<Path> documents = Files.list(CURRENT.resolve("openapi"))) {
            for (Path document : documents.filter(d -> d.toString().endsWith(".json")).toList()) {
                Files.copy(document, RELEASED.resolve("openapi").resolve(document.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
