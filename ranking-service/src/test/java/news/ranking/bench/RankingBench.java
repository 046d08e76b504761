package news.ranking.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import news.contracts.TopicCatalog;
import news.launcher.KafkaBroker;
import news.launcher.Topics;
import news.ranking.RankingTestConfig;
import news.ranking.TestEvents;
import news.ranking.events.EventReader;
import news.ranking.events.InboundEvent.ArticleViewed;
import news.ranking.events.Read;
import news.ranking.it.IsolatedTopics;
import news.ranking.rules.RankedEntry;
import news.ranking.rules.RankedList;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ranking-service benchmarks (throughput against its peers, view-to-list latency) as a command-line tool (test
 * scope, driven by {@code bench/*.sh}; see {@code bench/README.md}). It prints figures; it asserts nothing.
 * <pre>
 *   broker &lt;data dir&gt; &lt;port&gt; &lt;controller port&gt; &lt;kafka lib dir&gt;    a KRaft broker with the contract's topics
 *   load &lt;bootstrap&gt; &lt;views&gt; [articles]                           articles, then views as fast as the producer goes
 *   processed &lt;bootstrap&gt; &lt;group&gt; &lt;topic&gt; [timeout s]                records/s until the group committed the end
 *   latency &lt;bootstrap&gt; &lt;rankings url&gt; [rate] [seconds] [warm-up s] view to visible in Popular Now, at a load rate
 *   streams &lt;bootstrap&gt; &lt;application id&gt; &lt;state dir&gt; noop|read|store[-memory|-unlogged] a bare Kafka Streams app on the views, until killed
 *   top &lt;rankings url&gt; &lt;n&gt;                                      popular-now|all, top n, as "articleId score" lines
 * </pre>
 */
public final class RankingBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String VIEWS = "news.article-views";
    private static final String ARTICLES = "news.article-events";
    private static final String FLOOR_STORE = "bench-floor-readers";

    private RankingBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "broker" -> broker(rest);
            case "load" -> load(rest);
            case "processed" -> processed(rest);
            case "latency" -> latency(rest);
            case "streams" -> streams(rest);
            case "top" -> top(rest);
            default -> usage();
        }
    }

    /** Starts a broker from the platform's Kafka jars, creates the contract's topics, runs until killed. */
    private static void broker(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        KafkaBroker broker = new KafkaBroker(dir, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                args[3] + "/*", List.of("-Xms1g", "-Xmx1g"), dir.resolve("kafka.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "bench-broker-stop"));
        broker.start(Duration.ofSeconds(120));
        Topics.ensure(broker.bootstrapServers(), TopicCatalog.load(), (short) 1);
        System.out.println("broker ready at " + broker.bootstrapServers());
        try {
            Files.writeString(dir.resolve("ready"), broker.bootstrapServers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread.currentThread().join();
    }

    /** Published articles, then {@code views} human views over them (Zipf-like), as fast as the producer goes. */
    private static void load(String[] args) {
        String bootstrap = args[0];
        long views = Long.parseLong(args[1]);
        int articles = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Instant now = Instant.now();
        List<String> ids = publishArticles(bootstrap, "bench", articles, now);
        Random random = new Random(7);
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap)) {
            for (long i = 0; i < views; i++) {
                producer.send(TestEvents.view(zipf(ids, random), "Navy", "reader-" + random.nextInt(1_000_000),
                        false, now).toRecord(VIEWS));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "load: %d views for %d articles produced in %.1f s (%.0f views/s)%n",
                views, articles, seconds, views / seconds);
    }

    /** Waits until {@code group} has committed every record {@code topic} holds now; prints the rate. */
    private static void processed(String[] args) throws Exception {
        String bootstrap = args[0];
        String group = args[1];
        String topic = args[2];
        long timeoutSeconds = args.length > 3 ? Long.parseLong(args[3]) : 1800;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            long end = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get().values().stream().mapToLong(info -> info.offset()).sum();
            long startCommitted = committed(admin, group, topic);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            long firstProgress = 0;
            long firstCommitted = startCommitted;
            long committed = startCommitted;
            while (committed < end && System.nanoTime() < deadline) {
                pause(200);
                committed = committed(admin, group, topic);
                if (firstProgress == 0 && committed > startCommitted) {
                    firstProgress = System.nanoTime();
                    firstCommitted = committed;
                }
            }
            if (committed < end) {
                System.out.printf("processed: timed out with %d of %d records committed%n", committed, end);
                System.exit(1);
            }
            double seconds = (System.nanoTime() - firstProgress) / 1e9;
            System.out.printf(Locale.ROOT, "processed: %d records of %s committed by %s in %.1f s after the first"
                    + " commit: %.0f records/s%n", end - firstCommitted, topic, group, seconds,
                    (end - firstCommitted) / seconds);
        }
    }

    /**
     * A load of {@code rate} views/s over 200 articles and, alongside, probe views of one article, one at a time: the
     * latency of each is from just before it is sent until the query API shows the article with the score it
     * implies.
     */
    private static void latency(String[] args) throws Exception {
        String bootstrap = args[0];
        String rankings = args[1].replaceAll("/$", "");
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        Instant now = Instant.now();
        String run = "lat" + Long.toString(System.currentTimeMillis(), 36);
        List<String> ids = publishArticles(bootstrap, run, 200, now);
        String probe = run + "-probe";
        publishArticles(bootstrap, probe, 1, now);
        String probeId = probe + "-0";
        int burst = Math.max(2_000, rate / 2);
        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap)) {
            for (int i = 0; i < burst; i++) {
                producer.send(TestEvents.view(probeId, "Navy", run + "-burst-" + i, false, Instant.now())
                        .toRecord(VIEWS));
            }
        }
        awaitScore(rankings, probeId, burst, Duration.ofMinutes(2));

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong loaded = new AtomicLong();
        Thread load = new Thread(() -> paced(bootstrap, ids, rate, loading, loaded, run), "bench-load");
        load.start();
        long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUp);
        long end = warmUpEnd + TimeUnit.SECONDS.toNanos(seconds);
        List<Long> latencies = new ArrayList<>();
        long loadedAtStart = -1;
        long measuredFrom = 0;
        int expected = burst;
        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap)) {
            while (System.nanoTime() < end) {
                expected++;
                long sent = System.nanoTime();
                producer.send(TestEvents.view(probeId, "Navy", run + "-probe-" + expected, false, Instant.now())
                        .toRecord(VIEWS));
                producer.flush();
                awaitScore(rankings, probeId, expected, Duration.ofSeconds(60));
                long latency = System.nanoTime() - sent;
                if (sent >= warmUpEnd) {
                    if (loadedAtStart < 0) {
                        loadedAtStart = loaded.get();
                        measuredFrom = sent;
                    }
                    latencies.add(latency);
                }
                pause(200);
            }
        }
        loading.set(false);
        load.join();
        double loadRate = (loaded.get() - loadedAtStart) / ((System.nanoTime() - measuredFrom) / 1e9);
        latencies.sort(Long::compare);
        System.out.printf(Locale.ROOT, "latency: %d probes over %d s at %.0f views/s (target %d): p50 %d ms, p99 %d ms,"
                        + " max %d ms%n", latencies.size(), seconds, loadRate, rate, percentile(latencies, 0.50),
                percentile(latencies, 0.99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1_000_000);
    }

    /**
     * The floor under benchmark (a): a Kafka Streams application with the service's processing guarantee and commit
     * interval that reads {@code news.article-views} and does nothing with a record ({@code noop}), only reads it as the
     * service does ({@code read}: {@link EventReader}), or reads it and writes one key per reader and article to a
     * RocksDB store with a changelog ({@code store}: the least any exact repeat-reader rule has to keep), the same in
     * memory ({@code store-memory}) or without the changelog ({@code store-unlogged}, not crash-safe; for comparison).
     * Runs until killed; {@code processed} measures it.
     */
    private static void streams(String[] args) throws InterruptedException {
        String mode = args[3];
        RankingTestConfig config = RankingTestConfig.defaults();
        EventReader reader = new EventReader(config.topics(), config.properties().events());
        AtomicLong read = new AtomicLong();
        StreamsBuilder builder = new StreamsBuilder();
        var store = Stores.keyValueStoreBuilder(mode.equals("store-memory") ? Stores.inMemoryKeyValueStore(FLOOR_STORE)
                : Stores.persistentKeyValueStore(FLOOR_STORE), Serdes.String(), Serdes.Long()).withCachingDisabled();
        builder.addStateStore(mode.equals("store-unlogged") ? store.withLoggingDisabled() : store);
        boolean reads = !mode.equals("noop");
        boolean stores = mode.startsWith("store");
        builder.stream(VIEWS, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .process(() -> new ContextualProcessor<byte[], byte[], Void, Void>() {
                    private KeyValueStore<String, Long> readers;

                    @Override
                    public void init(ProcessorContext<Void, Void> context) {
                        super.init(context);
                        readers = context.getStateStore(FLOOR_STORE);
                    }

                    @Override
                    public void process(Record<byte[], byte[]> record) {
                        if (!reads) {
                            return;
                        }
                        Read view = reader.read(VIEWS, record.key(), record.value(), record.headers());
                        if (view.ok()) {
                            read.incrementAndGet();
                            if (stores && view.event() instanceof ArticleViewed viewed) {
                                readers.put(viewed.articleId() + "|" + viewed.readerHash(), viewed.viewedAt());
                            }
                        }
                    }
                }, FLOOR_STORE);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, args[2]);
        Map<String, String> service = config.streamsConfiguration();
        for (String setting : List.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)) {
            properties.put(setting, service.get(setting));
        }
        KafkaStreams streams = new KafkaStreams(builder.build(), properties);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(Duration.ofSeconds(10));
            System.out.println("streams " + mode + ": " + read.get() + " records read as valid views");
        }, "bench-streams-stop"));
        streams.start();
        System.out.println("streams " + mode + " started as " + args[1] + " with "
                + service.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        Thread.currentThread().join();
    }

    /** The service's Popular Now of all sections, best first, as the peers print theirs. */
    private static void top(String[] args) throws Exception {
        String rankings = args[0].replaceAll("/$", "");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(rankings
                        + "/api/rankings/popular-now?section=all&limit=" + args[1])).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (RankedEntry entry : JSON.readValue(response.body(), RankedList.class).entries()) {
            if (!entry.fallback()) {
                System.out.println(entry.articleId() + " " + entry.score().longValue());
            }
        }
    }

    private static void paced(String bootstrap, List<String> ids, int rate, AtomicBoolean loading, AtomicLong loaded,
                              String run) {
        Random random = new Random(11);
        long tickNanos = TimeUnit.MILLISECONDS.toNanos(10);
        double perTick = rate / 100.0;
        double owed = 0;
        long next = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap)) {
            while (loading.get()) {
                owed += perTick;
                Instant at = Instant.now();
                for (; owed >= 1; owed--) {
                    producer.send(TestEvents.view(zipf(ids, random), "Navy", run + "-reader-" + random.nextInt(2_000_000),
                            false, at).toRecord(VIEWS));
                    loaded.incrementAndGet();
                }
                next += tickNanos;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }
    }

    private static void awaitScore(String rankings, String articleId, long score, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(rankings
                            + "/api/rankings/popular-now?section=all&limit=50")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                RankedList list = JSON.readValue(response.body(), RankedList.class);
                for (RankedEntry entry : list.entries()) {
                    if (entry.articleId().equals(articleId) && entry.score().longValue() >= score) {
                        return;
                    }
                }
            }
            pause(5);
        }
        throw new IllegalStateException(articleId + " did not reach " + score + " in Popular Now within " + timeout);
    }

    private static List<String> publishArticles(String bootstrap, String prefix, int count, Instant now) {
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap)) {
            for (int i = 0; i < count; i++) {
                String id = prefix + "-" + i;
                ids.add(id);
                producer.send(TestEvents.article(id, "Navy", "Benchmark article " + i, true,
                        now.minus(Duration.ofMinutes(10 + i)), false, null, 1).toRecord(ARTICLES));
            }
        }
        return ids;
    }

    /** Zipf-like: the first articles get most views. */
    private static String zipf(List<String> ids, Random random) {
        double r = random.nextDouble();
        return ids.get((int) (ids.size() * r * r * r));
    }

    private static long committed(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get());
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** The tool paces itself; it is not a test, which would wait for an outcome instead. */
    private static void pause(long millis) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000;
    }

    private static void usage() {
        System.err.println("usage: RankingBench broker|load|processed|latency|streams|top ... (see ranking-service/bench/README.md)");
        System.exit(2);
    }
}
