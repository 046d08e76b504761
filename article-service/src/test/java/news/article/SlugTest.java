package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import news.testsupport.ServiceClient;
import tools.jackson.databind.JsonNode;

/** Slugs come from the title, are unique and never change. */
@ArticleServiceTest
class SlugTest {

    @ServiceClient
    Api api;

    @Test
    void theSameTitleTwiceGetsANumberedSlug() {
        String word = UUID.randomUUID().toString().substring(0, 8);
        String title = "Navy's new frigate " + word + ": sea trials begin!";
        JsonNode first = api.create(Api.article(title, "Navy"));
        JsonNode second = api.create(Api.article(title, "Navy"));
        JsonNode third = api.create(Api.article(title, "Navy"));

        String base = "navys-new-frigate-" + word + "-sea-trials-begin";
        assertThat(first.path("slug").asString()).isEqualTo(base);
        assertThat(second.path("slug").asString()).isEqualTo(base + "-2");
        assertThat(third.path("slug").asString()).isEqualTo(base + "-3");
    }

    @Test
    void editorsCreatingTheSameTitleAtTheSameTimeGetDistinctSlugs() throws Exception {
        String title = "Simultaneous " + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<JsonNode>> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(pool.submit(() -> api.create(Api.article(title, "Policy"))));
        }
        Set<String> slugs = new HashSet<>();
        for (Future<JsonNode> f : created) {
            slugs.add(f.get().path("slug").asString());
        }
        pool.shutdown();

        String base = title.toLowerCase().replace(' ', '-');
        assertThat(slugs).containsExactlyInAnyOrder(base, base + "-2", base + "-3", base + "-4");
    }

    @Test
    void accentsAreFoldedAndOtherScriptsFallBackToAGenericSlug() {
        String word = UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.create(Api.article("Défense aérienne " + word, "Air Force")).path("slug").asString())
                .isEqualTo("defense-aerienne-" + word);
        assertThat(api.create(Api.article("북한 미사일 발사", "North Korea")).path("slug").asString())
                .matches("article(-[0-9]+)?");
    }

    @Test
    void editingTheTitleKeepsTheSlugAndTheArticleStaysReachableByIt() {
        String word = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Api.article("Army fields drone unit " + word, "Army");
        body.put("publish", true);
        JsonNode article = api.create(body);
        String id = article.path("id").asString();
        String slug = article.path("slug").asString();

        HttpResponse<String> edited = api.put("/api/articles/" + id, Api.EDITOR,
                Api.write(Api.article("Army fields second drone unit " + word, "Army")), Map.of("If-Match", "\"1\""));

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(Api.json(edited).path("slug").asString()).isEqualTo(slug);
        JsonNode bySlug = Api.json(api.get("/api/articles/by-slug/" + slug));
        assertThat(bySlug.path("id").asString()).isEqualTo(id);
        assertThat(bySlug.path("title").asString()).isEqualTo("Army fields second drone unit " + word);
        JsonNode another = api.create(Api.article("Army fields drone unit " + word, "Army"));
        assertThat(another.path("slug").asString()).isEqualTo(slug + "-2");
    }
}
