package news.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import news.kit.warmup.WarmUpRequest;
import news.kit.warmup.WarmUpRequests;
import news.testsupport.TestHttp;

/**
 * The gateway's warm-up meets none of the per-address limits: each round comes from its own made-up address, so
 * many more rounds than a client's write burst are all let through (whatever the stubbed services answer them).
 */
class ReaderWarmUpTest extends GatewayIntegrationTest {

    static final int ROUNDS = 4 * WRITE_BURST;

    @Autowired
    List<WarmUpRequests> warmUps;

    @Test
    void roundsFarBeyondOneClientsWriteBurstAreNeverRefusedForTheirAddress() {
        assertThat(warmUps).hasSize(1);
        TestHttp http = TestHttp.local(port);
        List<Integer> statuses = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (WarmUpRequest r : warmUps.get(0).round(round)) {
                addresses.add(r.headers().get("X-Forwarded-For"));
                HttpResponse<String> answer = http.send(r.method(), r.path(), null,
                        r.body() == null ? null : "application/json", r.body(), r.headers());
                statuses.add(answer.statusCode());
            }
        }
        assertThat(statuses).hasSize(ROUNDS * 7).doesNotContain(429);
        assertThat(addresses).doesNotContainNull();
        assertThat(java.util.Set.copyOf(addresses)).hasSize(ROUNDS);
    }

    @Test
    void itsCommentWithAnUnsignedTokenIsRefusedByTheGatewaysTokenCheck() {
        TestHttp http = TestHttp.local(port);
        List<WarmUpRequest> withToken = warmUps.get(0).round(0).stream()
                .filter(r -> r.headers().containsKey("Authorization")).toList();
        assertThat(withToken).hasSize(1);
        WarmUpRequest r = withToken.get(0);
        HttpResponse<String> answer = http.send(r.method(), r.path(), null, "application/json", r.body(), r.headers());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer error=\"invalid_token\"");
    }
}
