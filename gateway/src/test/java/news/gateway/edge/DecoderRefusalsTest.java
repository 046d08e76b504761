package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import news.gateway.GatewayIntegrationTest;
import news.gateway.support.Downstream.Reply;
import news.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * What Reactor Netty refuses before the gateway's code sees the request (a request line over 4 KB, headers over the
 * limit) is a problem detail too, not a bare status: a newsroom search with a 10 KB query string is told why.
 */
class DecoderRefusalsTest extends GatewayIntegrationTest {

    @Test
    void aTenKilobyteSearchIs414WithAProblemDetail() {
        HttpResponse<String> answer = get("/api/newsroom/articles?q=" + "a".repeat(10_000), Map.of());

        assertThat(answer.statusCode()).isEqualTo(414);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(414);
        assertThat(problem.path("title").asString()).isEqualTo("URI Too Long");
        assertThat(problem.path("detail").asString()).contains("request line").contains("4096 bytes");
        assertThat(ARTICLE_SERVICE.received("GET /api/newsroom/articles")).as("never routed")
                .noneMatch(r -> r.query() != null && r.query().startsWith("q=aaaa"));
    }

    @Test
    void headersOverTheLimitAre431WithAProblemDetail() {
        HttpResponse<String> answer = get("/api/pages/home", Map.of("X-Padding", "h".repeat(70_000)));

        assertThat(answer.statusCode()).isEqualTo(431);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("detail").asString()).contains("request headers");
    }

    @Test
    void ordinaryAnswersPassUnchanged() {
        HttpResponse<String> answer = get("/api/no-such-thing", Map.of());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("request line");
    }

    @Test
    void aRefusalRoutedFromAServiceIsNotTakenForTheGatewaysOwn() {
        ARTICLE_SERVICE.on("GET /api/articles/refused-by-the-service", Reply.status(431));

        HttpResponse<String> answer = get("/api/articles/refused-by-the-service", Map.of());

        assertThat(answer.statusCode()).isEqualTo(431);
        assertThat(answer.body()).doesNotContain("this gateway accepts");
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        return TestHttp.local(port).get(path, headers);
    }
}
