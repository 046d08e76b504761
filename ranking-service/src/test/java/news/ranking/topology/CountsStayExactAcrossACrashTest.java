package news.ranking.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import news.kit.cloudevents.CloudEvent;
import news.ranking.TestEvents;
import news.ranking.it.IsolatedTopics;
import news.ranking.it.StandaloneRanking;
import news.ranking.it.StartedStreams;
import news.ranking.rules.Candidate;
import news.ranking.rules.RankedEntry;
import news.ranking.rules.RankedList;
import news.testsupport.TestInfrastructure;
import news.testsupport.TopicProbe;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exactly-once on the real broker: 100,000 views (unique {@code ce_id}s, repeat readers, bots) for 20 articles; the
 * ranking application runs in a JVM of its own and is killed (SIGKILL, no shutdown) in the middle of the stream while
 * views keep coming; a new instance with the same application id and state directory takes over. Every article's
 * count must equal the count the rules give, neither less (lost) nor more (counted twice).
 */
class CountsStayExactAcrossACrashTest {

    private static final int ARTICLES = 20;
    private static final int VIEWS = 100_000;
    private static final int READERS = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(CountsStayExactAcrossACrashTest.class);

    @TempDir
    Path stateDir;

    @RegisterExtension
    final StartedStreams started = new StartedStreams();

    private Process first;

    @AfterEach
    void killTheFirstInstance() {
        if (first != null) {
            first.destroyForcibly();
        }
    }

    @Test
    void noViewIsLostOrCountedTwiceWhenTheStreamsAppIsKilledMidStreamAndReplaced() throws Exception {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        IsolatedTopics topics = IsolatedTopics.createFresh(bootstrap, "crash");
        String run = topics.prefix();
        Load load = Load.generate(run, Instant.now());

        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap)) {
            load.articles.forEach(a -> producer.send(a.toRecord(topics.topics().articleEvents())));
            load.views.subList(0, 40_000).forEach(v -> producer.send(v.toRecord(topics.topics().articleViews())));
            producer.flush();
        }

        first = startInItsOwnJvm(bootstrap, run, topics);
        Awaitility.await("the first instance commits 10,000 views").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200)).until(() -> committedViews(bootstrap, run, topics) >= 10_000);
        CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> {
            try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap)) {
                load.views.subList(40_000, VIEWS)
                        .forEach(v -> producer.send(v.toRecord(topics.topics().articleViews())));
            }
        });
        Awaitility.await("the first instance commits 25,000 views").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100)).until(() -> committedViews(bootstrap, run, topics) >= 25_000);
        assertThat(first.isAlive()).isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long committedAtKill = committedViews(bootstrap, run, topics);
        assertThat(committedAtKill).as("killed in the middle of the stream").isLessThan(VIEWS);
        log.info("Killed the first instance with {} of {} views committed", committedAtKill, VIEWS);
        rest.get(2, TimeUnit.MINUTES);

        KafkaStreams second = started.start(bootstrap, run, stateDir, topics);

        Awaitility.await("exact counts after the crash").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> assertThat(counts(second)).isEqualTo(load.expected));
        // the stores show processed records before their transaction commits (every commit.interval.ms)
        Awaitility.await("every view committed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(committedViews(bootstrap, run, topics)).isEqualTo(VIEWS));
        Awaitility.await("the published Popular Now list has the exact counts").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> assertThat(publishedPopularNow(bootstrap, topics)).isEqualTo(load.expected));
        assertThat(counts(second)).as("still exact once everything is processed").isEqualTo(load.expected);
    }

    private Process startInItsOwnJvm(String bootstrap, String run, IsolatedTopics topics) throws IOException {
        Path log = Files.createDirectories(Path.of("target")).resolve(run + "-first-instance.log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StandaloneRanking.class.getName(), bootstrap, run, stateDir.toString(), topics.prefix())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long committedViews(String bootstrap, String group, IsolatedTopics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topics.topics().articleViews()) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    /** Popular Now and Must-Reads view counts of every article, as the lists of {@code all} hold them. */
    private static Map<String, List<Long>> counts(KafkaStreams streams) {
        ReadOnlyKeyValueStore<String, Candidate> candidates = StandaloneRanking.candidates(streams);
        Map<String, Long> popularNow = new HashMap<>();
        Map<String, Long> mustReads = new HashMap<>();
        candidates.all().forEachRemaining(kv -> {
            long views = kv.value.counts()[0];
            if (views > 0 && kv.key.startsWith("popular-now|all|")) {
                popularNow.put(kv.value.articleId(), views);
            } else if (views > 0 && kv.key.startsWith("must-reads|all|")) {
                mustReads.put(kv.value.articleId(), views);
            }
        });
        Map<String, List<Long>> counts = new HashMap<>();
        popularNow.forEach((id, views) -> counts.put(id, List.of(views, mustReads.getOrDefault(id, 0L))));
        mustReads.forEach((id, views) -> counts.putIfAbsent(id, List.of(0L, views)));
        return counts;
    }

    private static Map<String, List<Long>> publishedPopularNow(String bootstrap, IsolatedTopics topics) {
        try (TopicProbe probe = TopicProbe.fromBeginning(bootstrap, topics.topics().rankings())) {
            List<ConsumerRecord<String, byte[]>> records =
                    probe.await(TopicProbe.withKey("popular-now|all"), 1, Duration.ofSeconds(10));
            RankedList list = JSON.readValue(records.get(records.size() - 1).value(), RankedList.class);
            Map<String, List<Long>> counts = new HashMap<>();
            for (RankedEntry entry : list.entries()) {
                long score = entry.score().longValue();
                counts.put(entry.articleId(), List.of(score, score));
            }
            return counts;
        }
    }

    /** The articles, the views in the order they are sent, and what the rules make of them. */
    private record Load(List<CloudEvent> articles, List<CloudEvent> views, Map<String, List<Long>> expected) {

        static Load generate(String run, Instant now) {
            Random random = new Random(42);
            List<String> sections = List.of("Views", "Army", "Navy", "Air Force", "Defense Industry");
            List<CloudEvent> articles = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                String id = run + "-a" + i;
                ids.add(id);
                articles.add(TestEvents.article(id, sections.get(i % sections.size()), "Article " + i, true,
                        now.minus(Duration.ofHours(2 + i)), false, null, 1));
            }
            Instant first = now.minus(Duration.ofMinutes(42));
            long step = Duration.ofMinutes(40).toMillis() / VIEWS;
            Map<String, Long> lastCounted = new HashMap<>();
            Map<String, Long> counted = new LinkedHashMap<>();
            List<CloudEvent> views = new ArrayList<>(VIEWS);
            for (int i = 0; i < VIEWS; i++) {
                double r = random.nextDouble();
                String article = ids.get((int) (ARTICLES * r * r));
                String reader = "reader-" + random.nextInt(READERS);
                boolean bot = random.nextInt(100) < 5;
                Instant at = first.plusMillis(step * i);
                views.add(TestEvents.view(article, "Navy", reader, bot, at));
                if (bot) {
                    continue;
                }
                Long last = lastCounted.get(article + "|" + reader);
                if (last == null || at.toEpochMilli() - last >= Duration.ofMinutes(30).toMillis()) {
                    lastCounted.put(article + "|" + reader, at.toEpochMilli());
                    counted.merge(article, 1L, Long::sum);
                }
            }
            Map<String, List<Long>> expected = new HashMap<>();
            counted.forEach((article, count) -> expected.put(article, List.of(count, count)));
            return new Load(articles, views, expected);
        }
    }
}
