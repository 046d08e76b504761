package news.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPortIsFreeUntilSomethingListensOnItEvenOnLoopbackOnly() throws Exception {
        int port = Ports.freePort();
        assertThat(Ports.isFree(port)).isTrue();
        try (ServerSocket taken = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.isFree(port)).isFalse();
            assertThat(Ports.isListening(port)).isTrue();
        }
        assertThat(Ports.isFree(port)).isTrue();
    }
}
