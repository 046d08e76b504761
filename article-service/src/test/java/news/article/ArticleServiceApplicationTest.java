package news.article;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

import news.testsupport.OperabilityChecks;

@ArticleServiceTest
class ArticleServiceApplicationTest {

    @Test
    void startsAgainstTheRealBrokerAndStoreAndIsOperable(ApplicationContext service) {
        OperabilityChecks.assertOperable(service, "article-service");
    }
}
