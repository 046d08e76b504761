package news.ranking.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.springframework.util.FileSystemUtils;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.kit.cloudevents.CloudEvent;
import news.ranking.RankingProperties;
import news.ranking.RankingTestConfig;
import news.ranking.RankingTopics;
import news.ranking.TestEvents;
import news.ranking.rules.Candidate;
import news.ranking.rules.ListKey;
import news.ranking.rules.ListKind;
import news.ranking.rules.RankedEntry;
import news.ranking.rules.RankedList;

/**
 * The topology in a {@link TopologyTestDriver} with the production configuration and a wall clock the test moves:
 * events go in with explicit event times, lists come out of the lists store and of {@code news.rankings}.
 */
final class RankingDriver implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final String POPULAR_NOW = "popular-now";
    static final String MUST_READS = "must-reads";

    final RankingProperties properties;
    final RankingTopics topics;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
    private final TestOutputTopic<String, String> rankings;
    private final Map<String, Long> versions = new HashMap<>();
    private final List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
    private Instant now;

    RankingDriver() {
        this(Map.of());
    }

    RankingDriver(Map<String, Object> overrides) {
        this(overrides, START);
    }

    /** {@code start}: the wall clock's first time. */
    RankingDriver(Map<String, Object> overrides, Instant start) {
        RankingTestConfig config = RankingTestConfig.with(overrides);
        properties = config.properties();
        topics = config.topics();
        RankingTopology topology = new RankingTopology(properties, topics, config.sections(),
                new RankingMetrics(meters));
        try {
            stateDir = Files.createTempDirectory(scratch(), "ranking-ttd");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ranking-ttd");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
        driver = new TopologyTestDriver(topology.topology(), props, start);
        now = start;
        for (String topic : topics.inputs()) {
            inputs.put(topic, driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer()));
        }
        rankings = driver.createOutputTopic(topics.rankings(), new StringDeserializer(), new StringDeserializer());
    }

    /**
     * The driver commits, and so writes and syncs checkpoint files, after every record: on a memory file system
     * that costs microseconds instead of milliseconds.
     */
    private static Path scratch() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    Instant now() {
        return now;
    }

    // ---- input -------------------------------------------------------------------------------------------------

    void publish(String articleId, String section, Instant publishedAt) {
        article(articleId, section, "Title of " + articleId, true, publishedAt, false, null);
    }

    void unpublish(String articleId, String section, Instant publishedAt) {
        article(articleId, section, "Title of " + articleId, false, publishedAt, false, null);
    }

    void pick(String articleId, String section, Instant publishedAt, Instant pickedAt) {
        article(articleId, section, "Title of " + articleId, true, publishedAt, true, pickedAt);
    }

    void article(String articleId, String section, String title, boolean published, Instant publishedAt,
                 boolean pick, Instant pickedAt) {
        long version = versions.merge(articleId, 1L, Long::sum);
        send(topics.articleEvents(),
                TestEvents.article(articleId, section, title, published, publishedAt, pick, pickedAt, version));
    }

    CloudEvent view(String articleId, String reader, Instant at) {
        return send(topics.articleViews(), TestEvents.view(articleId, "Navy", reader, false, at));
    }

    void views(String articleId, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            view(articleId, articleId + "-reader-" + i, at);
        }
    }

    CloudEvent botView(String articleId, String reader, Instant at) {
        return send(topics.articleViews(), TestEvents.view(articleId, "Navy", reader, true, at));
    }

    CloudEvent share(String articleId, String reader, Instant at) {
        return send(topics.articleShares(), TestEvents.share(articleId, "Navy", reader, at));
    }

    CloudEvent comment(String commentId, String articleId, Instant at) {
        return send(topics.commentEvents(), TestEvents.commentPosted(commentId, articleId, at));
    }

    CloudEvent removeComment(String commentId, String articleId, Instant at) {
        return send(topics.commentEvents(), TestEvents.commentRemoved(commentId, articleId, at));
    }

    /** Sends an event when it happens: the wall clock first moves to its time if that is later than now. */
    CloudEvent send(String topic, CloudEvent event) {
        if (event.time().isAfter(now)) {
            advance(Duration.between(now, event.time()));
        }
        return sendNow(topic, event);
    }

    /** Sends an event without moving the wall clock, as a producer with a clock ahead of ours would. */
    CloudEvent sendNow(String topic, CloudEvent event) {
        ProducerRecord<String, byte[]> record = event.toRecord(topic);
        send(topic, record.key(), record.value(), record.headers(), record.timestamp());
        return event;
    }

    void send(String topic, String key, byte[] value, Headers headers, long timestamp) {
        inputs.get(topic).pipeInput(new TestRecord<>(key, value, headers, timestamp));
    }

    // ---- clock -------------------------------------------------------------------------------------------------

    /**
     * Moves the wall clock to {@code time} and then two emit intervals further: the per-article stage has expired and
     * emitted as of {@code time}, and the list stage has recomputed after that (within one advance the driver may run
     * the list stage's punctuation before it processes what the per-article stage's punctuation sent).
     */
    void clockAt(Instant time) {
        if (time.isBefore(now)) {
            throw new IllegalArgumentException("the wall clock only moves forward: " + time + " < " + now);
        }
        advance(Duration.between(now, time));
        advance(properties.emitInterval());
        advance(properties.emitInterval());
    }

    void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
        now = now.plus(duration);
    }

    // ---- output ------------------------------------------------------------------------------------------------

    /** Every configured list kind. */
    List<ListKind> kinds() {
        return properties.listKinds().all();
    }

    RankedList list(String kind, String section) {
        KeyValueStore<String, StoredList> lists = driver.getKeyValueStore(RankingStores.LISTS);
        StoredList stored = lists.get(kind + "|" + section);
        return stored == null ? null : stored.list();
    }

    RankedList list(ListKind kind, String section) {
        return list(kind.slug(), section);
    }

    RankedList popularNow(String section) {
        return list(POPULAR_NOW, section);
    }

    RankedList mustReads(String section) {
        return list(MUST_READS, section);
    }

    /** The entries that qualified, without the fallback that fills the list. */
    List<RankedEntry> ranked(RankedList list) {
        return list.entries().stream().filter(e -> !e.fallback()).toList();
    }

    /** The ids of the entries that qualified, best first. */
    List<String> rankedIds(RankedList list) {
        return ranked(list).stream().map(RankedEntry::articleId).toList();
    }

    Number score(String kind, String section, String articleId) {
        return list(kind, section).entries().stream().filter(e -> e.articleId().equals(articleId)).findFirst()
                .map(RankedEntry::score).orElse(null);
    }

    /**
     * An article's count of one measure in a list of {@code all}, as the list stage last received it (0 when the list
     * has no candidate for it).
     */
    long count(String kind, String measure, String articleId) {
        KeyValueStore<String, Candidate> candidates = driver.getKeyValueStore(RankingStores.CANDIDATES);
        Candidate candidate = candidates.get(kind + "|" + ListKey.ALL + "|" + articleId);
        int position = properties.listKinds().bySlug(kind).orElseThrow().measures().indexOf(measure);
        return candidate == null ? 0 : candidate.counts()[position];
    }

    /** Every record written to {@code news.rankings} so far, in order. */
    List<ConsumerRecord<String, byte[]>> published() {
        long offset = published.size();
        for (TestRecord<String, String> r : rankings.readRecordsToList()) {
            published.add(new ConsumerRecord<>(topics.rankings(), 0, offset++, r.timestamp(), TimestampType.CREATE_TIME,
                    -1, -1, r.key(), r.value() == null ? null : r.value().getBytes(StandardCharsets.UTF_8),
                    r.headers(), java.util.Optional.empty()));
        }
        return List.copyOf(published);
    }

    List<TestRecord<byte[], byte[]>> deadLetters(String topic) {
        return driver.createOutputTopic(RankingTopics.deadLetterTopic(topic), new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
    }

    /** Every record written to the changelog of {@code store} so far (the driver's application id is ranking-ttd). */
    List<TestRecord<byte[], byte[]>> changelog(String store) {
        return driver.createOutputTopic("ranking-ttd-" + store + "-changelog", new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
    }

    double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            FileSystemUtils.deleteRecursively(stateDir.toFile());
        }
    }
}
