package news.comment.comment;

import java.time.Instant;
import java.util.Map;

import news.contracts.ContractNames;

/** A reader posted a comment; {@code authorId} is the author's pseudonym ({@link AuthorPseudonyms}), never the subject. */
record CommentPosted(String commentId, String articleId, String authorId, String text, Instant postedAt)
        implements CommentEvent {

    static final String TYPE = ContractNames.COMMENT_POSTED;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Instant time() {
        return postedAt;
    }

    @Override
    public Map<String, Object> payload() {
        return CommentEvent.fields("commentId", commentId, "articleId", articleId, "authorId", authorId, "text", text,
                "postedAt", postedAt.toString());
    }
}
