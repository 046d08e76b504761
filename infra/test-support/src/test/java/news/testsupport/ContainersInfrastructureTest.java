package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The Testcontainers variant of the shared infrastructure: runs where Docker exists, skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class ContainersInfrastructureTest {

    @Test
    void realImagesComeUpWithTheContractTopicsAndAReachableStore() throws Exception {
        String kafka = TestInfrastructure.kafkaBootstrapServers(InfrastructureMode.CONTAINERS);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            assertThat(admin.listTopics().names().get(60, TimeUnit.SECONDS)).contains("news.article-events");
        }
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri(InfrastructureMode.CONTAINERS))) {
            Document pong = client.getDatabase("admin").runCommand(new Document("ping", 1));
            assertThat(pong.get("ok")).isNotNull();
        }
    }
}
