package news.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import news.testsupport.TopicProbe;

/**
 * Promise 3 of docs/reliability.md: records delivered twice (the same {@code ce_id}, byte for byte) change no list, and
 * the four input topics replayed from the beginning into a fresh ranking-service (an application id of its own, so no
 * offsets and no state) give the same 24 lists as the instance that saw everything live, crashes included.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayAndDuplicatesTest extends SharedStackTest {

    static final Map<Integer, String> SENTINELS = new TreeMap<>();

    @BeforeAll
    static void engagementOnEveryTopic() {
        // views, shares and comments of articles of this test's own, so that Must-Reads counts all three kinds
        List<String> engaged = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            engaged.add(Newsroom.publish(stack, "Engagement article " + i, Newsroom.SECTIONS.get(i + 2)));
        }
        try (KafkaProducer<String, byte[]> producer = Kafka.producer(stack.bootstrapServers())) {
            for (int i = 0; i < engaged.size(); i++) {
                for (int v = 0; v < 10 * (i + 1); v++) {
                    producer.send(Kafka.view(engaged.get(i), Newsroom.SECTIONS.get(i + 2),
                            "engaged-" + i + "-" + v, false, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
                }
            }
        }
        for (int i = 0; i < engaged.size(); i++) {
            for (int s = 0; s <= i; s++) {
                assertThat(Api.post(stack.api("/api/articles/" + engaged.get(i) + "/shares"),
                        Map.of("channel", List.of("facebook", "x", "kakaotalk", "email", "link").get(s), "readerId",
                                "sharer-" + s), null).status()).isEqualTo(202);
            }
            Newsroom.awaitCommentable(stack, engaged.get(i));
        }
        // one article in each partition: a new view of each, produced after everything else, shows when all the
        // records before it have been counted and the lists recomputed. They get more views than any other
        // article, so that they are in the top 50 of both 'all' lists, where their counts can be seen.
        while (SENTINELS.size() < Kafka.PARTITIONS) {
            String id = Newsroom.publish(stack, "Sentinel article " + SENTINELS.size(), "Policy");
            SENTINELS.putIfAbsent(Kafka.partitionOf(id), id);
        }
        long top = Newsroom.popularScores(Newsroom.list(stack.api(""), "popular-now", "all", 1).json()).values().stream()
                .mapToLong(Long::longValue).max().orElse(0);
        sentinelBase = top + top / 5 + 100;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (KafkaProducer<String, byte[]> producer = Kafka.producer(stack.bootstrapServers())) {
            for (String id : SENTINELS.values()) {
                for (long v = 0; v < sentinelBase; v++) {
                    producer.send(Kafka.view(id, "Policy", "sentinel-" + id + "-" + v, false, now));
                }
            }
            producer.flush();
        }
    }

    static long sentinelBase;

    @Test
    @Order(1)
    void recordsDeliveredTwiceChangeNoList() throws Exception {
        Map<String, List<String>> before = settledLists(1);

        int duplicated = 0;
        Map<String, Integer> byTopic = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = Kafka.producer(stack.bootstrapServers())) {
            for (String topic : Kafka.RANKING_INPUTS) {
                try (TopicProbe probe = TopicProbe.fromBeginning(stack.bootstrapServers(), topic)) {
                    long end = Kafka.endOffsets(stack.bootstrapServers(), topic);
                    await("all " + end + " records of " + topic).atMost(Duration.ofMinutes(2))
                            .until(() -> probe.await(r -> true, 0, Duration.ofSeconds(1)).size() >= end);
                    List<ConsumerRecord<String, byte[]>> all = probe.seen();
                    int every = topic.equals(Kafka.VIEWS) ? Suite.pick(4, 1) : 1;
                    int n = 0;
                    for (int i = 0; i < all.size(); i += every) {
                        ConsumerRecord<String, byte[]> r = all.get(i);
                        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topic, r.key(), r.value());
                        for (Header h : r.headers()) {
                            copy.headers().add(h.key(), h.value());
                        }
                        producer.send(copy);
                        n++;
                    }
                    byTopic.put(topic, n);
                    duplicated += n;
                }
            }
            producer.flush();
        }
        Map<String, List<String>> after = settledLists(2);
        assertThat(Lists.differences(before, after)).as("the lists after %d duplicated records", duplicated).isEmpty();
        Figures.record("duplicates", "records delivered a second time, same ce_id and bytes", byTopic);
        Figures.record("duplicates", "lists changed (24 lists, Popular Now and Most Shared counts, Must-Reads engagement)", 0);
    }

    @Test
    @Order(2)
    void aFreshInstanceReplayingTheTopicsFromTheBeginningGivesTheSameLists() throws Exception {
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        String rankingsTopic = "news.rankings.replay-" + suffix;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(rankingsTopic, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
        }
        long inputRecords = Kafka.RANKING_INPUTS.stream().mapToLong(t -> Kafka.endOffsets(stack.bootstrapServers(), t)).sum();
        Map<String, List<String>> live = settledLists(3);
        long started = System.nanoTime();
        SystemStack.Service replay = stack.startExtra("ranking-service", "ranking-replay", Map.of(
                "NEWS_RANKING_APPLICATION_ID", "ranking-replay-" + suffix,
                "NEWS_TOPIC_RANKINGS", rankingsTopic,
                "NEWS_RANKING_STATE_DIR", stack.run.resolve("ranking-replay").toString()));
        try {
            stack.awaitReady(replay);
            Map<String, List<String>> replayed = new LinkedHashMap<>();
            await("the fresh instance's lists equal the live ones").atMost(Duration.ofMinutes(Suite.pick(4, 8)))
                    .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                        replayed.clear();
                        replayed.putAll(Lists.all(replay.url("")));
                        assertThat(Lists.differences(Lists.all(stack.ranking().url("")), replayed))
                                .as("the fresh instance's lists against the live instance's").isEmpty();
                    });
            assertThat(Lists.differences(live, withoutSentinels(replayed)))
                    .as("and they are the lists seen before the replay started").isEmpty();
            Figures.record("replay", "input records replayed into a fresh application id", inputRecords);
            Figures.record("replay", "24 lists equal to the live instance's after",
                    "%.1f s".formatted((System.nanoTime() - started) / 1e9));
        } finally {
            replay.stop();
        }
    }

    /**
     * The 24 lists once everything produced so far is counted: a new view of each partition's sentinel article,
     * produced last, shows in Popular Now and Must-Reads (same list key, so same order of updates in stage 2).
     */
    static Map<String, List<String>> settledLists(int round) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (KafkaProducer<String, byte[]> producer = Kafka.producer(stack.bootstrapServers())) {
            SENTINELS.values().forEach(id -> producer.send(Kafka.view(id, "Policy",
                    "sentinel-round-" + id + "-" + round, false, now)));
            producer.flush();
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        await("the sentinel views are counted (round " + round + ")").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    lists.clear();
                    lists.putAll(Lists.all(stack.ranking().url("")));
                    for (String id : SENTINELS.values()) {
                        for (String key : List.of("popular-now|all", "must-reads|all", "popular-now|Policy", "must-reads|Policy")) {
                            assertThat(lists.get(key)).as("sentinel %s in %s", id, key)
                                    .contains(id + "=" + (sentinelBase + round));
                        }
                    }
                });
        return withoutSentinels(lists);
    }

    /** The sentinels' own counts grow by one per round: the rest is compared. */
    static Map<String, List<String>> withoutSentinels(Map<String, List<String>> lists) {
        Map<String, List<String>> rest = new LinkedHashMap<>();
        lists.forEach((key, entries) -> rest.put(key, entries.stream()
                .filter(e -> SENTINELS.values().stream().noneMatch(id -> e.startsWith(id + "="))).toList()));
        return rest;
    }
}
