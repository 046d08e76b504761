package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import news.testsupport.ServiceClient;
import news.testsupport.CloudEventAssertions;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/** {@code infra/demo/articles.json}, which the local runtime posts into an empty store, is what the editor API takes. */
@ArticleServiceTest
class DemoContentTest {

    static final Path DEMO = Path.of("..", "infra", "demo", "articles.json");
    static final Set<String> CREATE_FIELDS = Set.of("title", "section", "source", "byline", "body", "tags", "publish",
            "editorPick");

    @ServiceClient
    Api api;
    JsonNode demo;

    @BeforeEach
    void setUp() throws Exception {
        demo = Api.json(Files.readString(DEMO));
    }

    @Test
    void theDemoIsAboutThirtyPublishedArticlesInAtLeastFiveSectionsWithThreeOrFourEditorPicks() {
        assertThat(demo.isArray()).isTrue();
        assertThat(demo.size()).isBetween(28, 35);
        Set<String> sections = new HashSet<>();
        Set<String> titles = new HashSet<>();
        int picks = 0;
        for (JsonNode article : demo) {
            assertThat(CREATE_FIELDS).containsAll(article.propertyNames());
            assertThat(article.path("publish").asBoolean()).isTrue();
            assertThat(article.path("byline").path("email").asString()).endsWith("@example.com");
            assertThat(article.path("body").size()).isBetween(2, 5);
            sections.add(article.path("section").asString());
            titles.add(article.path("title").asString());
            picks += article.path("editorPick").asBoolean(false) ? 1 : 0;
        }
        assertThat(sections).hasSizeGreaterThanOrEqualTo(5);
        assertThat(titles).as("distinct titles").hasSize(demo.size());
        assertThat(picks).isBetween(3, 4);
    }

    @Test
    void everyDemoArticleIsAcceptedAndPublishedWithItsEvent() {
        List<String> ids = new ArrayList<>();
        try (TopicProbe probe = TopicProbe.tail(EditorFlowTest.TOPIC)) {
            for (JsonNode article : demo) {
                HttpResponse<String> created = api.post("/api/articles", Api.EDITOR, Api.write(article));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                JsonNode body = Api.json(created);
                assertThat(body.path("status").asString()).isEqualTo("published");
                assertThat(body.path("editorPick").asBoolean()).isEqualTo(article.path("editorPick").asBoolean(false));
                ids.add(body.path("id").asString());
            }
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records =
                    probe.await(r -> ids.contains(r.key()), ids.size());
            records.forEach(CloudEventAssertions::assertFollowsContract);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type")).containsOnly("news.article.published");
        }
        JsonNode newest = Api.json(api.get("/api/articles?limit=1"));
        assertThat(newest.path("items").get(0).path("id").asString()).isEqualTo(ids.get(ids.size() - 1));
    }
}
