package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import news.testsupport.ServiceClient;
import news.testsupport.CloudEventAssertions;
import news.testsupport.TestTokens;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

@ArticleServiceTest
class EditorFlowTest {

    static final String TOPIC = "news.article-events";
    static final String EVE = TestTokens.withRoles("eve", "Eve Moreau", List.of("editor"));
    static final String SAM = TestTokens.withRoles("sam-7f3a", "Sam Okafor", List.of("editor", "reader"));

    @Autowired
    MongoTemplate mongo;
    @ServiceClient
    Api api;

    @Test
    void createPublishUpdateUnpublishEmitsPublishedUpdatedUnpublishedWithTheVersionsOfTheArticle() {
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            String title = "Navy commissions destroyer " + UUID.randomUUID();
            HttpResponse<String> created = api.post("/api/articles", Api.EDITOR, Api.write(Api.article(title, "navy")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode draft = Api.json(created);
            String id = draft.path("id").asString();
            assertThat(created.headers().firstValue("Location")).hasValue("/api/articles/" + id);
            assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
            assertThat(draft.path("status").asString()).isEqualTo("draft");
            assertThat(draft.path("section").asString()).isEqualTo("Navy");
            assertThat(draft.path("version").asLong()).isEqualTo(1);

            HttpResponse<String> published = api.post("/api/articles/" + id + "/publish", Api.EDITOR, null);
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
            assertThat(Api.json(published).path("version").asLong()).isEqualTo(2);
            String publishedAt = Api.json(published).path("publishedAt").asString();

            Map<String, Object> edited = Api.article(title + " (corrected)", "Navy");
            HttpResponse<String> updated = api.put("/api/articles/" + id, Api.EDITOR, Api.write(edited),
                    Map.of("If-Match", "\"2\""));
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            assertThat(updated.headers().firstValue("ETag")).hasValue("\"3\"");

            HttpResponse<String> unpublished = api.post("/api/articles/" + id + "/unpublish", Api.EDITOR, null);
            assertThat(unpublished.statusCode()).as(unpublished.body()).isEqualTo(200);

            List<ConsumerRecord<String, byte[]>> records = probe.assertExactly(TopicProbe.withKey(id), 3,
                    Duration.ofSeconds(2));
            records.forEach(CloudEventAssertions::assertFollowsContract);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "news.article.published", "news.article.updated", "news.article.unpublished");
            assertThat(records).extracting(r -> Api.json(TopicProbe.value(r)).path("version").asLong())
                    .containsExactly(2L, 3L, 4L);
            assertThat(records).allSatisfy(r -> {
                assertThat(TopicProbe.header(r, "ce_subject")).isEqualTo(id);
                assertThat(TopicProbe.header(r, "ce_source")).isEqualTo("/article-service");
            });
            JsonNode last = Api.json(TopicProbe.value(records.get(2)));
            assertThat(last.path("articleId").asString()).isEqualTo(id);
            assertThat(last.path("status").asString()).isEqualTo("unpublished");
            assertThat(last.path("title").asString()).isEqualTo(title + " (corrected)");
            assertThat(last.path("publishedAt").asString()).isEqualTo(publishedAt);
        }
    }

    @Test
    void draftsChangeSilently() {
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            String title = "Army tests new radar " + UUID.randomUUID();
            JsonNode draft = api.create(Api.article(title, "Army"));
            String id = draft.path("id").asString();
            HttpResponse<String> edited = api.put("/api/articles/" + id, Api.EDITOR,
                    Api.write(Api.article(title + " again", "Army")), Map.of("If-Match", "\"1\""));
            assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
            HttpResponse<String> picked = api.put("/api/articles/" + id + "/editor-pick", Api.EDITOR,
                    "{\"editorPick\":true}", Map.of());
            assertThat(picked.statusCode()).as(picked.body()).isEqualTo(200);
            assertThat(Api.json(picked).path("version").asLong()).isEqualTo(3);
            assertThat(Api.json(picked).path("status").asString()).isEqualTo("draft");

            probe.assertNone(TopicProbe.withKey(id), Duration.ofSeconds(3));
        }
    }

    @Test
    void creatingWithPublishTruePublishesAtOnceAsVersionOneWithTheEditorPick() {
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            Map<String, Object> body = Api.article("Air Force orders tankers " + UUID.randomUUID(), "Air Force");
            body.put("publish", true);
            body.put("editorPick", true);
            JsonNode created = api.create(body);
            String id = created.path("id").asString();
            assertThat(created.path("status").asString()).isEqualTo("published");
            assertThat(created.path("publishedAt").asString()).isNotBlank();

            ConsumerRecord<String, byte[]> record = probe.await(TopicProbe.withKey(id), 1).get(0);
            CloudEventAssertions.assertFollowsContract(record);
            JsonNode snapshot = Api.json(TopicProbe.value(record));
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("news.article.published");
            assertThat(snapshot.path("version").asLong()).isEqualTo(1);
            assertThat(snapshot.path("editorPick").asBoolean()).isTrue();
            assertThat(snapshot.path("editorPickedAt").asString()).isNotBlank();
            assertThat(snapshot.path("section").asString()).isEqualTo("Air Force");
            assertThat(snapshot.path("slug").asString()).isEqualTo(created.path("slug").asString());
        }
    }

    @Test
    void pickingAndUnpickingAPublishedArticleEmitsUpdatedSnapshots() {
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            String id = api.publishedArticle("Policy").path("id").asString();
            assertThat(api.put("/api/articles/" + id + "/editor-pick", Api.EDITOR, "{\"editorPick\":true}", Map.of())
                    .statusCode()).isEqualTo(200);
            assertThat(api.put("/api/articles/" + id + "/editor-pick", Api.EDITOR, "{\"editorPick\":false}", Map.of())
                    .statusCode()).isEqualTo(200);

            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.withKey(id), 3);
            records.forEach(CloudEventAssertions::assertFollowsContract);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "news.article.published", "news.article.updated", "news.article.updated");
            JsonNode picked = Api.json(TopicProbe.value(records.get(1)));
            JsonNode unpicked = Api.json(TopicProbe.value(records.get(2)));
            assertThat(picked.path("editorPick").asBoolean()).isTrue();
            assertThat(picked.path("editorPickedAt").isNull()).isFalse();
            assertThat(unpicked.path("editorPick").asBoolean()).isFalse();
            assertThat(unpicked.path("editorPickedAt").isNull()).isTrue();
            assertThat(unpicked.path("version").asLong()).isEqualTo(3);
        }
    }

    @Test
    void republishingKeepsTheFirstPublicationTime() {
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            JsonNode article = api.publishedArticle("Views");
            String id = article.path("id").asString();
            assertThat(api.post("/api/articles/" + id + "/unpublish", Api.EDITOR, null).statusCode()).isEqualTo(200);
            HttpResponse<String> again = api.post("/api/articles/" + id + "/publish", Api.EDITOR, null);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(Api.json(again).path("publishedAt").asString())
                    .isEqualTo(article.path("publishedAt").asString());

            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.withKey(id), 3);
            records.forEach(CloudEventAssertions::assertFollowsContract);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "news.article.published", "news.article.unpublished", "news.article.published");
            assertThat(records).extracting(r -> Api.json(TopicProbe.value(r)).path("publishedAt").asString())
                    .containsOnly(article.path("publishedAt").asString());
        }
    }

    @Test
    void repeatingAStateChangeChangesNothingAndEmitsNothing() {
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            JsonNode article = api.publishedArticle("North Korea", probe);
            String id = article.path("id").asString();
            HttpResponse<String> publishAgain = api.post("/api/articles/" + id + "/publish", Api.EDITOR, null);
            HttpResponse<String> unpickAgain = api.put("/api/articles/" + id + "/editor-pick", Api.EDITOR,
                    "{\"editorPick\":false}", Map.of());
            HttpResponse<String> sameContent = api.put("/api/articles/" + id, Api.EDITOR,
                    Api.write(Api.article(article.path("title").asString(), "North Korea")), Map.of("If-Match", "\"1\""));

            assertThat(List.of(publishAgain, unpickAgain, sameContent)).allSatisfy(r -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(Api.json(r).path("version").asLong()).isEqualTo(1);
            });
            probe.assertNone(Api.unseen(probe, id), Duration.ofSeconds(2));
        }
    }

    @Test
    void aDraftCannotBeUnpublished() {
        String id = api.create(Api.article("Draft " + UUID.randomUUID(), "Army")).path("id").asString();
        HttpResponse<String> response = api.post("/api/articles/" + id + "/unpublish", Api.EDITOR, null);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Api.json(response).path("detail").asString()).contains("draft");
    }

    @Test
    void commandsOnAnUnknownArticleAre404() {
        assertThat(api.post("/api/articles/nope123/publish", Api.EDITOR, null).statusCode()).isEqualTo(404);
        assertThat(api.put("/api/articles/nope123", Api.EDITOR, Api.write(Api.article("x", "Army")),
                Map.of("If-Match", "\"1\"")).statusCode()).isEqualTo(404);
        assertThat(api.put("/api/articles/nope123/editor-pick", Api.EDITOR, "{\"editorPick\":true}", Map.of())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void everyWriteNamesItsEditorInTheStoredArticleAndInTheEventSoAnAnalystSeesWhoPublished() {
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            HttpResponse<String> created = api.post("/api/articles", EVE,
                    Api.write(Api.article("Navy names new frigate " + UUID.randomUUID(), "Navy")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = Api.json(created).path("id").asString();
            assertThat(Api.json(created).path("createdBy").path("name").asString()).isEqualTo("Eve Moreau");
            HttpResponse<String> published = api.post("/api/articles/" + id + "/publish", SAM, null);
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
            HttpResponse<String> edited = api.put("/api/articles/" + id, EVE,
                    Api.write(Api.article("Navy names its new frigate " + UUID.randomUUID(), "Navy")),
                    Map.of("If-Match", "\"2\""));
            assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
            HttpResponse<String> picked = api.put("/api/articles/" + id + "/editor-pick", EVE, "{\"editorPick\":true}",
                    Map.of());
            assertThat(picked.statusCode()).as(picked.body()).isEqualTo(200);
            HttpResponse<String> unpublished = api.post("/api/articles/" + id + "/unpublish", SAM, null);
            assertThat(unpublished.statusCode()).as(unpublished.body()).isEqualTo(200);

            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.withKey(id), 4);
            records.forEach(CloudEventAssertions::assertFollowsContract);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "news.article.published", "news.article.updated", "news.article.updated",
                    "news.article.unpublished");
            assertThat(records).extracting(r -> Api.json(TopicProbe.value(r)).path("updatedBy").path("sub").asString())
                    .containsExactly("sam-7f3a", "eve", "eve", "sam-7f3a");
            assertThat(records).extracting(r -> Api.json(TopicProbe.value(r)).path("publishedBy").path("name")
                    .asString()).containsOnly("Sam Okafor");

            Document stored = mongo.getCollection("articles").find(new Document("_id", id)).first();
            assertThat(stored.get("createdBy", Document.class)).containsEntry("sub", "eve")
                    .containsEntry("name", "Eve Moreau");
            assertThat(stored.get("publishedBy", Document.class)).containsEntry("sub", "sam-7f3a")
                    .containsEntry("name", "Sam Okafor");
            assertThat(stored.get("updatedBy", Document.class)).containsEntry("sub", "sam-7f3a");
            assertThat(stored.getList("history", Document.class))
                    .extracting(e -> e.getString("action") + " by " + e.get("by", Document.class).getString("sub"))
                    .containsExactly("created by eve", "published by sam-7f3a", "edited by eve", "picked by eve",
                            "unpublished by sam-7f3a");
        }
    }
}
