package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import news.gateway.GatewayIntegrationTest;
import news.testsupport.RawResponse;
import news.testsupport.TestHttp;

/**
 * A request the gateway refuses before reading it whole still gets its refusal: the gateway closes with a linger
 * ({@link LingeringClose}) instead of resetting a connection the client is still writing to. Without it, about one
 * in ten of these requests got no answer at all.
 */
class EarlyRefusalTest extends GatewayIntegrationTest {

    private static final String HUGE = "h".repeat(70_000);

    @Test
    void everyRequestWithHeadersFarOverTheLimitGetsItsRefusal() {
        TestHttp gateway = TestHttp.local(port);
        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < 150; i++) {
            String answer;
            try {
                answer = Integer.toString(gateway.send("POST", "/api/articles/a7Yq3kPz9WmX/comments", null,
                        "application/json", "{\"text\": \"big header\"}", Map.of("X-Padding", HUGE)).statusCode());
            } catch (IllegalStateException e) {
                answer = "no answer: " + e.getMessage();
            }
            answers.merge(answer, 1, Integer::sum);
        }
        assertThat(answers).isEqualTo(Map.of("431", 150));
    }

    @Test
    void afterTheRefusalTheGatewayClosesTheConnectionWithinTheLinger() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) LingeringClose.LINGER.multipliedBy(3).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/articles/a7Yq3kPz9WmX/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + HUGE
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());

            RawResponse refusal = RawResponse.read(in);

            assertThat(refusal.status()).isEqualTo(431);
            assertThat(in.read()).as("end of stream after the refusal, not a connection left open").isEqualTo(-1);
        }
    }
}
