package news.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import news.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** The text rules as a client meets them: code points, literal HTML, blocked words. */
class CommentTextOverHttpTest extends IntegrationTest {

    @Test
    void threeHundredCodePointsAreAcceptedAndThreeHundredOneRejectedForAsciiKoreanAndEmoji() {
        String articleId = publishedArticle();
        for (String unit : List.of("a", "한", "😀", "👍🏽")) {
            String exactly300 = repeatToCodePoints(unit, 300);
            HttpResponse<String> accepted = api.postComment(articleId, TestTokens.reader(newId("len")), exactly300);
            assertThat(accepted.statusCode()).as("300 code points of %s", unit).isEqualTo(201);
            assertThat(Api.json(accepted).get("text").stringValue()).isEqualTo(exactly300);

            HttpResponse<String> rejected = api.postComment(articleId, TestTokens.reader(newId("len")),
                    repeatToCodePoints(unit, 301));
            assertThat(rejected.statusCode()).as("301 code points of %s", unit).isEqualTo(400);
            assertThat(Api.json(rejected).get("rule").stringValue()).isEqualTo("text-too-long");
            assertThat(Api.json(rejected).get("detail").stringValue()).contains("301").contains("300");
        }
        assertThat(storedComments(articleId)).isEqualTo(4);
    }

    @Test
    void htmlAndScriptAreStoredAndReturnedLiterallyAsJsonStrings() {
        String articleId = publishedArticle();
        String html = "<img src=x onerror=alert(1)> <script>alert(\"x\")</script> & &lt; '\\' \u2028 end";
        HttpResponse<String> posted = api.postComment(articleId, TestTokens.reader(newId("html")), html);
        assertThat(posted.statusCode()).isEqualTo(201);
        String id = Api.json(posted).get("id").stringValue();

        assertThat(mongo.findById(id, Document.class, "comments").getString("text")).isEqualTo(html);
        HttpResponse<String> listed = api.get("/api/articles/" + articleId + "/comments");
        assertThat(listed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(Api.json(listed).get("items").get(0).get("text").stringValue()).isEqualTo(html);
        assertThat(listed.body()).contains("<img src=x onerror=alert(1)>").contains("<script>alert(\\\"x\\\")</script>")
                .doesNotContain("&lt;img").contains("'\\\\'");
        assertThat(Api.json(api.get("/api/comments/" + id)).get("text").stringValue()).isEqualTo(html);
    }

    @Test
    void keepsLineFeedsAndTrimsTheEnds() {
        String articleId = publishedArticle();
        JsonNode comment = Api.json(api.postComment(articleId, TestTokens.reader(newId("lf")), "\n  line one\nline two  \n"));
        assertThat(comment.get("text").stringValue()).isEqualTo("line one\nline two");
    }

    @Test
    void aBlockedWordIsRejectedWithAClearRuleAndNothingIsStored() {
        String articleId = publishedArticle();
        double before = counter("news.comments.rejected", "reason", "text-blocked-word");
        HttpResponse<String> rejected = api.postComment(articleId, TestTokens.reader(newId("bw")), "Buy SpamWord today");
        assertThat(rejected.statusCode()).isEqualTo(400);
        JsonNode problem = Api.json(rejected);
        assertThat(problem.get("rule").stringValue()).isEqualTo("text-blocked-word");
        assertThat(problem.get("detail").stringValue()).contains("blocked word");
        assertThat(problem.get("errors").get(0).get("field").stringValue()).isEqualTo("text");
        assertThat(storedComments(articleId)).isZero();
        assertThat(counter("news.comments.rejected", "reason", "text-blocked-word")).isEqualTo(before + 1);
    }

    @Test
    void theNameComesFromTheTokenAndTheIdIsThePseudonymOfItsSubject() {
        String articleId = publishedArticle();
        String subject = newId("kim");
        JsonNode comment = Api.json(api.postComment(articleId,
                TestTokens.withRoles(subject, "김민지", List.of("reader")), "안녕하세요"));
        assertThat(comment.get("author")).isEqualTo(Api.JSON.valueToTree(Map.of("id", AuthorIds.of(subject), "name", "김민지")));
    }

    @Test
    void anEditorMayPostToo() {
        String articleId = publishedArticle();
        JsonNode comment = Api.json(api.postComment(articleId, TestTokens.editor("mina"), "Editor's note"));
        assertThat(comment.get("author").get("id").stringValue()).isEqualTo(AuthorIds.of("mina"));
    }

    static String repeatToCodePoints(String unit, int codePoints) {
        int per = unit.codePointCount(0, unit.length());
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) + per <= codePoints) {
            text.append(unit);
        }
        while (text.codePointCount(0, text.length()) < codePoints) {
            text.append('x');
        }
        return text.toString();
    }
}
