package news.ranking.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.context.ConfigurableApplicationContext;

import news.launcher.Ports;
import news.ranking.RankingServiceApplication;
import news.ranking.TestEvents;
import news.ranking.RankingTestConfig;
import news.ranking.rules.ListKey;
import news.ranking.rules.ListKind;
import news.ranking.rules.RankedEntry;
import news.ranking.rules.RankedList;
import news.ranking.topology.RankingStores;
import news.testsupport.OperabilityChecks;
import news.testsupport.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scale-out: two instances that differ only in {@code --server.port} (state directory and advertised address derive
 * from it) share the work, and each answers every list exactly as the other does, forwarding to the owner; when one
 * stops, the other takes its lists over with their state restored from the changelogs.
 */
class TwoInstancesTest {

    private static final List<ListKind> KINDS = RankingTestConfig.defaults().properties().listKinds().all();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SECTIONS = List.of("all", "Views", "Army", "Navy", "Air Force",
            "Defense Industry", "North Korea", "Policy");

    @TempDir
    Path stateBase;

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stopAll() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoInstancesAnswerEveryListIdenticallyAndOneTakesOverWhenTheOtherStops() {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        IsolatedTopics topics = IsolatedTopics.createFresh(bootstrap, "two");
        String run = topics.prefix();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> navy = List.of(run + "-navy-0", run + "-navy-1", run + "-navy-2");
        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap)) {
            for (int i = 0; i < navy.size(); i++) {
                producer.send(TestEvents.article(navy.get(i), "Navy", "Navy " + i, true,
                        now.minus(Duration.ofHours(i + 1)), false, null, 1).toRecord(topics.topics().articleEvents()));
                for (int v = 0; v <= i; v++) {
                    producer.send(TestEvents.view(navy.get(i), "Navy", "reader-" + v, false, now)
                            .toRecord(topics.topics().articleViews()));
                }
            }
            producer.send(TestEvents.article(run + "-army", "Army", "Army pick", true, now.minus(Duration.ofHours(5)),
                    true, now.minus(Duration.ofMinutes(1)), 1).toRecord(topics.topics().articleEvents()));
            producer.send(TestEvents.share(run + "-army", "Army", "alice", now).toRecord(topics.topics().articleShares()));
        }

        int firstPort = Ports.freePort();
        int secondPort = Ports.freePort();
        ConfigurableApplicationContext first = start(firstPort, bootstrap, run, topics);
        ConfigurableApplicationContext second = start(secondPort, bootstrap, run, topics);

        Awaitility.await("both instances answer every list alike").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    assertAnswersAlike(firstPort, secondPort);
                    assertThat(scores(firstPort, "popular-now", "all")).containsExactly(3L, 2L, 1L, 0L);
                });
        Set<String> owners = new HashSet<>();
        InteractiveQueryService queries = first.getBean(InteractiveQueryService.class);
        for (ListKind kind : KINDS) {
            for (String section : SECTIONS) {
                KeyQueryMetadata owner = queries.getKeyQueryMetadata(RankingStores.LISTS,
                        ListKey.of(kind, section).value(), new StringSerializer());
                owners.add(owner.activeHost().host() + ":" + owner.activeHost().port());
            }
        }
        assertThat(owners).as("each instance owns some lists, so each forwards some queries to the other")
                .containsExactlyInAnyOrder("localhost:" + firstPort, "localhost:" + secondPort);
        assertThat(entries(secondPort, "must-reads", "army")).extracting(RankedEntry::articleId)
                .containsExactly(run + "-army");

        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap)) {
            for (int v = 0; v < 5; v++) {
                producer.send(TestEvents.view(navy.get(0), "Navy", "late-reader-" + v, false, Instant.now())
                        .toRecord(topics.topics().articleViews()));
            }
        }
        Awaitility.await("new views show on both").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(scores(secondPort, "popular-now", "navy")).containsExactly(6L, 3L, 2L);
                    assertAnswersAlike(firstPort, secondPort);
                });

        second.close();
        instances.remove(second);

        Awaitility.await("the remaining instance answers every list").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    for (ListKind kind : KINDS) {
                        for (String section : SECTIONS) {
                            assertThat(get(firstPort, kind.slug(), section).statusCode()).as("%s|%s", kind, section)
                                    .isEqualTo(200);
                        }
                    }
                    assertThat(scores(firstPort, "popular-now", "navy")).containsExactly(6L, 3L, 2L);
                    assertThat(entries(firstPort, "must-reads", "army")).extracting(RankedEntry::articleId)
                            .containsExactly(run + "-army");
                });
    }

    private ConfigurableApplicationContext start(int port, String bootstrap, String run, IsolatedTopics topics) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.cloud.stream.kafka.binder.brokers=" + bootstrap,
                "--spring.cloud.stream.kafka.streams.binder.brokers=" + bootstrap,
                "--NEWS_RANKING_APPLICATION_ID=" + run,
                "--NEWS_RANKING_STATE_DIR=" + stateBase,
                // started outside a Spring test context, so without test-support's defaults: no warm-up here either
                "--news.warm-up.enabled=false"));
        topics.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RankingServiceApplication.class)
                .run(args.toArray(String[]::new));
        instances.add(context);
        Awaitility.await("readiness of the instance on " + port).atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> get(context.getEnvironment().getRequiredProperty("local.management.port", Integer.class),
                        "/actuator/health/readiness").statusCode() == 200);
        return context;
    }

    private static void assertAnswersAlike(int firstPort, int secondPort) {
        for (ListKind kind : KINDS) {
            for (String section : SECTIONS) {
                HttpResponse<String> a = get(firstPort, kind.slug(), section);
                HttpResponse<String> b = get(secondPort, kind.slug(), section);
                assertThat(a.statusCode()).as("%s|%s on the first instance", kind, section).isEqualTo(200);
                assertThat(b.body()).as("%s|%s on both instances", kind, section).isEqualTo(a.body());
            }
        }
    }

    private static List<RankedEntry> entries(int port, String list, String section) {
        return JSON.readValue(get(port, list, section).body(), RankedList.class).entries();
    }

    private static List<Long> scores(int port, String list, String section) {
        return entries(port, list, section).stream().map(e -> e.score().longValue()).toList();
    }

    private static HttpResponse<String> get(int port, String list, String section) {
        return get(port, "/api/rankings/" + list + "?limit=50&section=" + section.replace(" ", "%20"));
    }

    private static HttpResponse<String> get(int port, String path) {
        return OperabilityChecks.get(port, path);
    }
}
