package news.ranking.events;

/**
 * What this service reads from its four topics, reduced to the fields the rankings use. Times are epoch
 * milliseconds.
 */
public sealed interface InboundEvent {

    String articleId();

    /** A snapshot from {@code news.article-events}: published, updated or unpublished. */
    record ArticleChanged(String articleId, String title, String section, boolean published, long publishedAt,
                          boolean editorPick, long editorPickedAt, long version) implements InboundEvent {
    }

    /** {@code news.article.viewed}; bots are read, never counted. */
    record ArticleViewed(String articleId, String readerHash, boolean bot, long viewedAt) implements InboundEvent {
    }

    /** {@code news.article.shared}, with its {@code ce_id}: shares have no id of their own to deduplicate by. */
    record ArticleShared(String ceId, String articleId, long sharedAt) implements InboundEvent {
    }

    /** {@code news.comment.posted}. */
    record CommentPosted(String commentId, String articleId, long postedAt) implements InboundEvent {
    }

    /** {@code news.comment.removed}. */
    record CommentRemoved(String commentId, String articleId, long removedAt) implements InboundEvent {
    }
}
