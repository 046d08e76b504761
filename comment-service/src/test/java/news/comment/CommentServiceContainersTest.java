package news.comment;

import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.testcontainers.junit.jupiter.Testcontainers;

import news.testsupport.InfrastructureMode;
import news.testsupport.NewsContainers;
import news.testsupport.UseNewsInfrastructure;

/** The same checks against real MongoDB and Kafka images; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
@UseNewsInfrastructure(InfrastructureMode.CONTAINERS)
@ImportTestcontainers(NewsContainers.class)
class CommentServiceContainersTest extends CommentServiceApplicationTest {
}
