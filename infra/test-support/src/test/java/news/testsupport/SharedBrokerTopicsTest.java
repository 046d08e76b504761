package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import news.contracts.TopicCatalog;
import news.contracts.TopicSpec;

class SharedBrokerTopicsTest {

    @Test
    void everyTopicOfTheContractExistsWithItsPartitionsAndRetention() throws Exception {
        TopicCatalog catalog = TopicCatalog.load();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            Map<String, TopicDescription> described = admin.describeTopics(
                    catalog.topics().stream().map(TopicSpec::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
            for (TopicSpec spec : catalog.topics()) {
                assertThat(described.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
                Config config = admin.describeConfigs(java.util.List.of(
                        new ConfigResource(ConfigResource.Type.TOPIC, spec.name()))).all().get(30, TimeUnit.SECONDS)
                        .values().iterator().next();
                spec.config().forEach((key, value) ->
                        assertThat(config.get(key).value()).as(spec.name() + " " + key).isEqualTo(value));
            }
        }
    }
}
