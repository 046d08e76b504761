package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import news.testsupport.ServiceClient;
import tools.jackson.databind.JsonNode;

/** What readers get: the article as pages show it, by id, by slug and in newest-first lists. */
@ArticleServiceTest
class ReaderApiTest {

    static final List<String> READER_FIELDS = List.of("id", "slug", "title", "section", "source", "byline", "body",
            "tags", "editorPick", "publishedAt", "updatedAt");

    @ServiceClient
    Api api;

    @Test
    void aPublishedArticleHasTheDesignShapeAndItsVersionAsETag() {
        Map<String, Object> body = Api.article("Shape " + UUID.randomUUID(), "defense industry");
        body.put("publish", true);
        body.put("tags", List.of("procurement", "K9"));
        JsonNode created = api.create(body);
        String id = created.path("id").asString();

        HttpResponse<String> response = api.get("/api/articles/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        JsonNode article = Api.json(response);
        assertThat(fieldNames(article)).containsExactlyInAnyOrderElementsOf(READER_FIELDS);
        assertThat(article.path("id").asString()).isEqualTo(id);
        assertThat(article.path("section").asString()).isEqualTo("Defense Industry");
        assertThat(article.path("byline").path("name").asString()).isEqualTo("Mina Park");
        assertThat(article.path("byline").path("email").asString()).isEqualTo("mina.park@example.com");
        assertThat(article.path("body").size()).isEqualTo(2);
        assertThat(article.path("tags").toString()).isEqualTo("[\"procurement\",\"K9\"]");
        assertThat(article.path("editorPick").isBoolean()).isTrue();
        assertThat(article.path("publishedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(article.path("updatedAt").asString()).isEqualTo(article.path("publishedAt").asString());

        JsonNode bySlug = Api.json(api.get("/api/articles/by-slug/" + article.path("slug").asString()));
        assertThat(bySlug).isEqualTo(article);
    }

    @Test
    void editorsSeeStatusAndVersionToo() {
        String id = api.publishedArticle("Army").path("id").asString();
        JsonNode article = Api.json(api.get("/api/articles/" + id, Api.EDITOR));
        assertThat(fieldNames(article)).containsAll(READER_FIELDS).contains("status", "version", "editorPickedAt");
        assertThat(article.path("status").asString()).isEqualTo("published");
    }

    @Test
    void anUnpublishedArticleIsGoneForReadersButNotForEditors() {
        JsonNode article = api.publishedArticle("North Korea");
        String id = article.path("id").asString();
        assertThat(api.post("/api/articles/" + id + "/unpublish", Api.EDITOR, null).statusCode()).isEqualTo(200);

        assertThat(api.get("/api/articles/" + id).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/articles/by-slug/" + article.path("slug").asString()).statusCode()).isEqualTo(404);
        assertThat(ids(api.get("/api/articles?section=North%20Korea&limit=50"))).doesNotContain(id);
        JsonNode editorView = Api.json(api.get("/api/articles/" + id, Api.EDITOR));
        assertThat(editorView.path("status").asString()).isEqualTo("unpublished");
        assertThat(editorView.path("publishedAt").asString()).isEqualTo(article.path("publishedAt").asString());
    }

    @Test
    void unknownIdsAndSlugsAre404Problems() {
        for (String path : List.of("/api/articles/doesNotExist1", "/api/articles/by-slug/no-such-article",
                "/api/articles/by-slug/Not%20A%20Slug", "/api/articles/%24where")) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void aSectionListHasOnlyThatSectionNewestFirstWithoutBodies() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(api.publishedArticle("Air Force").path("id").asString());
        }
        api.publishedArticle("Navy");

        for (String section : List.of("Air%20Force", "air-force", "AIR%20FORCE")) {
            HttpResponse<String> response = api.get("/api/articles?section=" + section + "&limit=3");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = Api.json(response);
            assertThat(fieldNames(page)).containsExactlyInAnyOrder("items", "next");
            assertThat(ids(response)).containsExactly(created.get(2), created.get(1), created.get(0));
            page.path("items").forEach(item -> {
                assertThat(item.path("section").asString()).isEqualTo("Air Force");
                assertThat(item.has("body")).isFalse();
                assertThat(item.path("title").asString()).isNotBlank();
                assertThat(item.path("publishedAt").asString()).isNotBlank();
            });
        }
    }

    @Test
    void theListOfAllSectionsStartsWithTheNewestArticleAndItsLastPageHasNoNext() {
        String newest = api.publishedArticle("Views").path("id").asString();
        JsonNode first = Api.json(api.get("/api/articles?limit=1"));
        assertThat(first.path("items").get(0).path("id").asString()).isEqualTo(newest);
        assertThat(first.path("next").isString()).isTrue();
        assertThat(Api.json(api.get("/api/articles?section=all&limit=1")).path("items").get(0).path("id").asString())
                .isEqualTo(newest);

        String cursor = first.path("next").asString();
        JsonNode page = first;
        while (!page.path("next").isNull()) {
            page = Api.json(api.get("/api/articles?limit=50&cursor=" + page.path("next").asString()));
        }
        assertThat(page.path("next").isNull()).isTrue();
        assertThat(cursor).doesNotContain(newest);
    }

    static List<String> ids(HttpResponse<String> response) {
        List<String> ids = new ArrayList<>();
        Api.json(response).path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
