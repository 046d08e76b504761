package news.article.article;

import java.util.Arrays;

/** Where an article is in its life: only published articles are visible to readers and on the topic as current. */
enum Status {
    DRAFT("draft"),
    PUBLISHED("published"),
    UNPUBLISHED("unpublished");

    private final String wire;

    Status(String wire) {
        this.wire = wire;
    }

    /** The spelling in JSON, events and the store. */
    String wire() {
        return wire;
    }

    static Status fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown article status " + value));
    }
}
