package news.kit.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ForwardedClientsTest {

    private final ForwardedClients clients = new ForwardedClients(List.of("127.0.0.0/8", "10.0.0.0/8", "::1/128"));

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedHop() {
        assertThat(clients.clientOf("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(clients.clientOf("10.1.2.3", List.of("198.51.100.1, 203.0.113.9, 10.0.0.7"))).isEqualTo("203.0.113.9");
    }

    @Test
    void everyLineOfTheHeaderIsReadInOrder() {
        // a proxy that adds a line of its own instead of extending the last: the client is in the second line
        assertThat(clients.clientOf("127.0.0.1", List.of("198.51.100.1", "203.0.113.9, 10.0.0.7")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aClientTalkingDirectlyCannotChooseItsAddressWithTheHeader() {
        assertThat(clients.clientOf("198.51.100.20", List.of("1.2.3.4"))).isEqualTo("198.51.100.20");
    }

    @Test
    void aHopThatIsNotAnAddressLiteralLeavesThePeerAsTheClient() {
        assertThat(clients.clientOf("127.0.0.1", List.of("evil.example.com"))).isEqualTo("127.0.0.1");
        assertThat(clients.clientOf("127.0.0.1", List.of("abcd.cafe"))).isEqualTo("127.0.0.1");
        // 127.1 would resolve to loopback, a trusted proxy, and let the hop before it choose the address
        assertThat(clients.clientOf("127.0.0.1", List.of("203.0.113.9, 127.1"))).isEqualTo("127.0.0.1");
        assertThat(clients.clientOf("127.0.0.1", List.of(""))).isEqualTo("127.0.0.1");
        assertThat(clients.clientOf("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(clients.clientOf(null, List.of("203.0.113.9"))).isEqualTo(ForwardedClients.UNKNOWN);
    }

    @Test
    void onlyAddressLiteralsAreAddresses() {
        assertThat(ForwardedClients.literal("203.0.113.9")).isPresent();
        assertThat(ForwardedClients.literal("2001:db8::1")).isPresent();
        assertThat(ForwardedClients.literal("[2001:db8::1]")).isPresent();
        assertThat(ForwardedClients.literal("abcd.cafe")).isEmpty();
        assertThat(ForwardedClients.literal("127.1")).isEmpty();
        assertThat(ForwardedClients.literal("0x7f.0.0.1")).isEmpty();
        assertThat(ForwardedClients.literal("localhost")).isEmpty();
    }

    @Test
    void ipv6ClientsAreLimitedPerSlash64AndIpv4PerAddress() {
        assertThat(ForwardedClients.limitKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(ForwardedClients.limitKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ForwardedClients.limitKey("2001:db8:1:3::1")).isNotEqualTo(ForwardedClients.limitKey("2001:db8:1:2::1"));
        assertThat(ForwardedClients.limitKey("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ForwardedClients.limitKey(ForwardedClients.UNKNOWN)).isEqualTo(ForwardedClients.UNKNOWN);
    }

    @Test
    void aTrustedProxyThatIsNotARangeIsRefusedByName() {
        assertThatThrownBy(() -> new ForwardedClients(List.of("10.0.0.0/8", "proxy.internal")))
                .hasMessageContaining("'proxy.internal' is not an address range");
        assertThatThrownBy(() -> new ForwardedClients(List.of("10.0.0.0/33"))).hasMessageContaining("prefix length");
    }

    @Test
    void noCodeOfTheKitResolvesHostNames() {
        noClasses().should().callMethod(InetAddress.class, "getByName", String.class)
                .orShould().callMethod(InetAddress.class, "getAllByName", String.class)
                .because("a client-supplied header must never cause a DNS look-up")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("news.kit"));
    }
}
