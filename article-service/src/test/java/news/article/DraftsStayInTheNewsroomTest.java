package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import news.testsupport.ServiceClient;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * A draft is the newsroom's: no list has it for anybody, editors included; by id or slug it is not found without an
 * editor's token (how the gateway fetches an article for the page data); no view or share of it is taken; and no
 * event tells the topics, which feed the other services' read models and lists, about it. Unpublishing puts an
 * article back there at once.
 */
@ArticleServiceTest
class DraftsStayInTheNewsroomTest {

    static final List<String> TOKENS = Arrays.asList(null, Api.READER, Api.EDITOR);
    static final List<String> NOT_EDITORS = Arrays.asList(null, Api.READER);

    @ServiceClient
    Api api;

    @Test
    void aDraftIsInNoListIsNotFoundWithoutAnEditorsTokenTakesNoViewsAndNeverReachesATopic() {
        try (TopicProbe events = TopicProbe.tail(EditorFlowTest.TOPIC);
             TopicProbe views = TopicProbe.tail("news.article-views")) {
            String title = "Draft minehunter plans " + UUID.randomUUID();
            JsonNode draft = api.create(Api.article(title, "Navy"));
            String id = draft.path("id").asString();
            assertThat(api.put("/api/articles/" + id + "/editor-pick", Api.EDITOR, "{\"editorPick\":true}", Map.of())
                    .statusCode()).isEqualTo(200);

            assertHiddenFromReaders(id, draft.path("slug").asString(), "Navy");
            assertThat(api.send("POST", "/api/articles/" + id + "/views", null, null, (String) null, Map.of())
                    .statusCode()).isEqualTo(404);
            assertThat(api.send("POST", "/api/articles/" + id + "/shares", null, "application/json",
                    "{\"channel\":\"link\"}", Map.of()).statusCode()).isEqualTo(404);
            events.assertNone(TopicProbe.withKey(id), Duration.ofSeconds(2));
            views.assertNone(TopicProbe.withKey(id), Duration.ofMillis(200));

            JsonNode newsroom = Api.json(api.get("/api/newsroom/articles?status=draft&section=Navy&q="
                    + title.split(" ")[3], Api.EDITOR));
            assertThat(newsroom.path("items")).extracting(i -> i.path("id").asString()).containsExactly(id);
        }
    }

    @Test
    void anUnpublishedArticleLeavesEveryReaderCallAndListAtOnce() {
        try (TopicProbe events = TopicProbe.tail(EditorFlowTest.TOPIC)) {
            JsonNode article = api.publishedArticle("Policy", events);
            String id = article.path("id").asString();
            assertThat(allPublished("Policy", null)).contains(id);
            assertThat(api.post("/api/articles/" + id + "/unpublish", Api.EDITOR, null).statusCode()).isEqualTo(200);

            assertHiddenFromReaders(id, article.path("slug").asString(), "Policy");
            assertThat(Api.json(api.get("/api/newsroom/articles/" + id, Api.EDITOR)).path("status").asString())
                    .isEqualTo("unpublished");
        }
    }

    private void assertHiddenFromReaders(String id, String slug, String section) {
        for (String token : NOT_EDITORS) {
            String who = token == null ? "anonymous" : "reader";
            HttpResponse<String> byId = api.get("/api/articles/" + id, token);
            assertThat(byId.statusCode()).as("by id, %s", who).isEqualTo(404);
            assertThat(byId.body()).as("by id, %s", who).doesNotContain("minehunter");
            assertThat(api.get("/api/articles/by-slug/" + slug, token).statusCode()).as("by slug, %s", who)
                    .isEqualTo(404);
        }
        for (String token : TOKENS) {
            String who = token == null ? "anonymous" : token == Api.READER ? "reader" : "editor";
            assertThat(allPublished(section, token)).as("section list, %s", who).doesNotContain(id);
            assertThat(allPublished("all", token)).as("list of all sections, %s", who).doesNotContain(id);
        }
    }

    /** Every id of a reader list, page after page to its end. */
    private List<String> allPublished(String section, String token) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> response = api.get("/api/articles?limit=50&section=" + section
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = Api.json(response);
            page.path("items").forEach(item -> {
                ids.add(item.path("id").asString());
                assertThat(item.path("publishedAt").isNull()).isFalse();
            });
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
        } while (cursor != null);
        return ids;
    }
}
