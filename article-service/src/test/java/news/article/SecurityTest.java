package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import news.testsupport.ServiceClient;
import news.testsupport.TestTokens;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/** Editor calls need a valid token with the editor role; reads, views and shares need none. */
@ArticleServiceTest
class SecurityTest {

    @Autowired
    MongoTemplate mongo;
    @ServiceClient
    Api api;

    static Stream<Arguments> editorCalls() {
        String body = Api.write(Api.article("Unauthorised " + UUID.randomUUID(), "Army"));
        return Stream.of(
                Arguments.of("POST", "/api/articles", body),
                Arguments.of("PUT", "/api/articles/{id}", body),
                Arguments.of("POST", "/api/articles/{id}/publish", null),
                Arguments.of("POST", "/api/articles/{id}/unpublish", null),
                Arguments.of("PUT", "/api/articles/{id}/editor-pick", "{\"editorPick\":true}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("editorCalls")
    void editorCallsWithoutATokenAre401AndWithoutTheEditorRoleAre403AndChangeNothing(String method, String path,
                                                                                     String body) {
        try (TopicProbe probe = TopicProbe.tail(EditorFlowTest.TOPIC)) {
            JsonNode article = api.publishedArticle("Navy", probe);
            String id = article.path("id").asString();
            String target = path.replace("{id}", id);
            long before = mongo.getCollection("articles").countDocuments();
            Map<String, String> ifMatch = Map.of("If-Match", "\"1\"");
            String type = body == null ? null : "application/json";

            HttpResponse<String> anonymous = api.send(method, target, null, type, body, ifMatch);
            HttpResponse<String> reader = api.send(method, target, Api.READER, type, body, ifMatch);
            HttpResponse<String> noRoles = api.send(method, target, TestTokens.withRoles("u", "U", List.of()), type,
                    body, ifMatch);
            HttpResponse<String> expired = api.send(method, target, TestTokens.expired("alice", List.of("editor")),
                    type, body, ifMatch);
            HttpResponse<String> unsigned = api.send(method, target, TestTokens.unsigned("alice", List.of("editor")),
                    type, body, ifMatch);

            assertProblem(anonymous, 401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
            assertProblem(reader, 403);
            assertProblem(noRoles, 403);
            assertProblem(expired, 401);
            assertProblem(unsigned, 401);
            assertThat(mongo.getCollection("articles").countDocuments()).isEqualTo(before);
            assertThat(Api.json(api.get("/api/newsroom/articles/" + id, Api.EDITOR)).path("version").asLong())
                    .isEqualTo(1);
            probe.assertNone(Api.unseen(probe, id), Duration.ofSeconds(1));
        }
    }

    @Test
    void readsViewsAndSharesNeedNoToken() {
        JsonNode article = api.publishedArticle("Army");
        String id = article.path("id").asString();

        assertThat(api.get("/api/articles").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/articles/" + id).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/articles/by-slug/" + article.path("slug").asString()).statusCode()).isEqualTo(200);
        assertThat(api.send("POST", "/api/articles/" + id + "/views", null, null, (String) null, Map.of()).statusCode())
                .isEqualTo(202);
        assertThat(api.send("POST", "/api/articles/" + id + "/shares", null, "application/json",
                "{\"channel\":\"link\"}", Map.of()).statusCode()).isEqualTo(202);
    }

    @Test
    void onlyEditorsSeeDraftsAndTheyAreNotFoundForReaders() {
        JsonNode draft = api.create(Api.article("Secret draft " + UUID.randomUUID(), "Policy"));
        String id = draft.path("id").asString();
        String slug = draft.path("slug").asString();

        assertProblem(api.get("/api/articles/" + id), 404);
        assertProblem(api.get("/api/articles/" + id, Api.READER), 404);
        assertProblem(api.get("/api/articles/by-slug/" + slug), 404);
        HttpResponse<String> editor = api.get("/api/articles/" + id, Api.EDITOR);
        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(Api.json(editor).path("status").asString()).isEqualTo("draft");
        assertThat(Api.json(editor).path("version").asLong()).isEqualTo(1);
        assertThat(api.get("/api/articles/by-slug/" + slug, Api.EDITOR).statusCode()).isEqualTo(200);
        assertThat(ReaderApiTest.ids(api.get("/api/articles?section=Policy&limit=50"))).doesNotContain(id);
        assertThat(ReaderApiTest.ids(api.get("/api/articles?section=Policy&limit=50", Api.EDITOR))).doesNotContain(id);
    }

    @Test
    void aTokenThatCannotNameItsEditorChangesNothing() {
        try (TopicProbe probe = TopicProbe.tail(EditorFlowTest.TOPIC)) {
            JsonNode article = api.publishedArticle("Navy", probe);
            String id = article.path("id").asString();
            String unnamed = TestTokens.withRoles("s".repeat(256), "Too Long", List.of("editor"));

            assertProblem(api.post("/api/articles/" + id + "/unpublish", unnamed, null), 403);
            assertProblem(api.post("/api/articles", unnamed, Api.write(Api.article("Unnamed " + UUID.randomUUID(),
                    "Navy"))), 403);
            assertThat(Api.json(api.get("/api/newsroom/articles/" + id, Api.EDITOR)).path("version").asLong())
                    .isEqualTo(1);
            probe.assertNone(Api.unseen(probe, id), Duration.ofSeconds(1));
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Api.json(response).path("detail").asString()).isNotBlank();
    }
}
