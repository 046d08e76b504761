package news.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import news.testsupport.ServiceClient;
import news.testsupport.ServiceClientExtension;
import news.testsupport.TestHttp;
import news.testsupport.TestTokens;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = KitTestApplication.class,
        properties = "news.web.max-request-body=2KB")
@ExtendWith(ServiceClientExtension.class)
class ProblemDetailsTest {

    @ServiceClient
    TestHttp http;

    @Test
    void aValidationFailureNamesTheFieldAndTheRule() {
        HttpResponse<String> response = post("/drafts", "{\"title\":\"  \",\"tags\":[\"a\",\"b\",\"c\"]}", null);

        assertProblem(response, 400);
        assertThat(response.body()).contains("\"field\":\"title\"").contains("\"field\":\"tags\"")
                .contains("The request is invalid: ");
    }

    @Test
    void malformedJsonAndAWronglyTypedFieldAre400WithAClearDetail() {
        HttpResponse<String> malformed = post("/drafts", "{\"title\": ", null);
        HttpResponse<String> wrongType = post("/drafts", "{\"title\": {\"$gt\": \"\"}}", null);

        assertProblem(malformed, 400);
        assertThat(malformed.body()).contains("not valid JSON");
        assertProblem(wrongType, 400);
        assertThat(wrongType.body()).contains("Field 'title'");
    }

    @Test
    void aJsonBodyThatIsNotStrictlyUtf8Is400EvenWhereJacksonWouldDecodeIt() {
        // C0 AF is an overlong '/' (Jackson reads it as '/'), ED A0 80 a surrogate, C3 28 a broken pair
        for (byte[] bad : List.of(new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                (byte) 0x80})) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes("{\"title\":\"ok ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(bad);
            body.writeBytes("\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send("POST", "/drafts", null, "application/json; charset=UTF-8",
                    body.toByteArray(), Map.of());

            assertProblem(response, 400);
            assertThat(response.body()).contains("not valid UTF-8");
        }
        HttpResponse<String> korean = post("/drafts", "{\"title\":\"\uD55C\uAD6D \uD83D\uDE00 caf\u00E9\"}", null);
        assertThat(korean.statusCode()).as(korean.body()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413WithoutBeingRead() {
        HttpResponse<String> response = post("/drafts", "{\"title\":\"" + "x".repeat(5000) + "\"}", null);

        assertProblem(response, 413);
        assertThat(response.body()).contains("at most 2048");
    }

    @Test
    void unknownPathsAndWrongMediaTypesAreProblemsToo() {
        HttpResponse<String> missing = http.get("/nowhere");
        HttpResponse<String> text = http.send("POST", "/drafts", null, "text/plain", "hi", Map.of());
        HttpResponse<String> notFound = http.get("/drafts/42");

        assertProblem(missing, 404);
        assertProblem(text, 415);
        assertProblem(notFound, 404);
        assertThat(notFound.body()).contains("No draft 42");
    }

    @Test
    void anUnexpectedErrorIs500WithoutLeakingInternals() {
        HttpResponse<String> response = http.get("/boom");

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("at news.");
    }

    @Test
    void noTokenIs401AndTheWrongRoleIs403BothAsProblems() {
        HttpResponse<String> anonymous = post("/editor/drafts", "{\"title\":\"t\"}", null);
        HttpResponse<String> reader = post("/editor/drafts", "{\"title\":\"t\"}", TestTokens.reader("rita"));
        HttpResponse<String> expired = post("/editor/drafts", "{\"title\":\"t\"}",
                TestTokens.expired("ed", List.of("editor")));
        HttpResponse<String> editor = post("/editor/drafts", "{\"title\":\"t\"}", TestTokens.editor("ed"));

        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(reader, 403);
        assertProblem(expired, 401);
        assertThat(expired.body()).contains("rejected");
        assertThat(editor.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String path, String json, String token) {
        return http.post(path, token, json);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains("\"detail\"");
    }
}
