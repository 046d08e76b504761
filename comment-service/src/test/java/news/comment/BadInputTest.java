package news.comment;

import static news.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import news.kit.web.ProblemDetailsAdvice;

import news.testsupport.TestHttp;
import news.testsupport.TestTokens;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/** Bad input never yields a 5xx, never stores anything and never emits an event (the product's rule for bad input). */
class BadInputTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyBadPostIsAProblemDetailThatStoresNothingAndEmitsNothing() {
        String articleId = publishedArticle();
        String unknownArticle = newId("unknown");
        String path = "/api/articles/" + articleId + "/comments";
        String reader = TestTokens.reader(newId("bad"));
        try (TopicProbe probe = TopicProbe.tail(COMMENT_EVENTS)) {
            expect(api.post(path, reader, "{\"text\":\"\"}"), 400, "text-empty");
            expect(api.post(path, reader, "{\"text\":\"   \\n\\t \\u00a0 \"}"), 400, "text-empty");
            expect(api.post(path, reader, "{\"text\":\"" + "x".repeat(301) + "\"}"), 400, "text-too-long");
            expect(api.post(path, reader, "{\"text\":\"bell\\u0007rings\"}"), 400, "text-control-character");
            expect(api.post(path, reader, "{\"text\":\"carriage\\r\\nreturn\"}"), 400, "text-control-character");
            expect(api.post(path, reader, "{\"text\":\"tab\\there\"}"), 400, "text-control-character");
            expect(api.post(path, reader, "{\"text\":\"half \\ud83d emoji\"}"), 400, "text-invalid-character");
            expect(api.post(path, reader, "{}"), 400, "text-missing");
            expect(api.post(path, reader, "{\"text\":null}"), 400, "text-missing");
            expect(api.post(path, reader, "{\"text\":42}"), 400, "text-not-a-string");
            expect(api.post(path, reader, "{\"text\":[\"a\"]}"), 400, "text-not-a-string");
            expect(api.post(path, reader, "{\"text\":\"hi\",\"author\":{\"id\":\"admin\",\"name\":\"Admin\"}}"), 400,
                    "body-unknown-field");
            expect(api.post(path, reader, "{\"text\":\"hi\",\"authorId\":\"admin\"}"), 400, "body-unknown-field");
            HttpResponse<String> malformed = api.post(path, reader, "{\"text\": \"unterminated");
            expect(malformed, 400, null);
            assertThat(Api.json(malformed).get("detail").stringValue()).as("the kit's detail, not Boot's generic one")
                    .contains("Unexpected end-of-input");
            expect(api.post(path, reader, "[\"text\"]"), 400, null);
            expect(api.post(path, reader, "\"just a string\""), 400, null);
            expect(api.post(path, reader, ""), 400, null);
            expect(api.send("POST", path, reader, "text/plain", "hello", Map.of()), 415, null);

            String huge = "{\"text\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
            expect(api.post(path, reader, huge), 413, null);
            expect(api.send("POST", path, reader, "application/json",
                    TestHttp.chunked(huge.getBytes(StandardCharsets.UTF_8)), Map.of()), 413, null);

            expect(api.post(path, null, "{\"text\":\"no token\"}"), 401, null);
            expect(api.post(path, "not-a-jwt", "{\"text\":\"garbage token\"}"), 401, null);
            expect(api.post(path, TestTokens.expired(newId("late"), List.of("reader")), "{\"text\":\"expired\"}"), 401, null);
            expect(api.post(path, TestTokens.unsigned(newId("forger"), List.of("editor")), "{\"text\":\"unsigned\"}"), 401,
                    null);
            expect(api.post(path, TestTokens.withRoles(newId("norole"), "No Role", List.of()), "{\"text\":\"no role\"}"),
                    403, null);

            expect(api.post("/api/articles/" + unknownArticle + "/comments", reader, "{\"text\":\"hello\"}"), 404, null);
            expect(api.post("/api/articles/bad.id/comments", reader, "{\"text\":\"hello\"}"), 400, "article-id-invalid");

            probe.assertNone(withKey(articleId).or(withKey(unknownArticle)), Duration.ofSeconds(3));
        }
        assertThat(storedComments(articleId)).isZero();
        assertThat(storedComments(unknownArticle)).isZero();
        assertThat(Api.json(api.get(path)).get("count").asLong()).isZero();
    }

    @Test
    void badListingParametersAreProblemDetails() {
        String path = "/api/articles/" + newId("list") + "/comments";
        expect(api.get(path + "?limit=0"), 400, "limit-out-of-range");
        expect(api.get(path + "?limit=51"), 400, "limit-out-of-range");
        expect(api.get(path + "?limit=lots"), 400, null);
        expect(api.get(path + "?cursor=not-a-cursor"), 400, "cursor-invalid");
        expect(api.get("/api/articles/bad.id/comments"), 400, "article-id-invalid");
        expect(api.get("/api/comments/unknown123"), 404, null);
        assertThat(api.get(path + "?limit=50").statusCode()).isEqualTo(200);
        assertThat(api.get(path + "?limit=1").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheKitsAdviceTurnsErrorsIntoProblemDetails() {
        assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class).values())
                .singleElement().isInstanceOf(ProblemDetailsAdvice.class);
    }

    private static void expect(HttpResponse<String> response, int status, String rule) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("content type of a %s", status)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Api.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").stringValue()).isNotBlank();
        if (rule != null) {
            assertThat(problem.get("rule").stringValue()).isEqualTo(rule);
        }
    }
}
