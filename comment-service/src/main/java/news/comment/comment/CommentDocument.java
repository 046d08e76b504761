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

    /**
     * The author: {@code id} is the public author id ({@link AuthorPseudonyms}), {@code name} the display name shown,
     * {@code subject} the token subject (the account id), which stays in the store: it decides who may remove the
     * comment whatever becomes of the pseudonym key, and finds a reader's comments on request. Comments stored before
     * author ids were pseudonyms have no {@code subject} and the subject in {@code id}: {@link #subjectOrLegacyId()}.
     */
    record Author(String id, String name, String subject) {

        boolean legacy() {
            return subject == null;
        }

        String subjectOrLegacyId() {
            return legacy() ? id : subject;
        }
    }

    static CommentDocument posted(CommentPosted event, String authorName, String authorSubject, PendingEvent pending) {
        CommentDocument doc = new CommentDocument();
        doc.id = event.commentId();
        doc.articleId = event.articleId();
        doc.author = new Author(event.authorId(), authorName, authorSubject);
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
