package news.comment.article;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import news.kit.cloudevents.CloudEventHeaders;

/**
 * Retries and dead letters of the consumer, in the listener container instead of the binder, so that every dead
 * letter carries the platform's {@code x-dlq-*} headers (infra/contracts/cloudevents.md) next to the original key,
 * value and headers:
 * <ul>
 *   <li>an {@link UnprocessableEvent} goes to the DLQ at once: retrying cannot fix it;</li>
 *   <li>the store being unreachable is retried without end (with back-off): the record is fine, and skipping it
 *       would lose an article's state;</li>
 *   <li>anything else is retried as the binding's {@code max-attempts} and back-off say, then dead-lettered.</li>
 * </ul>
 * The DLQ is the binding's {@code dlq-name}, same partition as the original record.
 */
@Component
class ArticleEventsDeadLetters implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private static final BackOff UNTIL_THE_STORE_IS_BACK = storeBackOff();
    /** The {@code type} of dead letters in {@code news_events_published_total}, whatever the record claimed to be. */
    static final String DEAD_LETTER_TYPE = "dead-letter";

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final MeterRegistry meters;
    private final String consumer;
    private final ArticleEventsConsumerHealth health;

    ArticleEventsDeadLetters(ProducerFactory<?, ?> producerFactory, MeterRegistry meters,
                             @Value("${spring.application.name}") String consumer, ArticleEventsConsumerHealth health) {
        this.producers = new DefaultKafkaProducerFactory<>(producerFactory.getConfigurationProperties(),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
        this.meters = meters;
        this.consumer = consumer;
        this.health = health;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination = dlqDestinationResolver != null
                ? dlqDestinationResolver
                : (record, e) -> new TopicPartition(record.topic() + ".dlq", record.partition());
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template, destination);
        deadLetters.setHeadersFunction(this::deadLetterHeaders);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            deadLetters.accept(record, e);
            meters.counter("news.events.consumed", "topic", record.topic(), "outcome", "dead_letter").increment();
            meters.counter("news.events.published", "topic", destination.apply(record, e).topic(),
                    "type", DEAD_LETTER_TYPE).increment();
        }, backOff != null ? backOff : new FixedBackOff(500, 2));
        handler.addNotRetryableExceptions(UnprocessableEvent.class);
        handler.setBackOffFunction((record, e) -> storeUnavailable(e) ? UNTIL_THE_STORE_IS_BACK : null);
        container.setCommonErrorHandler(handler);
        health.watch(container);
    }

    private Headers deadLetterHeaders(ConsumerRecord<?, ?> record, Exception e) {
        Headers headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_REASON, reason(e));
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_ORIGINAL_TOPIC, record.topic());
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_ORIGINAL_PARTITION, Integer.toString(record.partition()));
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_ORIGINAL_OFFSET, Long.toString(record.offset()));
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_CONSUMER, consumer);
        return headers;
    }

    static String reason(Throwable e) {
        UnprocessableEvent unprocessable = find(e, UnprocessableEvent.class);
        if (unprocessable != null) {
            return unprocessable.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String reason = "processing failed: " + root.getClass().getSimpleName() + message;
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= 500 ? reason : reason.substring(0, 300) + "...";
    }

    static boolean storeUnavailable(Throwable e) {
        return find(e, DataAccessResourceFailureException.class) != null || find(e, MongoSocketException.class) != null
                || find(e, MongoTimeoutException.class) != null;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static BackOff storeBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(Duration.ofSeconds(1).toMillis(), 2.0);
        backOff.setMaxInterval(Duration.ofSeconds(30).toMillis());
        return backOff;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
