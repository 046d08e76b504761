package news.ranking.topology;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import news.ranking.RankingTopics;

/**
 * The service's own meters (Prometheus names in brackets), with low-cardinality tags only:
 * records read per topic ({@code news_events_consumed_total}), dead letters per topic and reason
 * ({@code news_ranking_dlq_total}), late views ({@code news_ranking_late_views_total}), view-to-list freshness
 * ({@code news_ranking_freshness_seconds}), list publications ({@code news_ranking_lists_published_total}) and
 * every record the topology hands to Kafka for an output topic, lists and dead letters alike
 * ({@code news_events_published_total{topic,type}}; {@code type} is {@value #DEAD_LETTER_TYPE} for dead letters,
 * whatever the unreadable record claimed to be). Counted as processed: a batch re-processed after a crash is counted
 * again, unlike the rankings themselves, and a record is counted when it is handed to Kafka Streams, whose
 * exactly-once transaction then commits or aborts it.
 */
public final class RankingMetrics {

    /** The {@code type} of dead letters in {@code news_events_published_total}. */
    public static final String DEAD_LETTER_TYPE = "dead-letter";

    private final MeterRegistry registry;
    private final Map<String, Counter> consumed = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private final Map<String, Counter> events = new ConcurrentHashMap<>();
    private final Counter lateViews;
    private final Timer freshness;

    public RankingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lateViews = Counter.builder("news.ranking.late.views")
                .description("Views dropped because they arrived after their window and grace period")
                .register(registry);
        this.freshness = Timer.builder("news.ranking.freshness")
                .description("From a counted view's event time to the Popular Now list that reflects it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    void consumed(String topic) {
        consumed.computeIfAbsent(topic, t -> Counter.builder("news.events.consumed")
                .description("Records read from an input topic").tag("topic", t).register(registry)).increment();
    }

    void deadLettered(String topic, String reason) {
        deadLetters.computeIfAbsent(topic + "|" + reason, k -> Counter.builder("news.ranking.dlq")
                .description("Records sent to a dead-letter topic").tag("topic", topic).tag("reason", reason)
                .register(registry)).increment();
        publishedEvent(RankingTopics.deadLetterTopic(topic), DEAD_LETTER_TYPE);
    }

    /** A record handed to Kafka Streams for an output topic. */
    void publishedEvent(String topic, String type) {
        events.computeIfAbsent(topic + "|" + type, k -> Counter.builder("news.events.published")
                .description("Records handed to Kafka for an output topic").tag("topic", topic).tag("type", type)
                .register(registry)).increment();
    }

    void lateView() {
        lateViews.increment();
    }

    void freshness(long millis) {
        freshness.record(Duration.ofMillis(Math.max(0, millis)));
    }

    void published(String list) {
        published.computeIfAbsent(list, l -> Counter.builder("news.ranking.lists.published")
                .description("Lists published to news.rankings").tag("list", l).register(registry)).increment();
    }
}
