package news.ranking.events;

/**
 * Why a record cannot be read: a reason for people ({@code x-dlq-reason}) and a low-cardinality category for the
 * {@code news_ranking_dlq_total} metric.
 */
public record Unreadable(Category category, String reason) {

    public enum Category {
        NOT_JSON("not-json"),
        INVALID("invalid"),
        UNKNOWN_TYPE("unknown-type"),
        MISSING_HEADER("missing-header"),
        KEY_MISMATCH("key-mismatch"),
        TOO_LARGE("too-large"),
        FUTURE_TIME("future-time");

        private final String tag;

        Category(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }
}
