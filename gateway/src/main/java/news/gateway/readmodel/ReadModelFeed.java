package news.gateway.readmodel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import news.gateway.GatewayProperties;
import news.kit.cloudevents.CloudEventHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import news.contracts.ContractNames;

/**
 * Feeds {@link ArticleCatalog} and {@link Rankings} from {@code news.article-events} and {@code news.rankings}: one
 * consumer thread, every partition of both topics assigned by hand and read from the beginning. Caught up once its
 * position has reached, on every partition, the end offset it saw when it started; until then readiness is DOWN.
 * The same thread tells {@link ArticleChanges} of every article event and, from the end of
 * {@code news.comment-events} (no history needed: nothing is cached before the gateway starts), of every comment
 * posted or removed, so that pages take their article and comments again only when these changed.
 */
public class ReadModelFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelFeed.class);
    private static final Set<String> ARTICLE_TYPES = ContractNames.ARTICLE_EVENT_TYPES;
    private static final String RANKING_TYPE = ContractNames.RANKING_UPDATED;
    private static final Set<String> COMMENT_TYPES = ContractNames.COMMENT_EVENT_TYPES;
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final GatewayProperties.ReadModels settings;
    private final Map<String, String> clientProperties;
    private final ArticleCatalog catalog;
    private final Rankings rankings;
    private final ArticleChanges changes;
    private final JsonMapper json;
    private final Cache<String, Boolean> seenEventIds;
    private final Map<String, Counter> outcomes = new HashMap<>();
    private final Map<String, Counter> consumed = new HashMap<>();
    private final MeterRegistry meters;

    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile long remainingAtStart = -1;
    private volatile String problem = "not started";
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /** @param clientProperties Kafka client settings shared by the platform (security), under the feed's own */
    public ReadModelFeed(GatewayProperties.ReadModels settings, Map<String, String> clientProperties,
                         ArticleCatalog catalog, Rankings rankings, ArticleChanges changes, MeterRegistry meters) {
        this.settings = settings;
        this.clientProperties = Map.copyOf(clientProperties);
        this.catalog = catalog;
        this.rankings = rankings;
        this.changes = changes;
        this.meters = meters;
        this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.seenEventIds = Caffeine.newBuilder().maximumSize(settings.seenEventIds()).build();
        Gauge.builder("news.read_model.caught_up", this, f -> f.caughtUp ? 1 : 0)
                .description("1 once the read models have caught up with the topics' end offsets seen at start")
                .register(meters);
        Gauge.builder("news.read_model.articles", catalog, ArticleCatalog::publishedCount)
                .description("published articles in the gateway's article catalog").register(meters);
        Gauge.builder("news.read_model.rankings.age", rankings, ReadModelFeed::ageSeconds).baseUnit("seconds")
                .description("how long ago the newest ranking list this gateway serves was computed (NaN before the"
                        + " first)").register(meters);
    }

    private static double ageSeconds(Rankings rankings) {
        Instant newest = rankings.newestComputedAt();
        return newest == null ? Double.NaN : (System.currentTimeMillis() - newest.toEpochMilli()) / 1000.0;
    }

    /** True once both read models hold everything the topics held when the gateway started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** What keeps the feed from catching up, for the health details; null when nothing does. */
    public String problem() {
        return problem;
    }

    /** Records still to read at the last check before catching up; 0 afterwards, -1 before the first check. */
    public long remaining() {
        return remainingAtStart;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "read-model-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long started = System.nanoTime();
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaClientMetrics clientMetrics = new KafkaClientMetrics(kafka)) {
            // kafka_consumer_*: above all kafka_consumer_fetch_manager_records_lag_max, how far the read models lag
            clientMetrics.bindTo(meters);
            consumer = kafka;
            Map<TopicPartition, Long> targets = assignFromBeginning(kafka);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    handle(record);
                }
                if (!caughtUp && targets != null && reached(kafka, targets)) {
                    caughtUp = true;
                    problem = null;
                    log.info("Read models caught up in {} ms: {} articles ({} published), {} ranking lists",
                            Duration.ofNanos(System.nanoTime() - started).toMillis(), catalog.size(),
                            catalog.publishedCount(), rankings.size());
                }
            }
        } catch (WakeupException e) {
            // stop() asked us to leave poll()
        } catch (RuntimeException e) {
            problem = "read-model feed stopped: " + e;
            log.error("The read-model feed stopped; the gateway serves what it has and reports it not ready", e);
        } finally {
            consumer = null;
        }
    }

    /**
     * Assigns every partition of the read models' topics from the beginning and of the comment events from the end,
     * and returns the read models' end offsets; retries while the broker is away.
     */
    private Map<TopicPartition, Long> assignFromBeginning(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            try {
                List<TopicPartition> partitions = partitions(kafka, settings.articleEvents(), settings.rankings());
                List<TopicPartition> commentPartitions = partitions(kafka, settings.commentEvents());
                List<TopicPartition> all = new ArrayList<>(partitions);
                all.addAll(commentPartitions);
                kafka.assign(all);
                kafka.seekToBeginning(partitions);
                kafka.seekToEnd(commentPartitions);
                Map<TopicPartition, Long> targets = kafka.endOffsets(partitions, Duration.ofSeconds(10));
                log.info("Reading {} partitions of {} and {} from the beginning up to {} records",
                        partitions.size(), settings.articleEvents(), settings.rankings(),
                        targets.values().stream().mapToLong(Long::longValue).sum());
                problem = "catching up";
                return targets;
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                problem = "cannot read the topics from " + settings.bootstrapServers() + ": " + e.getMessage();
                log.warn("Read models: {}; retrying in {} s", problem, RETRY.toSeconds());
                pause();
            }
        }
        return null;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka, String... topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            var infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist (yet)");
            }
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    private boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> targets) {
        long remaining = 0;
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            remaining += Math.max(0, target.getValue() - kafka.position(target.getKey()));
        }
        remainingAtStart = remaining;
        return remaining == 0;
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        String topic = record.topic();
        consumed.computeIfAbsent(topic, t -> Counter.builder("news.events.consumed")
                .description("records read from an input topic").tag("topic", t).register(meters)).increment();
        String type = CloudEventHeaders.text(record.headers(), CloudEventHeaders.TYPE);
        String id = CloudEventHeaders.text(record.headers(), CloudEventHeaders.ID);
        if (record.value() == null) {
            count(topic, "rejected");
            return;
        }
        try {
            if (topic.equals(settings.commentEvents())) {
                commentEvent(record, type);
            } else if (topic.equals(settings.articleEvents())) {
                apply(record, id, ARTICLE_TYPES.contains(type), ArticleSnapshot.class, ArticleSnapshot::valid,
                        snapshot -> {
                            changes.articleChanged(snapshot.articleId());
                            return catalog.apply(snapshot);
                        }, "not an article snapshot event");
            } else {
                apply(record, id, RANKING_TYPE.equals(type), RankingList.class, RankingList::valid, rankings::apply,
                        "not a ranking list event");
            }
        } catch (JacksonException e) {
            reject(record, "payload is not readable JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads a record as one model's event; rejects it when its type or content is not such an event, skips it when its
     * id was seen already, else applies it, which an older version than the model holds leaves as it is.
     */
    private <T> void apply(ConsumerRecord<String, byte[]> record, String eventId, boolean typeFits, Class<T> shape,
                           Predicate<T> valid, Predicate<T> model, String notSuchAnEvent) {
        T event = json.readValue(record.value(), shape);
        if (!typeFits || event == null || !valid.test(event)) {
            reject(record, notSuchAnEvent);
            return;
        }
        if (duplicate(eventId)) {
            count(record.topic(), "duplicate");
            return;
        }
        count(record.topic(), model.test(event) ? "applied" : "outdated");
    }

    /** Only which article's comments changed matters here: the record's key, as comment-service keys them. */
    private void commentEvent(ConsumerRecord<String, byte[]> record, String type) {
        if (!COMMENT_TYPES.contains(type) || record.key() == null || !ContractNames.ID.matcher(record.key()).matches()) {
            reject(record, "not a comment event keyed by its article");
            return;
        }
        changes.commentsChanged(record.key());
        count(record.topic(), "applied");
    }

    private boolean duplicate(String eventId) {
        return eventId != null && seenEventIds.asMap().putIfAbsent(eventId, Boolean.TRUE) != null;
    }

    private void reject(ConsumerRecord<String, byte[]> record, String reason) {
        count(record.topic(), "rejected");
        log.warn("Read models skip {}-{}@{} ({}): {}", record.topic(), record.partition(), record.offset(),
                record.value() == null ? "no value" : new String(record.value(), 0,
                        Math.min(record.value().length, 200), StandardCharsets.UTF_8), reason);
    }

    private void count(String topic, String outcome) {
        outcomes.computeIfAbsent(topic + "|" + outcome, k -> Counter.builder("news.read_model.records")
                .description("records the read models read, by topic and what they did to the model")
                .tag("topic", topic).tag("outcome", outcome).register(meters)).increment();
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-read-models-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
