package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import news.gateway.GatewayIntegrationTest;
import news.gateway.support.FakeService.Reply;
import tools.jackson.databind.JsonNode;

/**
 * What Reactor Netty refuses before the gateway's code sees the request (a request line over 4 KB, headers over the
 * limit) is a problem detail too, not a bare status: a newsroom search with a 10 KB query string is told why.
 */
class DecoderRefusalsTest extends GatewayIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aTenKilobyteSearchIs414WithAProblemDetail() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/newsroom/articles?q=" + "a".repeat(10_000))));

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
    void headersOverTheLimitAre431WithAProblemDetail() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/pages/home")).header("X-Padding", "h".repeat(70_000)));

        assertThat(answer.statusCode()).isEqualTo(431);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("detail").asString()).contains("request headers");
    }

    @Test
    void ordinaryAnswersPassUnchanged() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/no-such-thing")));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("request line");
    }

    @Test
    void aRefusalRoutedFromAServiceIsNotTakenForTheGatewaysOwn() throws Exception {
        ARTICLE_SERVICE.on("GET /api/articles/refused-by-the-service", Reply.status(431));

        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/articles/refused-by-the-service")));

        assertThat(answer.statusCode()).isEqualTo(431);
        assertThat(answer.body()).doesNotContain("this gateway accepts");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
