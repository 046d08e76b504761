package news.ranking.topology;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import news.kit.cloudevents.CloudEventHeaders;
import news.ranking.RankingProperties;
import news.ranking.RankingTopics;
import news.ranking.events.EventReader;
import news.ranking.events.InboundEvent;
import news.ranking.events.Read;
import news.ranking.events.Unreadable;

/**
 * Stage 1a, reading: each raw record of the four inputs becomes an event, or a dead letter for its {@code .dlq}
 * topic with the reason (including an event time further in the future than the allowed clock skew: a producer with
 * a wrong clock would make every other event look late). No state.
 */
final class ReadStage implements Processor<byte[], byte[], String, ReadStage.Outcome> {

    /** An event to count, or a record for its dead-letter topic. */
    sealed interface Outcome permits Flow.Event, DeadLetter {
    }

    private static final Logger log = LoggerFactory.getLogger(ReadStage.class);
    private static final long DEAD_LETTER_LOG_INTERVAL_MS = 10_000;

    private final EventReader reader;
    private final RankingMetrics metrics;
    private final RecordTracing tracing;
    private final RankingProperties properties;
    private final long maxClockSkew;
    private ProcessorContext<String, Outcome> context;
    private long deadLettersSinceLog;
    private long lastDeadLetterLog;

    ReadStage(RankingProperties properties, EventReader reader, RankingMetrics metrics, RecordTracing tracing) {
        this.properties = properties;
        this.reader = reader;
        this.metrics = metrics;
        this.tracing = tracing;
        this.maxClockSkew = properties.events().maxClockSkew().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata where = context.recordMetadata().orElseThrow();
        tracing.process(record.headers(), where.topic(), where.partition(), where.offset(),
                () -> process(record, where));
    }

    private void process(Record<byte[], byte[]> record, RecordMetadata where) {
        metrics.consumed(where.topic());
        Read read = reader.read(where.topic(), record.key(), record.value(), record.headers());
        if (!read.ok()) {
            deadLetter(record, where, read.unreadable());
            return;
        }
        Unreadable future = inTheFuture(read.event(), context.currentSystemTimeMs());
        if (future != null) {
            deadLetter(record, where, future);
            return;
        }
        // a new record without the input's headers: no stage after this one reads them (the lists' records and the
        // dead letters carry headers of their own), and each stage's forward would copy them once more
        context.forward(new Record<>(read.event().articleId(), new Flow.Event(read.event()), record.timestamp()));
    }

    private Unreadable inTheFuture(InboundEvent event, long now) {
        Timed timed = event.accept(EVENT_TIMES);
        if (timed == null || timed.time() <= now + maxClockSkew) {
            return null;
        }
        return new Unreadable(Unreadable.Category.FUTURE_TIME, "$." + timed.field() + ": lies "
                + (timed.time() - now) / 1000 + " s in the future, more than the allowed clock skew of "
                + properties.events().maxClockSkew());
    }

    private record Timed(String field, long time) {
    }

    /** The event time of activity; article changes and removals have none that could lie in the future. */
    private static final InboundEvent.Cases<Timed> EVENT_TIMES = new InboundEvent.Cases<>(article -> null,
            view -> new Timed("viewedAt", view.viewedAt()), share -> new Timed("sharedAt", share.sharedAt()),
            comment -> new Timed("postedAt", comment.postedAt()), removal -> null);

    private void deadLetter(Record<byte[], byte[]> record, RecordMetadata where, Unreadable unreadable) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_REASON, unreadable.reason());
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_ORIGINAL_TOPIC, where.topic());
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_ORIGINAL_PARTITION, Integer.toString(where.partition()));
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_ORIGINAL_OFFSET, Long.toString(where.offset()));
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_CONSUMER, properties.consumer());
        context.forward(new Record<>(null, new DeadLetter(where.topic(), where.partition(), record.key(),
                record.value()), record.timestamp(), headers));
        metrics.deadLettered(where.topic(), unreadable.category().tag());
        deadLettersSinceLog++;
        long now = System.currentTimeMillis();
        if (now - lastDeadLetterLog >= DEAD_LETTER_LOG_INTERVAL_MS) {
            log.warn("Sent {} unreadable record(s) to dead-letter topics; latest {}-{}@{} to {}: {}",
                    deadLettersSinceLog, where.topic(), where.partition(), where.offset(),
                    RankingTopics.deadLetterTopic(where.topic()), unreadable.reason());
            deadLettersSinceLog = 0;
            lastDeadLetterLog = now;
        }
    }
}
