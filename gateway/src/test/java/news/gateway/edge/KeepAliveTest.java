package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.gateway.GatewayIntegrationTest;
import news.gateway.support.TestArticle;
import news.testsupport.RawResponse;

/**
 * Kept-alive connections keep working. A request that arrives while the one before it on the same connection is still
 * being answered waits in the server's queue; when it is then answered at once (a page from the page cache), Reactor
 * Netty up to 1.3.7 stopped reading the connection (reactor/reactor-netty#4361), so the client's next request there
 * never got an answer: the one-in-twenty-thousand page timeout of the soak and a hang of PageCachingTest in CI.
 * A raw socket makes the timing exact: the two requests go out in one write.
 */
class KeepAliveTest extends GatewayIntegrationTest {

    @Test
    void aRequestAnsweredFromTheCacheBehindASlowerOneLeavesTheConnectionReadingTheNextRequest() throws IOException {
        TestArticle article = onThePlatform("Navy", "Queued behind a slower page", List.of("first"));
        assertThat(get("/api/pages/home").status()).as("the home page, now in the page cache").isEqualTo(200);

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            // the article page is assembled (calls to the services); the home page behind it comes from the cache
            send(socket, request("/api/pages/article/" + article.id()) + request("/api/pages/home"));
            assertThat(statuses(in, 2)).as("both pipelined requests answered, in order").containsExactly(200, 200);

            send(socket, request("/api/pages/home"));
            assertThat(statuses(in, 1)).as("the next request on the same connection").containsExactly(200);
            send(socket, request("/api/pages/article/" + article.id()));
            assertThat(statuses(in, 1)).as("and the one after it").containsExactly(200);
        }
    }

    @Test
    void manyRequestsOnOneConnectionInBurstsAreAllAnswered() throws IOException {
        TestArticle article = onThePlatform("Army", "Bursts on one connection", List.of());
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int burst = 0; burst < 20; burst++) {
                String paths = request("/api/pages/article/" + article.id()) + request("/api/pages/home")
                        + request("/api/pages/article/" + article.id());
                send(socket, paths);
                assertThat(statuses(in, 3)).as("burst " + burst).containsExactly(200, 200, 200);
            }
        }
    }

    private static String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n";
    }

    private static void send(Socket socket, String requests) throws IOException {
        socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads {@code count} whole responses and gives their statuses. */
    private static List<Integer> statuses(InputStream in, int count) {
        List<Integer> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                statuses.add(RawResponse.read(in).status());
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 5 s after " + statuses.size() + " of " + count
                    + " responses: the connection stopped reading", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return statuses;
    }
}
