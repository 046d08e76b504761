package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "::1/128"));
    private final ClientAddress atTheEdge = new ClientAddress(List.of());

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', textBlock = """
            edge    | 203.0.113.5     | 1.2.3.4                             | 203.0.113.5 | at the edge the peer, whatever it sends
            proxies | 10.1.2.3        | 198.51.100.7, 203.0.113.9, 10.4.5.6 | 203.0.113.9 | the right-most untrusted hop
            proxies | 0:0:0:0:0:0:0:1 | 203.0.113.9                         | 203.0.113.9 | behind a trusted IPv6 proxy too
            proxies | 203.0.113.5     | 10.1.1.1, 1.2.3.4                   | 203.0.113.5 | an untrusted peer cannot choose
            proxies | 10.1.2.3        | evil.example.com                    | 10.1.2.3    | garbage falls back to the peer
            proxies | 10.1.2.3        | 10.9.9.9                            | 10.1.2.3    | only trusted hops: the peer
            proxies | 10.1.2.3        |                                     | 10.1.2.3    | no header: the peer
            """)
    void theClientIsThePeerOrBehindATrustedProxyTheRightMostUntrustedHop(String where, String peer, String forwardedFor,
                                                                          String client, String rule) {
        ClientAddress addresses = where.equals("edge") ? atTheEdge : behindProxies;
        assertThat(addresses.of(peer, forwardedFor)).isEqualTo(client);
    }

    @Test
    void everyLineOfTheHeaderCountsAndHostNamesAreNeverLookedUp() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/articles/a/views")
                .remoteAddress(new InetSocketAddress("10.1.2.3", 40000))
                .header("X-Forwarded-For", "198.51.100.7")
                .header("X-Forwarded-For", "203.0.113.9, 10.4.5.6"));
        assertThat(behindProxies.of(exchange)).isEqualTo("203.0.113.9");
        assertThat(behindProxies.of("10.1.2.3", "203.0.113.9, abcd.cafe")).isEqualTo("10.1.2.3");
        assertThat(behindProxies.of("10.1.2.3", "203.0.113.9, 10.1")).as("10.1 is not 10.0.0.1 here").isEqualTo("10.1.2.3");
    }
}
