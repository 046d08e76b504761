package news.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(List.of("127.0.0.0/8", "10.0.0.0/8"));

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedHop() {
        assertThat(addresses.clientOf("127.0.0.1", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(addresses.clientOf("10.1.2.3", "198.51.100.1, 203.0.113.9, 10.0.0.7")).isEqualTo("203.0.113.9");
    }

    @Test
    void aClientTalkingDirectlyCannotChooseItsAddressWithTheHeader() {
        assertThat(addresses.clientOf("198.51.100.20", "1.2.3.4")).isEqualTo("198.51.100.20");
    }

    @Test
    void garbageInTheHeaderFallsBackToThePeerAddress() {
        assertThat(addresses.clientOf("127.0.0.1", "evil.example.com")).isEqualTo("127.0.0.1");
        assertThat(addresses.clientOf("127.0.0.1", "")).isEqualTo("127.0.0.1");
        assertThat(addresses.clientOf("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }
}
