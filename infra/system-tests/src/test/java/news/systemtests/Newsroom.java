package news.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import news.testsupport.NewArticle;
import news.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** What editors and readers do through the gateway, for the tests' set-up and checks. */
final class Newsroom {

    static final List<String> SECTIONS = List.of("Views", "Army", "Navy", "Air Force", "Defense Industry", "North Korea",
            "Policy");
    static final String EDITOR = TestTokens.withRoles("sys-editor", "System Editor", List.of("editor"),
            Duration.ofHours(12));
    private static final Map<String, String> READERS = new ConcurrentHashMap<>();

    private Newsroom() {
    }

    static String reader(String subject) {
        return READERS.computeIfAbsent(subject, s -> TestTokens.withRoles(s, "Reader " + s, List.of("reader"),
                Duration.ofHours(12)));
    }

    /** A new published article through the gateway's editor API; returns its id. */
    static String publish(SystemStack stack, String title, String section) {
        return create(stack, title, section, true).path("id").asString();
    }

    static JsonNode create(SystemStack stack, String title, String section, boolean publish) {
        return create(stack.api(""), title, section, publish);
    }

    /** The same through the gateway at {@code gatewayUrl} (e.g. another set of the services). */
    static JsonNode create(String gatewayUrl, String title, String section, boolean publish) {
        Map<String, Object> body = NewArticle.body(title, section);
        body.put("publish", publish);
        Api.Answer answer = Api.post(gatewayUrl + "/api/articles", body, EDITOR);
        assertThat(answer.status()).as("create article: %s", answer).isEqualTo(201);
        return answer.json();
    }

    /**
     * Waits until comment-service knows the article as published (its replica is fed by news.article-events), by
     * posting a first comment until it is accepted; returns that comment's id.
     */
    static String awaitCommentable(SystemStack stack, String articleId) {
        String[] id = new String[1];
        await("comment-service learns article " + articleId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    Api.Answer answer = comment(stack, articleId, "sys-first", "First comment on " + articleId);
                    if (answer.status() == 201) {
                        id[0] = answer.json().path("id").asString();
                        return true;
                    }
                    assertThat(answer.status()).as("only 404 until the replica knows it: %s", answer).isEqualTo(404);
                    return false;
                });
        return id[0];
    }

    static Api.Answer comment(SystemStack stack, String articleId, String author, String text) {
        return comment(stack.api(""), articleId, author, text);
    }

    static Api.Answer comment(String gatewayUrl, String articleId, String author, String text) {
        return Api.post(gatewayUrl + "/api/articles/" + articleId + "/comments", Map.of("text", text), reader(author));
    }

    /** A list as the ranking API answers it through the gateway (503 while ranking-service cannot answer). */
    static Api.Answer list(String baseUrl, String list, String section, int limit) {
        return Api.get(baseUrl + "/api/rankings/" + list + "?section=" + URLEncoder.encode(section, StandardCharsets.UTF_8)
                + "&limit=" + limit);
    }

    /** articleId to score of the entries that are not fallback fill. */
    static Map<String, Long> popularScores(JsonNode list) {
        Map<String, Long> scores = new LinkedHashMap<>();
        for (JsonNode entry : list.path("entries")) {
            if (!entry.path("fallback").asBoolean()) {
                scores.put(entry.path("articleId").asString(), entry.path("score").asLong());
            }
        }
        return scores;
    }

    /** Every visible comment of an article, paging through the gateway. */
    static List<String> listComments(SystemStack stack, String article) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Api.Answer page = Api.get(stack.api("/api/articles/" + article + "/comments?limit=50"
                    + (cursor == null ? "" : "&cursor=" + encode(cursor))));
            assertThat(page.status()).as("comment page: %s", page).isEqualTo(200);
            JsonNode json = page.json();
            json.path("items").forEach(item -> ids.add(item.path("id").asString()));
            cursor = json.path("next").isNull() || json.path("next").isMissingNode() ? null : json.path("next").asString();
        } while (cursor != null);
        return ids;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
