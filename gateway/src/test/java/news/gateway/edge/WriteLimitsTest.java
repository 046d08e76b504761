package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import news.gateway.GatewayProperties.AccountLimit;
import news.gateway.GatewayProperties.RateLimit;
import reactor.core.publisher.Mono;

/**
 * A refused credential is paid for before the refusal reaches the client: a client that sends its next request as
 * soon as it reads the 401 meets a budget that already counts it, however long the server takes to finish the
 * exchange it refused.
 */
class WriteLimitsTest {

    private static final int FAILURES = 5;

    private final WriteLimits limits = new WriteLimits(new ClientAddress(List.of()),
            new RateLimit(FAILURES, 1, Duration.ofMinutes(1), 1_000),
            new AccountLimit(new RateLimit(20, 1, Duration.ofMinutes(1), 1_000),
                    new RateLimit(40, 1, Duration.ofMinutes(1), 1_000)),
            1, "NEWS_SESSION", 10_000);

    @Test
    void aRefusedCredentialIsPaidForBeforeTheRefusalIsSent() {
        // each refusal is sent, and its exchange does not end: the server has not finished with it yet
        WebFilterChain refuses = exchange -> {
            exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
            return exchange.getResponse().setComplete().then(Mono.never());
        };
        for (int i = 0; i < FAILURES; i++) {
            MockServerWebExchange refused = credentialed();
            limits.filter(refused, refuses).subscribe();
            assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        MockServerWebExchange next = credentialed();
        AtomicBoolean checked = new AtomicBoolean();
        limits.filter(next, exchange -> {
            checked.set(true);
            return Mono.empty();
        }).block(Duration.ofSeconds(5));

        assertThat(checked).as("the next credentials were not even checked").isFalse();
        assertThat(next.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    private static MockServerWebExchange credentialed() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/articles/a1/comments")
                .remoteAddress(new InetSocketAddress("203.0.113.9", 40_000))
                .header(HttpHeaders.AUTHORIZATION, "Bearer made.up.token")
                .body("{\"text\":\"Nice\"}"));
    }
}
