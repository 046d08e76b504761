package news.ranking;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.testsupport.OperabilityChecks;

class RankingServiceApplicationTest extends RealBrokerTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void startsAgainstTheRealBrokerAndStoreAndIsOperable() {
        OperabilityChecks.assertOperable(port, managementPort, "ranking-service");
    }
}
