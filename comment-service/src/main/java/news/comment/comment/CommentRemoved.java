package news.comment.comment;

import java.time.Instant;
import java.util.Map;

import news.contracts.ContractNames;

/** The author or an editor removed a comment; it no longer counts anywhere. */
record CommentRemoved(String commentId, String articleId, Instant removedAt) implements CommentEvent {

    static final String TYPE = ContractNames.COMMENT_REMOVED;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Instant time() {
        return removedAt;
    }

    @Override
    public Map<String, Object> payload() {
        return CommentEvent.fields("commentId", commentId, "articleId", articleId, "removedAt", removedAt.toString());
    }
}
