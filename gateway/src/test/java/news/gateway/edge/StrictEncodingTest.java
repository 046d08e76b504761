package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.gateway.GatewayIntegrationTest;
import news.gateway.support.Downstream.Reply;
import news.testsupport.RawResponse;

/**
 * Malformed encodings are bad input at the edge: a path, a query parameter, a header or a cookie that is not
 * percent-encoded UTF-8 gets a 400 problem from the gateway and never reaches a service, on routed and page paths.
 */
class StrictEncodingTest extends GatewayIntegrationTest {

    @Test
    void aQueryParameterThatIsNotPercentEncodedUtf8Is400ProblemAndNeverReachesTheService() throws Exception {
        for (String target : List.of("/api/articles?cursor=%00%ff", "/api/articles?section=Army&cursor=%C0%AF",
                "/api/rankings/popular-now?section=%ED%A0%80", "/api/articles/x1/comments?cursor=caf%C3",
                "/api/pages/home?x=%FF")) {
            RawResponse response = get(target, "");
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.headers().get("Content-Type")).as(target)
                    .anyMatch(t -> t.startsWith("application/problem+json"));
            assertThat(response.bodyText()).as(target).contains("\"status\":400").contains("query string");
        }
        for (String target : List.of("/api/articles?cursor=%4", "/api/articles?cursor=%zz")) {
            assertThat(get(target, "").status()).as("not even a URI: " + target).isEqualTo(400);
        }
        assertThat(ARTICLE_SERVICE.received()).noneMatch(r -> String.valueOf(r.query()).contains("cursor=%"));
        assertThat(RANKING_SERVICE.received()).noneMatch(r -> String.valueOf(r.query()).contains("%ED"));
    }

    @Test
    void aPathThatIsNotPercentEncodedUtf8Is400() throws Exception {
        for (String target : List.of("/api/articles/%FF", "/api/articles/%C0%AF/comments", "/api/pages/article/%E2%82")) {
            RawResponse response = get(target, "");
            assertThat(response.status()).as(target).isEqualTo(400);
            assertThat(response.bodyText()).as(target).contains("request path");
        }
    }

    @Test
    void aHeaderOrCookieWhoseBytesAreNotUtf8Is400() throws Exception {
        for (String target : List.of("/api/articles", "/api/pages/home")) { // the page's hot path checks them too
            for (String header : List.of("X-Note: caf\u00C3\u0028", "Cookie: SESSION=\u00FF\u00FE", "User-Agent: \u00C0\u00AF")) {
                RawResponse response = get(target, header + "\r\n");
                assertThat(response.status()).as(target + " " + header).isEqualTo(400);
                assertThat(response.bodyText()).as(target + " " + header).contains("is not valid UTF-8");
            }
        }
    }

    @Test
    void wellFormedUtf8PassesToTheService() throws Exception {
        ARTICLE_SERVICE.on("GET /api/articles", Reply.json(200, "{\"items\":[],\"next\":null}"));

        RawResponse response = get("/api/articles?section=Army&cursor=caf%C3%A9+%25", "User-Agent: caf\u00C3\u00A9\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(ARTICLE_SERVICE.received("GET /api/articles")).anySatisfy(r ->
                assertThat(r.query()).isEqualTo("section=Army&cursor=caf%C3%A9+%25"));
    }

    private RawResponse get(String target, String headers) throws Exception {
        return RawResponse.exchange(port, ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + headers + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
}
