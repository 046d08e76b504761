package news.comment.comment;

import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The series the dashboards and alerts read from this service exist from start-up, at 0 for every known label value:
 * a counter that first appears with its first event has no earlier sample, so {@code rate()} and {@code increase()}
 * miss that event and a panel over it stays empty until then (infra/observability/metrics.yaml, "known-series").
 */
@Component
class KnownCommentSeries implements MeterBinder {

    private static final String ARTICLE_EVENTS = "spring.cloud.stream.bindings.articleEvents-in-0.destination";
    private static final String ARTICLE_EVENTS_DLQ = "spring.cloud.stream.kafka.bindings.articleEvents-in-0.consumer.dlq-name";

    private final Environment environment;

    KnownCommentSeries(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Rule rule : Rule.values()) {
            registry.counter("news.comments.rejected", "reason", rule.code());
        }
        registry.counter("news.comments.rejected", "reason", "article-not-open");
        for (String scope : List.of("author", "client")) {
            registry.counter("news.rate.limited", "scope", scope);
        }
        for (String by : List.of("author", "editor")) {
            registry.counter("news.comments.removed", "by", by);
        }
        String topic = environment.getRequiredProperty(ARTICLE_EVENTS);
        for (String outcome : List.of("applied", "stale", "dead_letter")) {
            registry.counter("news.events.consumed", "topic", topic, "outcome", outcome);
        }
        registry.counter("news.events.published", "topic", environment.getProperty(ARTICLE_EVENTS_DLQ, topic + ".dlq"),
                "type", "dead-letter");
    }
}
