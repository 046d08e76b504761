package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import news.testsupport.ServiceClient;
import news.testsupport.CloudEventAssertions;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/** Optimistic concurrency: a change based on an old version is refused and writes and emits nothing. */
@ArticleServiceTest
class ConcurrencyTest {

    @ServiceClient
    Api api;

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        try (TopicProbe probe = TopicProbe.tail(EditorFlowTest.TOPIC)) {
            JsonNode article = api.publishedArticle("Navy", probe);
            String id = article.path("id").asString();
            HttpResponse<String> stale = api.put("/api/articles/" + id, Api.EDITOR,
                    Api.write(Api.article("Overwrite " + UUID.randomUUID(), "Navy")), Map.of("If-Match", "\"7\""));

            assertThat(stale.statusCode()).isEqualTo(412);
            assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Api.json(stale).path("currentVersion").asLong()).isEqualTo(1);
            assertUnchanged(id, article);
            probe.assertNone(Api.unseen(probe, id), Duration.ofSeconds(2));
        }
    }

    @Test
    void aStaleVersionInTheBodyIs409AndChangesNothing() {
        Map<String, Object> body = Api.article("Overwrite " + UUID.randomUUID(), "Navy");
        body.put("version", 0);
        try (TopicProbe probe = TopicProbe.tail(EditorFlowTest.TOPIC)) {
            JsonNode article = api.publishedArticle("Navy", probe);
            String id = article.path("id").asString();
            HttpResponse<String> stale = api.put("/api/articles/" + id, Api.EDITOR, Api.write(body), Map.of());

            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(Api.json(stale).path("detail").asString()).contains("version 0").contains("version 1");
            assertUnchanged(id, article);
            probe.assertNone(Api.unseen(probe, id), Duration.ofSeconds(2));
        }
    }

    @Test
    void aStaleIfMatchOnPublishUnpublishOrPickIs412() {
        String id = api.publishedArticle("Army").path("id").asString();
        Map<String, String> stale = Map.of("If-Match", "\"5\"");
        assertThat(api.send("POST", "/api/articles/" + id + "/unpublish", Api.EDITOR, null, (String) null, stale)
                .statusCode()).isEqualTo(412);
        assertThat(api.put("/api/articles/" + id + "/editor-pick", Api.EDITOR, "{\"editorPick\":true}", stale)
                .statusCode()).isEqualTo(412);
        assertThat(api.send("POST", "/api/articles/" + id + "/unpublish", Api.EDITOR, null, (String) null,
                Map.of("If-Match", "\"1\"")).statusCode()).isEqualTo(200);
    }

    @Test
    void anUpdateWithoutAnyVersionIs428() {
        JsonNode article = api.publishedArticle("Army");
        String id = article.path("id").asString();
        HttpResponse<String> response = api.put("/api/articles/" + id, Api.EDITOR,
                Api.write(Api.article("No version " + UUID.randomUUID(), "Army")), Map.of());
        assertThat(response.statusCode()).isEqualTo(428);
        assertUnchanged(id, article);
    }

    @Test
    void ofTwoEditorsSavingTheSameVersionExactlyOneWins() throws Exception {
        try (TopicProbe probe = TopicProbe.tail(EditorFlowTest.TOPIC)) {
            String id = api.publishedArticle("Policy", probe).path("id").asString();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Callable<HttpResponse<String>>> edits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String title = "Edit " + i + " " + UUID.randomUUID();
                edits.add(() -> api.put("/api/articles/" + id, Api.EDITOR, Api.write(Api.article(title, "Policy")),
                        Map.of("If-Match", "\"1\"")));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pool.invokeAll(edits)) {
                statuses.add(f.get().statusCode());
            }
            pool.shutdown();

            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            probe.await(r -> id.equals(r.key()) && "news.article.updated".equals(TopicProbe.header(r, "ce_type")), 1);
            probe.assertExactly(TopicProbe.withKey(id), 2, Duration.ofSeconds(2))
                    .forEach(CloudEventAssertions::assertFollowsContract);
            assertThat(Api.json(api.get("/api/newsroom/articles/" + id, Api.EDITOR)).path("version").asLong()).isEqualTo(2);
        }
    }

    private void assertUnchanged(String id, JsonNode before) {
        JsonNode now = Api.json(api.get("/api/newsroom/articles/" + id, Api.EDITOR));
        assertThat(now.path("version").asLong()).isEqualTo(before.path("version").asLong());
        assertThat(now.path("title").asString()).isEqualTo(before.path("title").asString());
        assertThat(now.path("updatedAt").asString()).isEqualTo(before.path("updatedAt").asString());
    }
}
