package news.ranking;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.testsupport.OperabilityChecks;

class RankingServiceApplicationTest extends RealBrokerTest {

    @LocalServerPort
    int port;

    @Test
    void startsAgainstTheRealBrokerAndStoreAndIsOperable() {
        OperabilityChecks.assertOperable(port, "ranking-service");
    }
}
