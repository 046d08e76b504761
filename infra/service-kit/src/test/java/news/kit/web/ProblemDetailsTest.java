package news.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.testsupport.TestTokens;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = KitTestApplication.class,
        properties = "news.web.max-request-body=2KB")
class ProblemDetailsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aValidationFailureNamesTheFieldAndTheRule() throws Exception {
        HttpResponse<String> response = post("/drafts", "{\"title\":\"  \",\"tags\":[\"a\",\"b\",\"c\"]}", null);

        assertProblem(response, 400);
        assertThat(response.body()).contains("\"field\":\"title\"").contains("\"field\":\"tags\"")
                .contains("The request is invalid: ");
    }

    @Test
    void malformedJsonAndAWronglyTypedFieldAre400WithAClearDetail() throws Exception {
        HttpResponse<String> malformed = post("/drafts", "{\"title\": ", null);
        HttpResponse<String> wrongType = post("/drafts", "{\"title\": {\"$gt\": \"\"}}", null);

        assertProblem(malformed, 400);
        assertThat(malformed.body()).contains("not valid JSON");
        assertProblem(wrongType, 400);
        assertThat(wrongType.body()).contains("Field 'title'");
    }

    @Test
    void aJsonBodyThatIsNotStrictlyUtf8Is400EvenWhereJacksonWouldDecodeIt() throws Exception {
        // C0 AF is an overlong '/' (Jackson reads it as '/'), ED A0 80 a surrogate, C3 28 a broken pair
        for (byte[] bad : List.of(new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                (byte) 0x80})) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes("{\"title\":\"ok ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(bad);
            body.writeBytes("\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/drafts"))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertProblem(response, 400);
            assertThat(response.body()).contains("not valid UTF-8");
        }
        HttpResponse<String> korean = post("/drafts", "{\"title\":\"\uD55C\uAD6D \uD83D\uDE00 caf\u00E9\"}", null);
        assertThat(korean.statusCode()).as(korean.body()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413WithoutBeingRead() throws Exception {
        HttpResponse<String> response = post("/drafts", "{\"title\":\"" + "x".repeat(5000) + "\"}", null);

        assertProblem(response, 413);
        assertThat(response.body()).contains("at most 2048");
    }

    @Test
    void unknownPathsAndWrongMediaTypesAreProblemsToo() throws Exception {
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(uri("/nowhere")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> text = http.send(HttpRequest.newBuilder(uri("/drafts"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> notFound = http.send(HttpRequest.newBuilder(uri("/drafts/42")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(missing, 404);
        assertProblem(text, 415);
        assertProblem(notFound, 404);
        assertThat(notFound.body()).contains("No draft 42");
    }

    @Test
    void anUnexpectedErrorIs500WithoutLeakingInternals() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/boom")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("at news.");
    }

    @Test
    void noTokenIs401AndTheWrongRoleIs403BothAsProblems() throws Exception {
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

    private HttpResponse<String> post(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains("\"detail\"");
    }
}
