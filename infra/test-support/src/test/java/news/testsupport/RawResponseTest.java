package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RawResponseTest {

    @Test
    void readsPipelinedResponsesFramedByLengthAndByChunksThenOneToTheEnd() throws IOException {
        InputStream in = wire("HTTP/1.1 200 OK\r\nContent-Length: 5\r\ncontent-type: text/plain\r\n\r\nhello"
                + "HTTP/1.1 413 Payload Too Large\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\nrest");

        RawResponse first = RawResponse.read(in);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().get("Content-Type")).containsExactly("text/plain");
        assertThat(first.bodyText()).isEqualTo("hello");
        RawResponse second = RawResponse.read(in);
        assertThat(second.status()).isEqualTo(413);
        assertThat(second.bodyText()).isEqualTo("abcde");
        assertThat(RawResponse.read(in).bodyText()).isEqualTo("rest");
        assertThatThrownBy(() -> RawResponse.read(in)).isInstanceOf(IOException.class).hasMessageContaining("no HTTP answer");
    }

    @Test
    void aBodyCutShortIsAnError() {
        assertThatThrownBy(() -> RawResponse.read(wire("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")))
                .isInstanceOf(IOException.class).hasMessageContaining("inside a response body");
    }

    private static InputStream wire(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
