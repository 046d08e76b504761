package news.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import news.testsupport.ServiceClient;
import news.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** The newsroom's reads: every article whatever its status, found by status, section and title words. */
@ArticleServiceTest
class NewsroomApiTest {

    static final String EVE = EditorFlowTest.EVE;
    static final String SAM = EditorFlowTest.SAM;

    @ServiceClient
    Api api;
    /** A word no other test's titles have, so that a search for it finds this test's articles only. */
    String marker;

    @BeforeEach
    void setUp() {
        marker = "nr" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void theListHasEveryStatusNewestChangeFirstWithItsVersionAndWhoChangedItLast() {
        String draft = create(EVE, marker + " draft about radars", "Army", false);
        String published = create(EVE, marker + " published about frigates", "Navy", true);
        String withdrawn = create(SAM, marker + " withdrawn about tankers", "Air Force", true);
        laterThan(published);
        assertThat(api.post("/api/articles/" + withdrawn + "/unpublish", EVE, null).statusCode()).isEqualTo(200);
        laterThan(withdrawn);
        assertThat(api.put("/api/articles/" + draft, SAM, Api.write(Api.article(marker + " draft about radars, v2",
                "Army")), Map.of("If-Match", "\"1\"")).statusCode()).isEqualTo(200);

        HttpResponse<String> response = list("q=" + marker);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode items = Api.json(response).path("items");
        assertThat(ids(items)).containsExactly(draft, withdrawn, published);
        assertThat(Api.json(response).path("next").isNull()).isTrue();
        JsonNode first = items.get(0);
        assertThat(first.path("status").asString()).isEqualTo("draft");
        assertThat(first.path("version").asLong()).isEqualTo(2);
        assertThat(first.path("updatedBy").path("name").asString()).isEqualTo("Sam Okafor");
        assertThat(first.path("createdBy").path("name").asString()).isEqualTo("Eve Moreau");
        assertThat(first.has("body")).isFalse();
        assertThat(items.get(1).path("status").asString()).isEqualTo("unpublished");
        assertThat(items.get(1).path("updatedBy").path("sub").asString()).isEqualTo("eve");
        assertThat(items.get(2).path("status").asString()).isEqualTo("published");

        assertThat(ids(Api.json(list("status=draft&q=" + marker)).path("items"))).containsExactly(draft);
        assertThat(ids(Api.json(list("status=Unpublished&q=" + marker)).path("items"))).containsExactly(withdrawn);
        assertThat(ids(Api.json(list("status=published&q=" + marker)).path("items"))).containsExactly(published);
        assertThat(ids(Api.json(list("section=navy&q=" + marker)).path("items"))).containsExactly(published);
        assertThat(ids(Api.json(list("section=air-force&status=unpublished&q=" + marker)).path("items")))
                .containsExactly(withdrawn);
        assertThat(ids(Api.json(list("section=Army&status=published&q=" + marker)).path("items"))).isEmpty();
    }

    @Test
    void theTitleSearchMatchesTheStartOfWordsIgnoringCaseAccentsAndApostrophes() {
        String defence = create(EVE, "Défense ministry's new minehunter " + marker, "Navy", false);
        String korea = create(EVE, "북한, 동해상으로 탄도미사일 발사 " + marker, "North Korea", true);
        create(EVE, "Army orders radars " + marker, "Army", false);

        assertThat(search("DEFENSE MINI " + marker)).containsExactly(defence);
        assertThat(search("ministrys " + marker)).containsExactly(defence);
        assertThat(search("Déf " + marker.substring(0, 12))).containsExactly(defence);
        assertThat(search("탄도 " + marker)).containsExactly(korea);
        assertThat(search("ense " + marker)).isEmpty();
        assertThat(search("minehunter radars " + marker)).isEmpty();
        assertThat(search(marker)).hasSize(3);
    }

    @Test
    void aRetitledArticleIsFoundByItsNewTitleOnly() {
        String id = create(EVE, "Old headline " + marker, "Policy", false);
        assertThat(api.put("/api/articles/" + id, EVE, Api.write(Api.article("Corrected wording " + marker, "Policy")),
                Map.of("If-Match", "\"1\"")).statusCode()).isEqualTo(200);

        assertThat(search("corrected " + marker)).containsExactly(id);
        assertThat(search("headline " + marker)).isEmpty();
    }

    @Test
    void pagingVisitsEveryMatchOnceAndAnArticleChangedMeanwhileMovesToTheFrontWithoutComingAgain() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(create(EVE, marker + " page item " + i, "Views", i % 2 == 0));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = Api.json(list("q=" + marker + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.path("items").forEach(item -> seen.add(item.path("id").asString()));
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
            if (pages++ == 0) {
                String alreadySeen = created.get(6);
                assertThat(seen).contains(alreadySeen);
                assertThat(api.put("/api/articles/" + alreadySeen + "/editor-pick", SAM, "{\"editorPick\":true}",
                        Map.of()).statusCode()).isEqualTo(200);
                laterThan(alreadySeen);
                assertThat(api.put("/api/articles/" + created.get(5), SAM, Api.write(Api.article(marker + " moved",
                        "Views")), Map.of("If-Match", "\"1\"")).statusCode()).isEqualTo(200);
            }
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(ids(Api.json(list("q=" + marker + "&limit=2")).path("items")))
                .containsExactly(created.get(5), created.get(6));
    }

    @Test
    void aCursorIsAcceptedOnlyByTheQueryThatHandedItOut() {
        for (int i = 0; i < 3; i++) {
            create(EVE, marker + " cursor " + i, "Navy", i == 0);
        }
        create(EVE, marker + " cursor, published", "Navy", true);
        String cursor = Api.json(list("status=draft&section=Navy&q=" + marker + "&limit=1")).path("next").asString();
        String readerCursor = Api.json(api.get("/api/articles?limit=1")).path("next").asString();

        assertThat(list("status=draft&section=navy&q=" + marker.toUpperCase() + "&limit=2&cursor=" + cursor)
                .statusCode()).isEqualTo(200);
        for (String other : List.of("status=published&section=Navy&q=" + marker, "section=Navy&q=" + marker,
                "status=draft&section=Army&q=" + marker, "status=draft&q=" + marker,
                "status=draft&section=Navy&q=" + marker + "+cursor", "status=draft&section=Navy")) {
            assertBadRequest(list(other + "&limit=1&cursor=" + cursor), "cursor");
        }
        assertBadRequest(list("cursor=" + readerCursor), "cursor");
        assertBadRequest(api.get("/api/articles?limit=1&cursor=" + cursor), "cursor");
    }

    @Test
    void oneArticleInAnyStatusHasItsVersionAsETagAndItsEditors() {
        String id = create(EVE, marker + " single", "Army", false);
        assertThat(api.post("/api/articles/" + id + "/publish", SAM, null).statusCode()).isEqualTo(200);

        HttpResponse<String> response = api.get("/api/newsroom/articles/" + id, EVE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode article = Api.json(response);
        assertThat(article.path("status").asString()).isEqualTo("published");
        assertThat(article.path("version").asLong()).isEqualTo(2);
        assertThat(article.path("body").size()).isEqualTo(2);
        assertThat(article.path("createdBy").path("sub").asString()).isEqualTo("eve");
        assertThat(article.path("publishedBy").path("sub").asString()).isEqualTo("sam-7f3a");
        assertThat(article.path("updatedBy").path("name").asString()).isEqualTo("Sam Okafor");

        for (String unknown : List.of("doesNotExist1", "%24where", "x".repeat(300))) {
            HttpResponse<String> missing = api.get("/api/newsroom/articles/" + unknown, EVE);
            assertThat(missing.statusCode()).as(unknown).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void twoEditorsSavingTheSameVersionTheSecondIsRefusedWithTheCurrentVersionAndKeepsNothing() {
        String id = create(EVE, marker + " contested", "Policy", false);
        String etag = api.get("/api/newsroom/articles/" + id, EVE).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> first = api.put("/api/articles/" + id, EVE,
                Api.write(Api.article(marker + " contested, Eve's take", "Policy")), Map.of("If-Match", etag));
        HttpResponse<String> second = api.put("/api/articles/" + id, SAM,
                Api.write(Api.article(marker + " contested, Sam's take", "Policy")), Map.of("If-Match", etag));
        Map<String, Object> staleBody = Api.article(marker + " contested, Sam again", "Policy");
        staleBody.put("version", 1);
        HttpResponse<String> third = api.put("/api/articles/" + id, SAM, Api.write(staleBody), Map.of());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(412);
        assertThat(Api.json(second).path("currentVersion").asLong()).isEqualTo(2);
        assertThat(third.statusCode()).as(third.body()).isEqualTo(409);
        assertThat(Api.json(third).path("currentVersion").asLong()).isEqualTo(2);
        JsonNode now = Api.json(api.get("/api/newsroom/articles/" + id, SAM));
        assertThat(now.path("title").asString()).endsWith("Eve's take");
        assertThat(now.path("updatedBy").path("sub").asString()).isEqualTo("eve");
    }

    @Test
    void theHistorySaysWhoDidWhatAndWhenNewestFirst() {
        String id = create(EVE, marker + " history", "Army", false);
        assertThat(api.put("/api/articles/" + id, SAM, Api.write(Api.article(marker + " history, retitled", "Navy")),
                Map.of("If-Match", "\"1\"")).statusCode()).isEqualTo(200);
        assertThat(api.post("/api/articles/" + id + "/publish", EVE, null).statusCode()).isEqualTo(200);
        assertThat(api.put("/api/articles/" + id + "/editor-pick", SAM, "{\"editorPick\":true}", Map.of())
                .statusCode()).isEqualTo(200);
        assertThat(api.post("/api/articles/" + id + "/unpublish", EVE, null).statusCode()).isEqualTo(200);

        HttpResponse<String> response = api.get("/api/newsroom/articles/" + id + "/history", SAM);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode history = Api.json(response);
        assertThat(history.path("articleId").asString()).isEqualTo(id);
        assertThat(history.path("version").asLong()).isEqualTo(5);
        assertThat(history.path("complete").asBoolean()).isTrue();
        List<String> entries = new ArrayList<>();
        history.path("entries").forEach(e -> entries.add(e.path("version").asLong() + " " + e.path("action").asString()
                + " " + e.path("fields") + " " + e.path("status").asString() + " by " + e.path("by").path("name")
                .asString()));
        assertThat(entries).containsExactly(
                "5 unpublished [] unpublished by Eve Moreau",
                "4 picked [] published by Sam Okafor",
                "3 published [] published by Eve Moreau",
                "2 edited [\"title\",\"section\",\"body\"] draft by Sam Okafor",
                "1 created [] draft by Eve Moreau");
        assertThat(history.path("entries").get(0).path("at").asString())
                .isEqualTo(Api.json(api.get("/api/newsroom/articles/" + id, SAM)).path("updatedAt").asString());
        assertThat(api.get("/api/newsroom/articles/nope1234/history", SAM).statusCode()).isEqualTo(404);
    }

    @Test
    void theHistoryKeepsOnlyTheLatest100Changes() {
        String id = create(EVE, marker + " busy", "Views", false);
        for (int i = 0; i < 101; i++) {
            HttpResponse<String> pick = api.put("/api/articles/" + id + "/editor-pick", i % 2 == 0 ? SAM : EVE,
                    "{\"editorPick\":" + (i % 2 == 0) + "}", Map.of());
            assertThat(pick.statusCode()).as(pick.body()).isEqualTo(200);
        }

        JsonNode history = Api.json(api.get("/api/newsroom/articles/" + id + "/history", EVE));

        assertThat(history.path("version").asLong()).isEqualTo(102);
        assertThat(history.path("complete").asBoolean()).isFalse();
        List<Long> versions = new ArrayList<>();
        history.path("entries").forEach(e -> versions.add(e.path("version").asLong()));
        assertThat(versions).hasSize(100).startsWith(102L, 101L).endsWith(3L);
        assertThat(history.path("entries").get(0).path("action").asString()).isEqualTo("picked");
        assertThat(history.path("entries").get(0).path("by").path("sub").asString()).isEqualTo("sam-7f3a");
    }

    @Test
    void onlyEditorsGetIn() {
        String id = create(EVE, marker + " guarded", "Army", false);
        for (String path : List.of("/api/newsroom/articles", "/api/newsroom/articles?status=draft",
                "/api/newsroom/articles/" + id, "/api/newsroom/articles/" + id + "/history", "/api/newsroom")) {
            HttpResponse<String> anonymous = api.get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
            assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(anonymous.body()).doesNotContain(marker);
            for (String token : List.of(Api.READER, TestTokens.withRoles("nobody", "No Body", List.of()),
                    TestTokens.withRoles("x", "X", List.of("Editor", "editors")))) {
                HttpResponse<String> denied = api.get(path, token);
                assertThat(denied.statusCode()).as(path).isEqualTo(403);
                assertThat(denied.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(denied.body()).doesNotContain(marker);
            }
            assertThat(api.get(path, TestTokens.expired("eve", List.of("editor"))).statusCode()).as(path).isEqualTo(401);
            assertThat(api.get(path, TestTokens.unsigned("eve", List.of("editor"))).statusCode()).as(path)
                    .isEqualTo(401);
        }
    }

    @Test
    void theNewsroomIsInTheOpenApiDocumentWithItsParametersRoleAndProblems() {
        JsonNode paths = Api.json(api.get("/v3/api-docs")).path("paths");

        JsonNode list = paths.path("/api/newsroom/articles").path("get");
        List<String> parameters = new ArrayList<>();
        list.path("parameters").forEach(p -> parameters.add(p.path("name").asString()));
        assertThat(parameters).containsExactly("status", "section", "q", "limit", "cursor");
        assertThat(list.path("parameters").get(0).path("schema").path("enum").toString())
                .isEqualTo("[\"draft\",\"published\",\"unpublished\"]");
        assertThat(list.path("security").toString()).contains("bearer");
        assertThat(list.path("responses").propertyNames()).contains("200", "400", "401", "403");
        for (String path : List.of("/api/newsroom/articles/{id}", "/api/newsroom/articles/{id}/history")) {
            JsonNode operation = paths.path(path).path("get");
            assertThat(operation.path("summary").asString()).as(path).isNotBlank();
            assertThat(operation.path("responses").propertyNames()).as(path).contains("200", "401", "403", "404");
        }
    }

    private String create(String token, String title, String section, boolean publish) {
        Map<String, Object> body = Api.article(title, section);
        body.put("publish", publish);
        HttpResponse<String> response = api.post("/api/articles", token, Api.write(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response).path("id").asString();
    }

    /**
     * Waits until the clock is past the last change of {@code id}, so that the next change is strictly newer: changes
     * in the same millisecond are ordered by id, which a test cannot foresee.
     */
    private void laterThan(String id) {
        Instant changed = Instant.parse(Api.json(api.get("/api/newsroom/articles/" + id, EVE)).path("updatedAt")
                .asString());
        await().atMost(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(changed));
    }

    private HttpResponse<String> list(String query) {
        return api.get("/api/newsroom/articles?" + query, EVE);
    }

    private List<String> search(String q) {
        HttpResponse<String> response = list("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ids(Api.json(response).path("items"));
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    static void assertBadRequest(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        Set<String> fields = new HashSet<>();
        Api.json(response).path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).as(response.body()).contains(field);
    }
}
