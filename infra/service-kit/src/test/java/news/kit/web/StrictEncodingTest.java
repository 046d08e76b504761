package news.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.testsupport.RawResponse;

/**
 * Malformed encodings are bad input: a query parameter, a path, a header, a cookie or a form whose percent-encoding
 * or bytes are not UTF-8 gets a 400 problem, never a 500 from a decoder deep inside the container.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = KitTestApplication.class)
class StrictEncodingTest {

    @LocalServerPort
    int port;

    @Test
    void aQueryParameterThatIsNotPercentEncodedUtf8Is400Problem() throws Exception {
        for (String query : List.of("q=%00%ff", "q=%C0%AF", "q=%ED%A0%80", "q=caf%C3", "q=%4", "q=%zz", "q=ok&r=%FE")) {
            RawResponse response = get("/search?" + query, "");
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.headers().get("Content-Type")).as(query).anyMatch(t -> t.startsWith("application/problem+json"));
            assertThat(response.bodyText()).as(query).contains("\"status\":400").contains("query string");
        }
    }

    @Test
    void wellFormedUtf8AndPlusAndEscapedPercentPass() throws Exception {
        RawResponse response = get("/search?q=caf%C3%A9+%25+%F0%9F%93%B0", "");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).contains("café % \uD83D\uDCF0");
    }

    @Test
    void aPathThatIsNotPercentEncodedUtf8Is400() throws Exception {
        for (String path : List.of("/drafts/%FF", "/drafts/%C0%AF", "/drafts/a%2")) {
            assertThat(get(path, "").status()).as(path).isEqualTo(400);
        }
    }

    @Test
    void aHeaderOrCookieWhoseBytesAreNotUtf8Is400Problem() throws Exception {
        for (String header : List.of("X-Note: caf\u00C3\u0028", "Cookie: session=\u00FF\u00FE", "User-Agent: \u00C0\u00AF")) {
            RawResponse response = get("/search?q=ok", header + "\r\n");
            assertThat(response.status()).as(header).isEqualTo(400);
            assertThat(response.bodyText()).as(header).contains("is not valid UTF-8");
        }
        assertThat(get("/search?q=ok", "X-Note: caf\u00C3\u00A9\r\n").status()).as("é as UTF-8 bytes").isEqualTo(200);
    }

    @Test
    void aFormBodyThatIsNotPercentEncodedUtf8Is400() throws Exception {
        byte[] body = "q=%FF%FE".getBytes(StandardCharsets.US_ASCII);
        RawResponse response = RawResponse.exchange(port, request("POST", "/search", "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length + "\r\n", body));
        assertThat(response.status()).isEqualTo(400);
    }

    private RawResponse get(String target, String headers) throws Exception {
        return RawResponse.exchange(port, request("GET", target, headers, new byte[0]));
    }

    /** The request line and headers go out byte for byte: each char below 0x100 is one byte (ISO-8859-1). */
    private static byte[] request(String method, String target, String headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
