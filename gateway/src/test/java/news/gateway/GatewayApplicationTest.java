package news.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import news.testsupport.OperabilityChecks;
import news.testsupport.UseNewsInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseNewsInfrastructure
class GatewayApplicationTest {

    @Test
    void startsAgainstTheRealBrokerAndStoreAndIsOperable(ApplicationContext service) {
        OperabilityChecks.assertOperable(service, "gateway");
    }
}
