package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import news.gateway.GatewayIntegrationTest;
import news.gateway.support.Downstream.Reply;

/**
 * In Kubernetes ({@code KUBERNETES_SERVICE_HOST} set, as in every pod) Spring Boot would have Reactor Netty take the
 * client's own {@code X-Forwarded-For} as the peer address unless the strategy says otherwise. Here the test client
 * (loopback) is not a trusted proxy, so whatever it puts in the header must change nothing: one write budget for all
 * its requests, and its own address passed on to the services.
 */
@TestPropertySource(properties = {"spring.main.cloud-platform=kubernetes",
        "news.gateway.trusted-proxies=10.255.255.254/32"})
class ForgedAddressesTest extends GatewayIntegrationTest {

    @Test
    void aClientRotatingXForwardedForKeepsOneWriteBudgetAndItsOwnAddress() {
        String id = "f" + Long.toHexString(System.nanoTime());
        ARTICLE_SERVICE.on("POST /api/articles/" + id + "/views", Reply.status(202));
        for (int i = 0; i < WRITE_BURST; i++) {
            client.post().uri("/api/articles/" + id + "/views").header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .exchange().expectStatus().isAccepted();
        }
        client.post().uri("/api/articles/" + id + "/views").header("X-Forwarded-For", "203.0.113.200")
                .exchange().expectStatus().isEqualTo(429);

        assertThat(ARTICLE_SERVICE.received("POST /api/articles/" + id + "/views"))
                .allSatisfy(r -> assertThat(r.header("X-Forwarded-For")).isEqualTo("127.0.0.1"));
    }
}
