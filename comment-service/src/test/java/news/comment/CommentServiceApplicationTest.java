package news.comment;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
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
    @LocalManagementPort
    int managementPort;

    @Test
    void startsAgainstTheRealBrokerAndStoreAndIsOperable() {
        OperabilityChecks.assertOperable(port, managementPort, "comment-service");
    }
}
