package news.kit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

import com.mongodb.client.MongoClient;

import news.testsupport.UseNewsInfrastructure;

@SpringBootTest(classes = MongoHealthTest.App.class, properties = "spring.mongodb.database=kit_health")
@UseNewsInfrastructure
class MongoHealthTest {

    @SpringBootApplication
    static class App {
    }

    @Autowired
    MongoClient client;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator;

    @Test
    void theStoreIsHealthyEvenOnceDatabasesExistOnTheEmbeddedServer() {
        client.getDatabase("kit_health").getCollection("c" + UUID.randomUUID()).insertOne(new Document("x", 1));

        assertThat(mongoHealthIndicator).isInstanceOf(MongoPingHealthIndicator.class);
        assertThat(context.containsBean("mongoHealthContributor")).as("Boot's hello-based indicator backs off").isFalse();
        assertThat(mongoHealthIndicator.health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anUnreachableStoreIsDownWithinTheSelectionTimeout() {
        try (MongoClient unreachable = com.mongodb.client.MongoClients.create(
                com.mongodb.MongoClientSettings.builder()
                        .applyConnectionString(new com.mongodb.ConnectionString("mongodb://127.0.0.1:" + news.launcher.Ports.freePort()))
                        .applyToClusterSettings(c -> c.serverSelectionTimeout(500, java.util.concurrent.TimeUnit.MILLISECONDS))
                        .build())) {
            assertThat(new MongoPingHealthIndicator(unreachable, "x").health(true).getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
