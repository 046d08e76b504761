package news.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.testsupport.OperabilityChecks;
import news.testsupport.UseNewsInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseNewsInfrastructure
class GatewayApplicationTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void startsAgainstTheRealBrokerAndStoreAndIsOperable() {
        OperabilityChecks.assertOperable(port, managementPort, "gateway");
    }
}
