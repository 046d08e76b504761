package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import news.testsupport.ServiceClient;
import news.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * Readers' {@code GET /api/articles/{id}} is answered from memory after the first read, and this instance's own
 * changes are seen at once: an edit shows its new title and ETag, an unpublished article is gone on the next read.
 */
@ArticleServiceTest
class ReaderCopiesTest {

    private static final Map<String, String> HITS = Map.of("cache", "reader-articles", "result", "hit");

    @ServiceClient(management = true)
    TestHttp actuator;
    @ServiceClient
    Api api;

    @Test
    void aSecondReadOfAPublishedArticleComesFromMemory() {
        String id = api.publishedArticle("Navy").path("id").asString();
        assertThat(api.get("/api/articles/" + id).statusCode()).isEqualTo(200);
        double hits = Prometheus.value(actuator, "cache_gets_total", HITS);

        assertThat(api.get("/api/articles/" + id).statusCode()).isEqualTo(200);

        assertThat(Prometheus.value(actuator, "cache_gets_total", HITS)).isEqualTo(hits + 1);
    }

    @Test
    void anEditIsSeenAtOnceByReadersOfThisInstance() {
        JsonNode article = api.publishedArticle("Army");
        String id = article.path("id").asString();
        assertThat(api.get("/api/articles/" + id).headers().firstValue("ETag")).hasValue("\"1\"");

        Map<String, Object> edited = Api.article("Edited " + UUID.randomUUID(), "Army");
        assertThat(api.put("/api/articles/" + id, Api.EDITOR, Api.JSON.writeValueAsString(edited),
                Map.of("If-Match", "\"1\"")).statusCode()).isEqualTo(200);

        var read = api.get("/api/articles/" + id);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(Api.json(read).path("title").asString()).isEqualTo(edited.get("title"));
    }

    @Test
    void anUnpublishedArticleIsGoneForReadersOfThisInstanceAtOnce() {
        String id = api.publishedArticle("Policy").path("id").asString();
        assertThat(api.get("/api/articles/" + id).statusCode()).isEqualTo(200);

        assertThat(api.post("/api/articles/" + id + "/unpublish", Api.EDITOR, null).statusCode()).isEqualTo(200);

        assertThat(api.get("/api/articles/" + id).statusCode()).isEqualTo(404);
        assertThat(Api.json(api.get("/api/articles/" + id, Api.EDITOR)).path("status").asString())
                .isEqualTo("unpublished");
    }
}
