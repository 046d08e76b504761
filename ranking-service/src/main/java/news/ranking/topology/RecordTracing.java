package news.ranking.topology;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import news.kit.cloudevents.CloudEventHeaders;
import news.kit.tracing.Traceparents;

/**
 * Continues the trace of an input record while the topology processes it: a consumer span whose parent is the
 * record's {@code traceparent}, current while the record is processed, so that its trace id is in the log lines of
 * that processing (the log MDC) and the span goes wherever spans are exported. Only records whose
 * {@code traceparent} says <em>sampled</em> get a span: at thousands of views a second, the cost for every other
 * record is one header look-up and two byte comparisons. With DEBUG on for this class, each traced record is also
 * logged, with its trace id.
 */
public final class RecordTracing {

    /** No tracing at all: topology tests and tools. */
    public static final RecordTracing OFF = new RecordTracing(null, null);

    private static final Logger log = LoggerFactory.getLogger(RecordTracing.class);
    private static final Propagator.Getter<Headers> HEADERS = CloudEventHeaders::text;

    private final Tracer tracer;
    private final Propagator propagator;

    public RecordTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Runs the processing of one record, in a span continuing its trace when the record carries a sampled one. */
    void process(Headers headers, String topic, int partition, long offset, Runnable processing) {
        Header traceparent = tracer == null ? null : headers.lastHeader(CloudEventHeaders.TRACEPARENT);
        if (traceparent == null || !Traceparents.sampled(traceparent.value())) {
            processing.run();
            return;
        }
        Span span = propagator.extract(headers, HEADERS).kind(Span.Kind.CONSUMER).name(topic + " process")
                .tag("messaging.system", "kafka").tag("messaging.operation", "process")
                .tag("messaging.destination.name", topic)
                .tag("messaging.kafka.destination.partition", Integer.toString(partition)).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            processing.run();
            log.debug("Processed {}-{}@{} ({})", topic, partition, offset,
                    CloudEventHeaders.text(headers, CloudEventHeaders.TYPE));
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
