package news.comment.comment;

/**
 * The rules a request about comments can break, each answered with 400. Field {@code name} is the author's display
 * name, the {@code name} claim of the bearer token ({@link DisplayNamePolicy}). {@link #code()} is the {@code rule} field of
 * the problem detail and, for posting, the {@code reason} tag of {@code news_comments_rejected_total}: a short, fixed
 * set, so the metric stays low in cardinality.
 */
enum Rule {
    BODY_UNKNOWN_FIELD("body-unknown-field", "body"),
    TEXT_MISSING("text-missing", "text"),
    TEXT_NOT_A_STRING("text-not-a-string", "text"),
    TEXT_EMPTY("text-empty", "text"),
    TEXT_TOO_LONG("text-too-long", "text"),
    TEXT_CONTROL_CHARACTER("text-control-character", "text"),
    TEXT_INVALID_CHARACTER("text-invalid-character", "text"),
    TEXT_BLOCKED_WORD("text-blocked-word", "text"),
    NAME_TOO_LONG("name-too-long", "name"),
    NAME_CONTROL_CHARACTER("name-control-character", "name"),
    NAME_RESERVED("name-reserved", "name"),
    ARTICLE_ID_INVALID("article-id-invalid", "articleId"),
    LIMIT_OUT_OF_RANGE("limit-out-of-range", "limit"),
    CURSOR_INVALID("cursor-invalid", "cursor");

    private final String code;
    private final String field;

    Rule(String code, String field) {
        this.code = code;
        this.field = field;
    }

    String code() {
        return code;
    }

    /** The request field or parameter the rule is about. */
    String field() {
        return field;
    }
}
