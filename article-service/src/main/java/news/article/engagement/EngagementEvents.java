package news.article.engagement;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.kit.cloudevents.CloudEvent;
import tools.jackson.databind.json.JsonMapper;

import news.contracts.ContractNames;

/**
 * Publishes views and shares straight to their topics through a producer of their own: idempotent and batching
 * (the kit's producer settings), with {@code news.engagement.producer.*} on top, above all a small
 * {@code max.block.ms}, so that a request never waits long for a slow or absent broker. A view Kafka cannot take is
 * dropped and counted ({@code news_views_dropped_total}): views are a statistic, not a record to keep at all costs,
 * and the reader's page must not suffer for them.
 */
class EngagementEvents implements SmartLifecycle, DisposableBean {

    static final String SOURCE = "/article-service";
    static final String VIEWED = ContractNames.ARTICLE_VIEWED;
    static final String SHARED = ContractNames.ARTICLE_SHARED;

    private static final Logger log = LoggerFactory.getLogger(EngagementEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EngagementTopics topics;
    private final Outcome views;
    private final Outcome shares;
    private final Counter humanViews;
    private final Counter botViews;
    private final Counter sharesAccepted;
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());
    private volatile boolean running;
    private volatile Thread warmUp;

    EngagementEvents(Map<String, Object> producerConfig, EngagementTopics topics, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "article-service-engagement");
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        this.producers.setPhysicalCloseTimeout(5);
        this.kafka = new KafkaTemplate<>(producers);
        this.kafka.setProducerListener(new ProducerListener<>() {
            // failures are counted and logged (rate-limited) below; the default listener logs every one at ERROR
        });
        this.topics = topics;
        this.views = new Outcome(topics.articleViews(), VIEWED, "news.views.dropped", "Views answered 202 that"
                + " never reached Kafka (producer buffer full, broker away, delivery timed out)", meters);
        this.shares = new Outcome(topics.articleShares(), SHARED, "news.shares.dropped", "Shares answered 202 that"
                + " never reached Kafka", meters);
        this.humanViews = accepted(meters, "human");
        this.botViews = accepted(meters, "bot");
        this.sharesAccepted = Counter.builder("news.shares.accepted").description("Shares answered 202")
                .register(meters);
    }

    /** The producer's effective configuration (kit defaults, then {@code news.engagement.producer.*}). */
    Map<String, Object> producerConfiguration() {
        return producers.getConfigurationProperties();
    }

    void viewed(ArticleViewed viewed, String traceparent) {
        ("bot".equals(viewed.agent()) ? botViews : humanViews).increment();
        send(views, viewed.articleId(), viewed.viewedAt(), JSON.writeValueAsString(viewed), traceparent);
    }

    void shared(ArticleShared shared, String traceparent) {
        sharesAccepted.increment();
        send(shares, shared.articleId(), shared.sharedAt(), JSON.writeValueAsString(shared), traceparent);
    }

    private void send(Outcome outcome, String articleId, Instant time, String json, String traceparent) {
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), outcome.type, SOURCE, articleId, time, json,
                traceparent);
        try {
            kafka.send(event.toRecord(outcome.topic)).whenComplete((result, failure) -> {
                if (failure == null) {
                    outcome.published.increment();
                } else {
                    dropped(outcome, failure);
                }
            });
        } catch (RuntimeException e) {
            dropped(outcome, e);
        }
    }

    private void dropped(Outcome outcome, Throwable failure) {
        outcome.dropped.increment();
        long now = System.nanoTime();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_EVERY_NANOS)) {
            log.warn("Dropping {} events: Kafka does not take them ({}). {} views and {} shares dropped so far;"
                            + " this warning repeats at most every 30 s.", outcome.type, rootMessage(failure),
                    (long) views.dropped.count(), (long) shares.dropped.count());
        }
    }

    /** Fetches the topics' metadata in the background, so that the first views do not wait for it. */
    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(() -> {
            for (String topic : List.of(topics.articleViews(), topics.articleShares())) {
                while (running) {
                    try {
                        kafka.partitionsFor(topic);
                        break;
                    } catch (RuntimeException e) {
                        try {
                            Thread.sleep(250);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                }
            }
        }, "engagement-producer-warm-up");
        thread.setDaemon(true);
        warmUp = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = warmUp;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Sends what is still buffered (for at most 5 s) once the web server has stopped taking requests. */
    @Override
    public void destroy() {
        producers.destroy();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static Counter accepted(MeterRegistry meters, String agent) {
        return Counter.builder("news.views.accepted").description("Views answered 202, by agent")
                .tag("agent", agent).register(meters);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Where an event type goes and how its fate is counted. */
    private static final class Outcome {
        final String topic;
        final String type;
        final Counter published;
        final Counter dropped;

        Outcome(String topic, String type, String droppedName, String droppedDescription, MeterRegistry meters) {
            this.topic = topic;
            this.type = type;
            this.published = Counter.builder("news.events.published").tag("topic", topic).tag("type", type)
                    .register(meters);
            this.dropped = Counter.builder(droppedName).description(droppedDescription).register(meters);
        }
    }
}
