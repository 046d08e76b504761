package news.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LayoutTest {

    @Test
    void actuatorAnswersOnEachServicesPortPlus1000AndNoPortIsUsedTwice() {
        Layout layout = new Layout(Path.of("."), Path.of(".data"), Map.of());
        Set<Integer> ports = new HashSet<>(List.of(layout.kafkaPort(), layout.kafkaControllerPort(), layout.mongoPort()));
        for (Layout.Service service : Layout.SERVICES) {
            assertThat(layout.managementPort(service)).isEqualTo(service.defaultPort() + 1000);
            assertThat(ports.add(layout.port(service))).as(service.name()).isTrue();
            assertThat(ports.add(layout.managementPort(service))).as(service.name() + " management").isTrue();
        }
        assertThat(ports).contains(9080, 9081, 9082, 9083);
    }

    @Test
    void servicesListenOnLoopbackUnlessNewsBindAddressSaysOtherwiseAndActuatorAlwaysDoes() {
        Layout.Service gateway = Layout.SERVICES.get(3);
        assertThat(new Layout(Path.of("."), Path.of(".data"), Map.of()).listening(gateway)).containsExactlyInAnyOrderEntriesOf(
                Map.of("SERVER_PORT", "8080", "SERVER_ADDRESS", "127.0.0.1",
                        "MANAGEMENT_SERVER_PORT", "9080", "MANAGEMENT_SERVER_ADDRESS", "127.0.0.1"));
        assertThat(new Layout(Path.of("."), Path.of(".data"), Map.of("NEWS_BIND_ADDRESS", " ")).bindAddress())
                .isEqualTo("127.0.0.1");
        Map<String, String> open = new Layout(Path.of("."), Path.of(".data"), Map.of("NEWS_BIND_ADDRESS", "0.0.0.0"))
                .listening(gateway);
        assertThat(open).containsEntry("SERVER_ADDRESS", "0.0.0.0").containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
    }

    @Test
    void aMovedServiceTakesItsManagementPortAlongUnlessThatIsSetToo() {
        Layout.Service gateway = Layout.SERVICES.get(3);
        assertThat(new Layout(Path.of("."), Path.of(".data"), Map.of("GATEWAY_PORT", "18080")).managementPort(gateway))
                .isEqualTo(19080);
        assertThat(new Layout(Path.of("."), Path.of(".data"), Map.of("GATEWAY_PORT", "18080",
                "GATEWAY_MANAGEMENT_PORT", "18081")).managementPort(gateway)).isEqualTo(18081);
    }
}
