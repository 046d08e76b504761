package news.kit.outbox;

import java.time.Instant;

import news.kit.cloudevents.CloudEvent;

/**
 * An event waiting in a document's {@code outbox} array. Embed a {@code List<PendingEvent> outbox} and an
 * {@code int outboxSize} in the document class so that mapping keeps them.
 */
public record PendingEvent(String ceId, String type, String source, String subject, Instant time, String payload,
                           String traceparent) {

    public static PendingEvent of(CloudEvent event) {
        return new PendingEvent(event.id(), event.type(), event.source(), event.subject(), event.time(), event.json(),
                event.traceparent());
    }

    public CloudEvent toCloudEvent() {
        return new CloudEvent(ceId, type, source, subject, time, payload, traceparent);
    }
}
