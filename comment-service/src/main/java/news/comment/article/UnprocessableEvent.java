package news.comment.article;

/** A record that no retry can fix (not JSON, a missing field, an unknown type): it goes to the dead-letter topic. */
final class UnprocessableEvent extends RuntimeException {

    UnprocessableEvent(String reason) {
        super(reason, null, false, false);
    }
}
