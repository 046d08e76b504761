package news.comment.comment;

import java.time.Instant;

import news.kit.web.ListCursors;

/**
 * Where the next page starts: after the comment with this {@code postedAt} and id, in newest-first order. Clients
 * see it only as an opaque string and hand it back unchanged; the form is the platform's one ({@link ListCursors}).
 */
record PageCursor(Instant postedAt, String id) {

    static PageCursor after(CommentDocument last) {
        return new PageCursor(last.postedAt, last.id);
    }

    String encode() {
        return ListCursors.encode(postedAt, id, "");
    }

    /** @throws RuleViolation when the value is not a cursor this service handed out */
    static PageCursor decode(String cursor) {
        return ListCursors.decode(cursor).filter(p -> p.scope().isEmpty())
                .map(p -> new PageCursor(p.at(), p.id()))
                .orElseThrow(() -> new RuleViolation(Rule.CURSOR_INVALID, "Parameter 'cursor' is not a cursor of this"
                        + " API: pass the 'next' value of the previous page unchanged."));
    }
}
