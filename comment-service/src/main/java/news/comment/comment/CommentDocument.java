package news.comment.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import news.kit.outbox.PendingEvent;

/**
 * One comment as stored in {@code comments}, with its pending events. Written once by an insert that already holds
 * the {@code news.comment.posted} event; changed afterwards only by updates ({@link CommentStore#remove}), never by
 * replacing the document, which would undo the relay's work on the outbox.
 */
@Document(CommentDocument.COLLECTION)
class CommentDocument {

    static final String COLLECTION = "comments";
    static final String VISIBLE = "visible";
    static final String REMOVED = "removed";

    @Id
    String id;
    String articleId;
    Author author;
    String text;
    Instant postedAt;
    String status;
    String removedBy;
    Instant removedAt;
    List<PendingEvent> outbox = new ArrayList<>();
    int outboxSize;

    record Author(String id, String name) {
    }

    static CommentDocument posted(CommentPosted event, String authorName, PendingEvent pending) {
        CommentDocument doc = new CommentDocument();
        doc.id = event.commentId();
        doc.articleId = event.articleId();
        doc.author = new Author(event.authorId(), authorName);
        doc.text = event.text();
        doc.postedAt = event.postedAt();
        doc.status = VISIBLE;
        doc.outbox = new ArrayList<>(List.of(pending));
        doc.outboxSize = 1;
        return doc;
    }

    boolean visible() {
        return VISIBLE.equals(status);
    }
}
