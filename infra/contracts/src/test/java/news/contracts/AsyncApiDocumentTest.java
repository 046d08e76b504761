package news.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** asyncapi.yaml is a valid AsyncAPI 3.0 document and says the same as topics.yaml. */
class AsyncApiDocumentTest {

    private static final Path OFFICIAL_SCHEMA = Path.of("target/asyncapi-specs/package/schemas/3.0.0-without-$id.json");

    private final JsonNode document = read("contracts/asyncapi.yaml");
    private final TopicCatalog catalog = TopicCatalog.load();

    @Test
    void validatesAgainstTheOfficialAsyncApi300Schema() throws IOException {
        assumeTrue(Files.exists(OFFICIAL_SCHEMA), "the official AsyncAPI schema (npm @asyncapi/specs) was not"
                + " downloaded in generate-test-resources: the npm registry is unreachable from this machine");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(Files.newInputStream(OFFICIAL_SCHEMA), InputFormat.JSON);

        assertThat(schema.validate(JsonMapper.builder().build().writeValueAsString(document), InputFormat.JSON))
                .isEmpty();
    }

    @Test
    void describesEveryTopicOfTheTopicListAndNoOther() {
        Set<String> addresses = new HashSet<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(
                catalog.topics().stream().map(TopicSpec::name).toList());
    }

    @Test
    void everyEventTypeIsAMessageOfItsTopicsChannelWithItsSchema() {
        for (TopicSpec topic : catalog.topics()) {
            JsonNode channel = channelOf(topic.name());
            List<String> names = new ArrayList<>();
            List<String> schemas = new ArrayList<>();
            channel.path("messages").forEach(ref -> {
                JsonNode message = resolve(ref.path("$ref").asString());
                names.add(message.path("name").asString());
                schemas.add(message.path("payload").path("schema").path("$ref").asString());
            });
            for (EventSpec event : topic.events()) {
                assertThat(names).as("messages of %s", topic.name()).contains(event.type());
                assertThat(schemas).as("payload schemas of %s", topic.name()).contains("schemas/" + event.schema());
            }
        }
    }

    @Test
    void kafkaBindingsRepeatThePartitionCountsOfTheTopicList() {
        for (TopicSpec topic : catalog.topics()) {
            JsonNode binding = channelOf(topic.name()).path("bindings").path("kafka");
            if (!binding.isMissingNode()) {
                assertThat(binding.path("partitions").asInt()).as(topic.name()).isEqualTo(topic.partitions());
            }
        }
    }

    @Test
    void everyTopicIsWrittenAndEveryConsumedTopicIsRead() {
        Set<String> sent = new HashSet<>();
        Set<String> received = new HashSet<>();
        document.path("operations").forEach(op -> {
            String address = resolve(op.path("channel").path("$ref").asString()).path("address").asString();
            (op.path("action").asString().equals("send") ? sent : received).add(address);
        });
        for (TopicSpec topic : catalog.topics()) {
            assertThat(sent).as("someone writes %s", topic.name()).contains(topic.name());
            if (!topic.consumers().isEmpty()) {
                assertThat(received).as("someone reads %s", topic.name()).contains(topic.name());
            }
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(resolve(ref).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(getClass().getClassLoader().getResource("contracts/" + ref)).as(ref).isNotNull();
            }
        }
    }

    @Test
    void everyEventMessageHasAnExampleFromTheExamplesFolderWithTheHeadersItsProducerSets() throws IOException {
        JsonNode headerSchema = document.at("/components/schemas/CloudEventHeaders");
        Schema headers = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true).build()))
                .getSchema(JsonMapper.builder().build().writeValueAsString(headerSchema), InputFormat.JSON);
        int checked = 0;
        for (EventSpec event : catalog.topics().stream().flatMap(t -> t.events().stream()).toList()) {
            JsonNode message = messageNamed(event.type());
            JsonNode examples = message.path("examples");
            assertThat(examples.isArray() && !examples.isEmpty()).as("%s has an example", event.type()).isTrue();
            JsonNode example = examples.get(0);
            assertThat(example.path("payload").path("$ref").asString()).as("the payload of %s's example", event.type())
                    .isEqualTo("examples/" + event.type() + ".json");
            String exampleHeaders = JsonMapper.builder().build().writeValueAsString(example.path("headers"));
            assertThat(headers.validate(exampleHeaders, InputFormat.JSON)).as("headers of %s's example", event.type())
                    .isEmpty();
            assertThat(example.path("headers").path("ce_type").asString()).isEqualTo(event.type());
            assertThat(example.path("headers").path("ce_dataschema").asString()).as("ce_dataschema of %s", event.type())
                    .isEqualTo(read("contracts/schemas/" + event.schema()).path("$id").asString());
            assertThat(example.path("headers").path("ce_time").asString()).as("ce_time of %s", event.type())
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            checked++;
        }
        assertThat(checked).isEqualTo(catalog.topics().stream().mapToInt(t -> t.events().size()).sum()).isPositive();
    }

    private JsonNode messageNamed(String name) {
        for (JsonNode message : document.path("components").path("messages")) {
            if (message.path("name").asString().equals(name)) {
                return message;
            }
        }
        throw new AssertionError("no message named " + name);
    }

    private JsonNode channelOf(String address) {
        for (JsonNode channel : document.path("channels")) {
            if (channel.path("address").asString().equals(address)) {
                return channel;
            }
        }
        throw new AssertionError("no channel with address " + address);
    }

    private JsonNode resolve(String ref) {
        return document.at(ref.substring(1));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asString());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = TopicCatalog.resource(resource)) {
            return YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
