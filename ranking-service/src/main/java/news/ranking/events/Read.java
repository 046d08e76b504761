package news.ranking.events;

import java.util.Objects;

/** The outcome of reading one record: an event, or the reason it cannot be read. */
public record Read(InboundEvent event, Unreadable unreadable) {

    public Read {
        if ((event == null) == (unreadable == null)) {
            throw new IllegalArgumentException("exactly one of event and unreadable");
        }
    }

    static Read of(InboundEvent event) {
        return new Read(Objects.requireNonNull(event), null);
    }

    static Read unreadable(Unreadable.Category category, String reason) {
        return new Read(null, new Unreadable(category, reason));
    }

    public boolean ok() {
        return event != null;
    }
}
