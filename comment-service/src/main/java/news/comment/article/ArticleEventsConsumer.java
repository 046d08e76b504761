package news.comment.article;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import io.micrometer.core.instrument.MeterRegistry;
import news.kit.cloudevents.CloudEventHeaders;

/**
 * The function behind binding {@code articleEvents-in-0} (destination and group in {@code application.yml}). A
 * record it cannot read throws {@link UnprocessableEvent}, which {@link ArticleEventsDeadLetters} sends to the DLQ.
 */
@Configuration(proxyBeanMethods = false)
class ArticleEventsConsumer {

    static final String BINDING = "articleEvents-in-0";

    @Bean
    Consumer<Message<?>> articleEvents(PublishedArticles articles, MeterRegistry meters) {
        return message -> {
            MessageHeaders headers = message.getHeaders();
            // a record without a value (a tombstone) arrives as KafkaNull: the contract has no meaning for it
            byte[] payload = message.getPayload() instanceof byte[] bytes ? bytes : null;
            ArticleEvent event = ArticleEvent.read(text(headers, CloudEventHeaders.ID),
                    text(headers, CloudEventHeaders.TYPE), payload);
            boolean applied = articles.apply(event);
            meters.counter("news.events.consumed", "topic", topic(headers), "outcome", applied ? "applied" : "stale")
                    .increment();
        };
    }

    static String topic(MessageHeaders headers) {
        String topic = text(headers, KafkaHeaders.RECEIVED_TOPIC);
        return topic == null ? "unknown" : topic;
    }

    private static String text(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
