package news.ranking;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

import news.testsupport.OperabilityChecks;

class RankingServiceApplicationTest extends RealBrokerTest {

    @Test
    void startsAgainstTheRealBrokerAndStoreAndIsOperable(ApplicationContext service) {
        OperabilityChecks.assertOperable(service, "ranking-service");
    }
}
