package news.article.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import news.testsupport.UseNewsInfrastructure;

/**
 * Every shape of the newsroom list has an index that starts with what the query pins down and goes on with its
 * order, and the title search asks its index for plain left-anchored ranges (a pattern with options or without its
 * anchor would make MongoDB scan every key). The embedded store records indexes but cannot explain plans; the
 * containers variant asks a real MongoDB which index it picks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseNewsInfrastructure
class NewsroomIndexTest {

    @Autowired
    ArticleStore store;
    @Autowired
    MongoTemplate mongo;

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("every article", query(null, null, null), "newsroom_changed",
                        List.of("updatedAt", "_id")),
                Arguments.of("one status", query("draft", null, null), "newsroom_changed_by_status",
                        List.of("status", "updatedAt", "_id")),
                Arguments.of("one section", query(null, "Navy", null), "newsroom_changed_by_section",
                        List.of("section", "updatedAt", "_id")),
                Arguments.of("a title search", query(null, null, "Navy MINE"), "newsroom_title_words",
                        List.of("titleWords", "updatedAt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void eachShapeOfTheListHasAnIndexStartingWithWhatItFiltersOnAndThenItsOrder(String name, NewsroomQuery newsroom,
                                                                                String index, List<String> keys) {
        Map<String, Document> indexes = new LinkedHashMap<>();
        mongo.getCollection(ArticleDocument.COLLECTION).listIndexes()
                .forEach(d -> indexes.put(d.getString("name"), d.get("key", Document.class)));
        assertThat(indexes).containsKey(index);
        assertThat(List.copyOf(indexes.get(index).keySet())).containsExactlyElementsOf(keys);

        Query query = store.newestChangesQuery(newsroom, Optional.empty());
        assertThat(List.copyOf(query.getSortObject().keySet())).containsExactly("updatedAt", "_id");
        String filtered = query.getQueryObject().toJson();
        if (!keys.get(0).equals("updatedAt")) {
            assertThat(filtered).contains("\"" + keys.get(0) + "\"");
        }
    }

    @Test
    void theTitleSearchAsksForLeftAnchoredPatternsWithoutOptions() {
        Document filter = store.newestChangesQuery(query("draft", "Navy", "Défense MINE"), Optional.empty())
                .getQueryObject();
        List<Object> patterns = filter.getList("$and", Document.class).stream()
                .filter(condition -> condition.containsKey("titleWords"))
                .map(condition -> condition.get("titleWords")).toList();

        assertThat(patterns).hasSize(2).allSatisfy(pattern -> {
            String regex = pattern instanceof Pattern p ? p.pattern() : ((BsonRegularExpression) pattern).getPattern();
            int flags = pattern instanceof Pattern p ? p.flags() : ((BsonRegularExpression) pattern).getOptions().length();
            assertThat(regex).matches("\\^[\\p{L}\\p{N}]+");
            assertThat(flags).isZero();
        });
    }

    static NewsroomQuery query(String status, String section, String q) {
        return NewsroomQuery.parse(status, section, q, NewsroomQueryTest.SECTIONS).query().orElseThrow();
    }
}
