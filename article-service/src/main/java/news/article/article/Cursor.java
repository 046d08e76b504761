package news.article.article;

import java.time.Instant;
import java.util.Optional;

import news.kit.web.ListCursors;

/**
 * Where the next page of a newest-first list starts: after the last article of the previous page, by its time in
 * the list's order ({@code publishedAt} for readers, {@code updatedAt} in the newsroom) and then its id. Keyset
 * paging: an article that becomes newer while a client pages is newer than every cursor, so it never shifts the
 * pages that follow (no duplicates, no gaps). {@code scope} names the query the cursor belongs to (empty for the
 * reader list), so that a list refuses the cursor of another list or query. Opaque to clients; the form is the
 * platform's one ({@link ListCursors}).
 */
record Cursor(Instant at, String id, String scope) {

    String encode() {
        return ListCursors.encode(at, id, scope);
    }

    /** A cursor this service handed out, of any list; empty for anything else. */
    static Optional<Cursor> decode(String token) {
        return ListCursors.decode(token).map(p -> new Cursor(p.at(), p.id(), p.scope()));
    }
}
