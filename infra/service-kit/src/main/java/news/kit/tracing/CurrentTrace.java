package news.kit.tracing;

import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * The W3C {@code traceparent} of the span the calling thread is in: in a request, the service's server span, itself
 * the child of the caller's {@code traceparent}. Events store it ({@link news.kit.cloudevents.CloudEvent#traceparent()},
 * the outbox keeps it with the pending event), so their records continue the trace of the request that caused them.
 */
public final class CurrentTrace {

    private final ObjectProvider<Tracer> tracer;

    public CurrentTrace(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** The current span as a {@code traceparent}, or null outside any span (or without tracing). */
    public String traceparent() {
        Tracer current = tracer.getIfAvailable();
        if (current == null) {
            return null;
        }
        TraceContext context = current.currentTraceContext().context();
        return context == null ? null : Traceparents.format(context);
    }
}
