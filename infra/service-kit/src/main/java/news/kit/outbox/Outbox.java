package news.kit.outbox;

import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

import news.kit.cloudevents.CloudEvent;

/** Field names of the embedded outbox and the one way to add an event to it within a state change. */
public final class Outbox {

    public static final String EVENTS = "outbox";
    public static final String SIZE = "outboxSize";
    public static final String LEASE_UNTIL = "outboxLeaseUntil";
    public static final String LEASE_OWNER = "outboxLeaseOwner";

    private Outbox() {
    }

    /** Adds the event to the update, which must be the same update that makes the state change it reports. */
    public static Update append(Update update, CloudEvent event) {
        return update.push(EVENTS, toDocument(PendingEvent.of(event))).inc(SIZE, 1);
    }

    static Document toDocument(PendingEvent event) {
        return new Document("ceId", event.ceId())
                .append("type", event.type())
                .append("source", event.source())
                .append("subject", event.subject())
                .append("time", Date.from(event.time()))
                .append("payload", event.payload())
                .append("traceparent", event.traceparent());
    }

    static PendingEvent fromDocument(Document document) {
        Object time = document.get("time");
        return new PendingEvent(document.getString("ceId"), document.getString("type"), document.getString("source"),
                document.getString("subject"),
                time instanceof Date date ? date.toInstant() : java.time.Instant.parse(String.valueOf(time)),
                document.getString("payload"), document.getString("traceparent"));
    }
}
