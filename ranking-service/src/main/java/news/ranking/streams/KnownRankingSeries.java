package news.ranking.streams;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import news.ranking.RankingTopics;
import news.ranking.events.Unreadable;
import news.ranking.topology.RankingMetrics;

/**
 * The series the dashboards and alerts read from this service exist from start-up, at 0 for every known label value
 * (input topic, dead-letter reason): a counter that first appears with its first event has no earlier sample, so
 * {@code rate()} and {@code increase()} miss that event and alerts over it stay silent
 * (infra/observability/metrics.yaml, "known-series"). Also {@code news_ranking_stream_threads_configured}, the stream
 * threads Kafka Streams should run, which {@code kafka_stream_alive_stream_threads} is compared with.
 */
@Component
class KnownRankingSeries implements MeterBinder {

    static final String STREAM_THREADS = "spring.cloud.stream.kafka.streams.binder.configuration.num.stream.threads";

    private final RankingTopics topics;
    private final int streamThreads;

    KnownRankingSeries(RankingTopics topics, Environment environment) {
        this.topics = topics;
        this.streamThreads = environment.getProperty(STREAM_THREADS, Integer.class, 1);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String topic : topics.inputs()) {
            Counter.builder("news.events.consumed").description("Records read from an input topic").tag("topic", topic)
                    .register(registry);
            for (Unreadable.Category category : Unreadable.Category.values()) {
                Counter.builder("news.ranking.dlq").description("Records sent to a dead-letter topic").tag("topic", topic)
                        .tag("reason", category.tag()).register(registry);
            }
            Counter.builder("news.events.published").description("Records handed to Kafka for an output topic")
                    .tag("topic", RankingTopics.deadLetterTopic(topic)).tag("type", RankingMetrics.DEAD_LETTER_TYPE)
                    .register(registry);
        }
        Gauge.builder("news.ranking.stream.threads.configured", () -> streamThreads)
                .description("Stream threads Kafka Streams is configured to run (num.stream.threads)").register(registry);
    }
}
