package news.article.article;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * One article and the rules of its life. Every change returns the article after it with its {@code version} one
 * higher, and the event that tells the outside world about it, if the world can see the change: drafts and
 * unpublished articles change silently, a published article's every change is an event, and publishing and
 * unpublishing always are.
 */
record Article(String id, String slug, ArticleContent content, boolean editorPick, Instant editorPickedAt,
               Status status, Instant createdAt, Instant publishedAt, Instant updatedAt, long version) {

    /** What a command did: the article after it, the event to publish, and whether anything changed at all. */
    record Change(Article article, Optional<ArticleEvent> event, boolean changed) {
    }

    static Change create(String id, String slug, ArticleContent content, boolean publish, boolean editorPick,
                         Instant now) {
        Article created = new Article(id, slug, content, editorPick, editorPick ? now : null,
                publish ? Status.PUBLISHED : Status.DRAFT, now, publish ? now : null, now, 1);
        return new Change(created, publish ? Optional.of(new ArticlePublished(created.snapshot())) : Optional.empty(),
                true);
    }

    Change edit(ArticleContent newContent, Instant now) {
        if (newContent.equals(content)) {
            return unchanged();
        }
        return next(new Article(id, slug, newContent, editorPick, editorPickedAt, status, createdAt, publishedAt, now,
                version + 1), ArticleUpdated::new);
    }

    /** Publishes a draft or an unpublished article; the first publication time is kept for good. */
    Change publish(Instant now) {
        if (status == Status.PUBLISHED) {
            return unchanged();
        }
        Article published = new Article(id, slug, content, editorPick, editorPickedAt, Status.PUBLISHED, createdAt,
                publishedAt == null ? now : publishedAt, now, version + 1);
        return new Change(published, Optional.of(new ArticlePublished(published.snapshot())), true);
    }

    Change unpublish(Instant now) {
        if (status == Status.UNPUBLISHED) {
            return unchanged();
        }
        if (status == Status.DRAFT) {
            throw new StateConflict("Article " + id + " is a draft: only a published article can be unpublished.");
        }
        Article unpublished = new Article(id, slug, content, editorPick, editorPickedAt, Status.UNPUBLISHED, createdAt,
                publishedAt, now, version + 1);
        return new Change(unpublished, Optional.of(new ArticleUnpublished(unpublished.snapshot())), true);
    }

    Change pick(boolean pick, Instant now) {
        if (pick == editorPick) {
            return unchanged();
        }
        return next(new Article(id, slug, content, pick, pick ? now : null, status, createdAt, publishedAt, now,
                version + 1), ArticleUpdated::new);
    }

    boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /** The public state, as {@code article-snapshot.schema.json} describes it; drafts have none. */
    ArticleSnapshot snapshot() {
        if (status == Status.DRAFT) {
            throw new IllegalStateException("A draft has no public snapshot");
        }
        return new ArticleSnapshot(id, slug, content.title(), content.section(), content.source(), content.byline(),
                content.body(), content.tags(), editorPick, editorPickedAt, status.wire(), publishedAt, updatedAt,
                version);
    }

    private Change next(Article after, Function<ArticleSnapshot, ArticleEvent> publicEvent) {
        Optional<ArticleEvent> event = after.status == Status.PUBLISHED
                ? Optional.of(publicEvent.apply(after.snapshot())) : Optional.empty();
        return new Change(after, event, true);
    }

    private Change unchanged() {
        return new Change(this, Optional.empty(), false);
    }

    /** A command that the article's state does not allow, e.g. unpublishing a draft. */
    static final class StateConflict extends RuntimeException {
        StateConflict(String message) {
            super(message);
        }
    }
}
