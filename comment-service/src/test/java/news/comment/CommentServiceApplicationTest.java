package news.comment;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import news.testsupport.OperabilityChecks;
import news.testsupport.UseNewsInfrastructure;
import news.testsupport.Spans;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseNewsInfrastructure
@Import(Spans.class) // the configuration of IntegrationTest: one application context for both
class CommentServiceApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void startsAgainstTheRealBrokerAndStoreAndIsOperable() {
        OperabilityChecks.assertOperable(port, "comment-service");
    }
}
