package news.testsupport;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Testcontainers variant: real {@code apache/kafka} and {@code mongo} images as Spring Boot service
 * connections. Use on a test that also carries {@code @UseNewsInfrastructure(CONTAINERS)} and
 * {@code @Testcontainers(disabledWithoutDocker = true)}:
 * <pre>{@code
 * @Testcontainers(disabledWithoutDocker = true)
 * @UseNewsInfrastructure(InfrastructureMode.CONTAINERS)
 * @ImportTestcontainers(NewsContainers.class)
 * class ArticleFlowContainersTest extends ArticleFlowTest { }
 * }</pre>
 * The containers are the same singletons the customizer hands to the Kafka binders.
 */
public interface NewsContainers {

    @Container
    @ServiceConnection
    KafkaContainer KAFKA = TestInfrastructure.kafkaContainer();

    @Container
    @ServiceConnection
    MongoDBContainer MONGO = TestInfrastructure.mongoContainer();
}
