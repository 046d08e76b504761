package news.comment;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

import news.testsupport.OperabilityChecks;

class CommentServiceApplicationTest extends IntegrationTest {

    @Test
    void startsAgainstTheRealBrokerAndStoreAndIsOperable(ApplicationContext service) {
        OperabilityChecks.assertOperable(service, "comment-service");
    }
}
