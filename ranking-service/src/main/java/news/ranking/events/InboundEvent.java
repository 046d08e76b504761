package news.ranking.events;

import java.util.function.Function;

/**
 * What this service reads from its four topics, reduced to the fields the rankings use. Times are epoch
 * milliseconds. One sealed type: code that treats events by kind builds {@link Cases}, which takes a function for
 * every kind, so a new kind of event does not compile until every such place handles it (the project's Java 17 has
 * pattern matching for {@code switch} only as a preview).
 */
public sealed interface InboundEvent {

    String articleId();

    /** Calls the case of this event's kind. */
    <R> R accept(Cases<R> cases);

    /**
     * What to do with each kind of event: one function per kind, so a new kind is a new component and does not compile
     * until every place that builds one says what it does with it.
     */
    record Cases<R>(Function<ArticleChanged, R> article, Function<ArticleViewed, R> view,
                    Function<ArticleShared, R> share, Function<CommentPosted, R> commentPosted,
                    Function<CommentRemoved, R> commentRemoved) {
    }

    /** A snapshot from {@code news.article-events}: published, updated or unpublished. */
    record ArticleChanged(String articleId, String title, String section, boolean published, long publishedAt,
                          boolean editorPick, long editorPickedAt, long version) implements InboundEvent {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.article().apply(this);
        }
    }

    /** {@code news.article.viewed}; bots are read, never counted. */
    record ArticleViewed(String articleId, String readerHash, boolean bot, long viewedAt) implements InboundEvent {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.view().apply(this);
        }
    }

    /** {@code news.article.shared}, with its {@code ce_id}: shares have no id of their own to deduplicate by. */
    record ArticleShared(String ceId, String articleId, String readerHash, long sharedAt) implements InboundEvent {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.share().apply(this);
        }
    }

    /** {@code news.comment.posted}. */
    record CommentPosted(String commentId, String articleId, long postedAt) implements InboundEvent {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.commentPosted().apply(this);
        }
    }

    /** {@code news.comment.removed}. */
    record CommentRemoved(String commentId, String articleId, long removedAt) implements InboundEvent {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.commentRemoved().apply(this);
        }
    }
}
