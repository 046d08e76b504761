package news.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ContractNames}, the constants services use, say what the contract says: its event types are exactly the
 * types of {@code topics.yaml}, and its id form is exactly what every schema says of {@code articleId} and
 * {@code commentId}. A change to the contract that the constants do not follow (or the other way round) fails here.
 */
class ContractNamesTest {

    private static final Set<String> ID_FIELDS = Set.of("articleId", "commentId");
    private final TopicCatalog catalog = TopicCatalog.load();

    @Test
    void theEventTypeConstantsAreExactlyTheTypesOfTheTopicList() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field field : ContractNames.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && ((String) field.get(null)).startsWith("news.")) {
                constants.add((String) field.get(null));
            }
        }
        Set<String> listed = catalog.topics().stream().flatMap(t -> t.events().stream()).map(EventSpec::type)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(constants).isEqualTo(listed);
    }

    @Test
    void theArticleEventTypesAreTheTypesOfTheArticleEventsTopic() {
        assertThat(ContractNames.ARTICLE_EVENT_TYPES).containsExactlyInAnyOrderElementsOf(
                catalog.topic("news.article-events").events().stream().map(EventSpec::type).toList());
    }

    @Test
    void theDataSchemaOfEveryEventTypeIsTheIdOfTheSchemaTheTopicListNamesForIt() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        for (EventSpec event : catalog.topics().stream().flatMap(t -> t.events().stream()).toList()) {
            try (InputStream in = getClass().getResourceAsStream("/contracts/schemas/" + event.schema())) {
                assertThat(in).as(event.schema()).isNotNull();
                expected.put(event.type(), JsonMapper.builder().build().readTree(in).path("$id").asString());
            }
        }
        assertThat(new TreeMap<>(ContractNames.DATA_SCHEMAS)).isEqualTo(expected);
    }

    @Test
    void theIdFormIsWhatEverySchemaSaysOfArticleAndCommentIds() throws IOException {
        List<String> checked = new ArrayList<>();
        Set<String> schemas = catalog.topics().stream().flatMap(t -> t.events().stream()).map(EventSpec::schema)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String schema : schemas) {
            try (InputStream in = getClass().getResourceAsStream("/contracts/schemas/" + schema)) {
                assertThat(in).as(schema).isNotNull();
                collectIdFields(schema, "$", JsonMapper.builder().build().readTree(in), checked);
            }
        }
        // every schema of the list has at least one id, and each was compared
        assertThat(checked).as("id fields compared").hasSizeGreaterThanOrEqualTo(schemas.size());
    }

    private static void collectIdFields(String schema, String path, JsonNode node, List<String> checked) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    if (ID_FIELDS.contains(property.getKey())) {
                        String where = schema + " " + path + "." + property.getKey();
                        assertThat(form(property.getValue())).as(where).isEqualTo(ContractNames.ID_PATTERN);
                        assertThat(property.getValue().path("maxLength").asInt()).as(where)
                                .isEqualTo(ContractNames.ID_MAX_LENGTH);
                        checked.add(where);
                    }
                }
            }
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                collectIdFields(schema, path + "." + child.getKey(), child.getValue(), checked);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectIdFields(schema, path + "[" + i + "]", node.get(i), checked);
            }
        }
    }

    /** {@code {"pattern": "^[A-Za-z0-9_-]+$", "minLength": 1, "maxLength": 64}} -> {@code [A-Za-z0-9_-]{1,64}}. */
    private static String form(JsonNode field) {
        String pattern = field.path("pattern").asString("(no pattern)");
        String characters = pattern.startsWith("^") && pattern.endsWith("+$")
                ? pattern.substring(1, pattern.length() - 2) : pattern;
        return characters + "{" + field.path("minLength").asInt() + "," + field.path("maxLength").asInt() + "}";
    }

}
