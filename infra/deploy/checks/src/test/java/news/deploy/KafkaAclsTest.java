package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import news.contracts.TopicCatalog;
import news.contracts.TopicSpec;

/**
 * The Kafka ACLs of production ({@code overlays/production/kafka/users.yaml}) against the topic list: every producer
 * may write its topics, every consumer may read its topics, and nobody writes anything else but the dead-letter
 * topics of what it consumes. Consumer groups, the Kafka Streams application id and its transactional ids are taken
 * from the services' own configuration.
 */
class KafkaAclsTest {

    private final TopicCatalog catalog = TopicCatalog.load();
    private final List<Map<String, Object>> users =
            Yaml.documents(Repository.K8S.resolve("overlays/production/kafka/users.yaml"));

    record Acl(String principal, String type, String name, String pattern, List<String> operations) {
    }

    private List<Acl> acls() {
        List<Acl> acls = new ArrayList<>();
        for (Map<String, Object> user : users) {
            assertThat(user.get("kind")).isEqualTo("KafkaUser");
            assertThat(Yaml.string(user, "spec.authentication.type")).isEqualTo("scram-sha-512");
            assertThat(Yaml.string(user, "spec.authorization.type")).isEqualTo("simple");
            String principal = Yaml.string(user, "metadata.name");
            for (Map<String, Object> acl : Yaml.maps(user, "spec.authorization.acls")) {
                acls.add(new Acl(principal, Yaml.string(acl, "resource.type"), Yaml.string(acl, "resource.name"),
                        String.valueOf(Yaml.map(acl, "resource").getOrDefault("patternType", "literal")),
                        Yaml.list(acl, "operations").stream().map(String::valueOf).toList()));
            }
        }
        return acls;
    }

    private boolean allows(String principal, String type, String name, String operation) {
        return acls().stream().anyMatch(a -> a.principal().equals(principal) && a.type().equals(type)
                && (a.pattern().equals("literal") ? a.name().equals(name) : name.startsWith(a.name()))
                && (a.operations().contains(operation) || a.operations().contains("All")));
    }

    /** The dead-letter replay tool's principal (docs/operations.md): reads dead letters, writes them back. */
    static final String REPLAY = "dlq-replay";

    @Test
    void thereIsOnePrincipalPerServiceAndItIsTheUserNameTheServiceLogsInWithAndOneForTheReplayTool() {
        List<String> expected = new ArrayList<>(ServiceConfig.all().stream().map(ServiceConfig::name).toList());
        expected.add(REPLAY);
        assertThat(users.stream().map(u -> Yaml.string(u, "metadata.name")).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theReplayToolReadsEveryDeadLetterTopicAndWritesOnlyTheTopicsTheLettersCameFrom() {
        for (TopicSpec topic : catalog.topics()) {
            if (topic.isDeadLetterTopic()) {
                assertThat(allows(REPLAY, "topic", topic.name(), "Read")).as("reads " + topic.name()).isTrue();
                assertThat(allows(REPLAY, "topic", topic.deadLetterOf(), "Write")).as("writes " + topic.deadLetterOf()).isTrue();
            }
        }
        for (Acl acl : acls()) {
            if (!acl.principal().equals(REPLAY)) {
                continue;
            }
            TopicSpec topic = catalog.topic(acl.name());
            assertThat(acl.type()).isEqualTo("topic");
            assertThat(acl.operations()).doesNotContain("All", "Alter", "Delete", "Create");
            if (acl.operations().contains("Write")) {
                assertThat(topic.dlq()).as("%s writes only topics that have dead letters", REPLAY).isNotNull();
            }
            if (acl.operations().contains("Read")) {
                assertThat(topic.isDeadLetterTopic()).as("%s reads only dead letters", REPLAY).isTrue();
            }
        }
    }

    @Test
    void everyProducerOfTheTopicListMayWriteItsTopics() {
        for (TopicSpec topic : catalog.topics()) {
            for (String producer : topic.producers()) {
                assertThat(allows(producer, "topic", topic.name(), "Write")).as(producer + " writes " + topic.name()).isTrue();
            }
        }
    }

    @Test
    void everyConsumerOfTheTopicListMayReadItsTopics() {
        for (TopicSpec topic : catalog.topics()) {
            for (String consumer : topic.consumers()) {
                assertThat(allows(consumer, "topic", topic.name(), "Read")).as(consumer + " reads " + topic.name()).isTrue();
            }
        }
    }

    @Test
    void aServiceWritesOnlyItsOwnTopicsAndTheDeadLettersOfWhatItConsumes() {
        for (Acl acl : acls()) {
            if (!acl.type().equals("topic") || !acl.pattern().equals("literal") || acl.principal().equals(REPLAY)) {
                continue;
            }
            TopicSpec topic = catalog.topic(acl.name());
            boolean produces = topic.producers().contains(acl.principal());
            boolean deadLettersOfItsInput = topic.isDeadLetterTopic()
                    && catalog.topic(topic.deadLetterOf()).consumers().contains(acl.principal());
            if (acl.operations().contains("Write") || acl.operations().contains("All")) {
                assertThat(produces || deadLettersOfItsInput)
                        .as("%s may write %s, which it neither produces nor dead-letters", acl.principal(), acl.name())
                        .isTrue();
            }
            if (acl.operations().contains("Read")) {
                assertThat(topic.consumers()).as("%s may read %s", acl.principal(), acl.name()).contains(acl.principal());
            }
            assertThat(acl.operations()).as("no wildcard operations on shared topics").doesNotContain("All", "Alter", "Delete");
        }
    }

    @Test
    void eachConsumerGroupIsTheOneTheServiceConfigures() {
        ServiceConfig comment = ServiceConfig.named("comment-service");
        String group = comment.valueOf("spring.cloud.stream.bindings.articleEvents-in-0.group");
        assertThat(allows("comment-service", "group", group, "Read")).as("group " + group).isTrue();
        assertThat(acls()).filteredOn(a -> a.type().equals("group"))
                .allMatch(a -> a.principal().equals("comment-service") || a.principal().equals("ranking-service"));
    }

    @Test
    void rankingServiceMayRunItsKafkaStreamsApplicationAndNothingMore() {
        ServiceConfig ranking = ServiceConfig.named("ranking-service");
        String applicationId = ranking.valueOf("spring.cloud.stream.kafka.streams.binder.application-id");
        assertThat(ranking.valueOf("spring.cloud.stream.kafka.streams.binder.configuration.processing.guarantee"))
                .startsWith("exactly_once");
        assertThat(allows("ranking-service", "group", applicationId, "Read")).isTrue();
        for (String internal : List.of(applicationId + "-ranking-list-updates-repartition",
                applicationId + "-ranking-counters-changelog")) {
            for (String operation : List.of("Create", "Read", "Write", "Describe", "DescribeConfigs", "Delete")) {
                assertThat(allows("ranking-service", "topic", internal, operation)).as(operation + " " + internal).isTrue();
            }
        }
        assertThat(allows("ranking-service", "transactionalId", applicationId + "-0f1e2d3c-1", "Write")).isTrue();
        assertThat(acls()).filteredOn(a -> !a.pattern().equals("literal"))
                .allMatch(a -> a.principal().equals("ranking-service") && a.name().equals(applicationId + "-"));
        for (TopicSpec topic : catalog.topics()) {
            assertThat(topic.name()).as("a contract topic must not fall under the internal prefix")
                    .doesNotStartWith(applicationId + "-");
        }
    }

    @Test
    void theGatewayOnlyReadsItsReadModelsWithoutAConsumerGroup() {
        assertThat(acls()).filteredOn(a -> a.principal().equals("gateway"))
                .allMatch(a -> a.type().equals("topic") && Set.of("Read", "Describe").containsAll(a.operations()));
    }
}
