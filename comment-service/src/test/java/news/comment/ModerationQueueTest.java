package news.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import news.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The newsroom's moderation queue, {@code GET /api/newsroom/comments}: the newest visible comments of every article,
 * for editors only, paged with a cursor, a removed comment gone from it at once.
 */
class ModerationQueueTest extends IntegrationTest {

    private static final String QUEUE = "/api/newsroom/comments";

    @Test
    void editorsSeeTheNewestCommentsOfEveryArticleNewestFirstWithTheArticleTheyBelongTo() {
        String navy = publishedArticle();
        String army = publishedArticle();
        List<JsonNode> posted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String article = i % 2 == 0 ? navy : army;
            HttpResponse<String> answer = api.postComment(article, TestTokens.reader(newId("mod")), "comment " + i);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            posted.add(Api.json(answer));
        }
        HttpResponse<String> queue = api.get(QUEUE + "?limit=50", TestTokens.editor("eve"));

        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(queue.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        List<JsonNode> mine = ours(Api.json(queue).get("items"), navy, army);
        assertThat(mine).extracting(c -> c.get("id").stringValue())
                .containsExactlyElementsOf(newestFirst(posted).stream().map(c -> c.get("id").stringValue()).toList());
        assertThat(mine).allSatisfy(c -> assertThat(posted).contains(c));
        assertThat(mine).extracting(c -> c.get("articleId").stringValue()).containsOnly(navy, army);
    }

    @Test
    void theQueueIsPagedWithoutRepeatsAndARemovedCommentLeavesIt() {
        String article = publishedArticle();
        List<JsonNode> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(Api.json(api.postComment(article, TestTokens.reader(newId("page")), "paged " + i)));
        }
        String removed = posted.get(2).get("id").stringValue();
        assertThat(api.delete("/api/comments/" + removed, TestTokens.editor("eve")).statusCode()).isEqualTo(204);

        Set<String> seen = new LinkedHashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = QUEUE + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = Api.json(api.get(path, TestTokens.editor("eve")));
            for (JsonNode item : page.get("items")) {
                assertThat(seen.add(item.get("id").stringValue())).as("no comment twice").isTrue();
            }
            cursor = page.get("next").isNull() ? null : page.get("next").stringValue();
            pages++;
        } while (cursor != null && !seen.containsAll(ids(posted, removed)) && pages < 1000);

        assertThat(seen).containsAll(ids(posted, removed)).doesNotContain(removed);
        List<String> order = new ArrayList<>(seen);
        order.retainAll(ids(posted, removed));
        assertThat(order).containsExactlyElementsOf(ids(newestFirst(posted), removed));
    }

    @Test
    void onlyEditorsMayReadTheQueueAndBadParametersAreProblemDetails() {
        assertThat(api.get(QUEUE).statusCode()).as("no token").isEqualTo(401);
        assertThat(api.get(QUEUE, TestTokens.reader("alice")).statusCode()).as("a reader")
                .isEqualTo(403);

        for (String bad : List.of("?limit=0", "?limit=51", "?cursor=not-a-cursor")) {
            HttpResponse<String> answer = api.get(QUEUE + bad, TestTokens.editor("eve"));
            assertThat(answer.statusCode()).as(bad).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(bad).hasValue("application/problem+json");
            assertThat(Api.json(answer).get("errors").get(0).get("field").stringValue()).as(bad)
                    .isIn("limit", "cursor");
        }
    }

    private static List<JsonNode> ours(JsonNode items, String... articles) {
        List<String> wanted = List.of(articles);
        List<JsonNode> mine = new ArrayList<>();
        items.forEach(item -> {
            if (wanted.contains(item.get("articleId").stringValue())) {
                mine.add(item);
            }
        });
        return mine;
    }

    /** Newest first as the store orders them: postedAt, then id, both descending. */
    private static List<JsonNode> newestFirst(List<JsonNode> comments) {
        return comments.stream().sorted(Comparator.<JsonNode, Instant>comparing(c -> Instant.parse(c.get("postedAt")
                .stringValue())).thenComparing(c -> c.get("id").stringValue()).reversed()).toList();
    }

    private static List<String> ids(List<JsonNode> comments, String except) {
        return comments.stream().map(c -> c.get("id").stringValue()).filter(id -> !id.equals(except)).toList();
    }
}
