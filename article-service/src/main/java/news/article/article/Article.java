package news.article.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One article and the rules of its life. Every change returns the article after it with its {@code version} one
 * higher, the editor who made it as {@code updatedBy}, the entry of its history, and the event that tells the
 * outside world about it, if the world can see the change: drafts and unpublished articles change silently, a
 * published article's every change is an event, and publishing and unpublishing always are. {@code publishedBy},
 * like {@code publishedAt}, names the first publication and is kept for good.
 */
record Article(String id, String slug, ArticleContent content, boolean editorPick, Instant editorPickedAt,
               Status status, Instant createdAt, Instant publishedAt, Instant updatedAt, long version,
               Editor createdBy, Editor updatedBy, Editor publishedBy) {

    /** What a command did: the article after it, the event to publish, and its history entry if anything changed. */
    record Change(Article article, Optional<ArticleEvent> event, Optional<HistoryEntry> entry) {

        boolean changed() {
            return entry.isPresent();
        }
    }

    static Change create(String id, String slug, ArticleContent content, boolean publish, boolean editorPick,
                         Editor by, Instant now) {
        Article created = new Article(id, slug, content, editorPick, editorPick ? now : null,
                publish ? Status.PUBLISHED : Status.DRAFT, now, publish ? now : null, now, 1, by, by,
                publish ? by : null);
        return new Change(created, publish ? Optional.of(new ArticlePublished(created.snapshot())) : Optional.empty(),
                Optional.of(created.entry(Action.CREATED, List.of())));
    }

    Change edit(ArticleContent newContent, Editor by, Instant now) {
        if (newContent.equals(content)) {
            return unchanged();
        }
        Article edited = new Article(id, slug, newContent, editorPick, editorPickedAt, status, createdAt, publishedAt,
                now, version + 1, createdBy, by, publishedBy);
        return edited.visibleIfPublished(ArticleUpdated::new, Action.EDITED, content.fieldsChangedIn(newContent));
    }

    /** Publishes a draft or an unpublished article; the first publication's time and editor are kept for good. */
    Change publish(Editor by, Instant now) {
        if (status == Status.PUBLISHED) {
            return unchanged();
        }
        boolean first = publishedAt == null;
        Article published = new Article(id, slug, content, editorPick, editorPickedAt, Status.PUBLISHED, createdAt,
                first ? now : publishedAt, now, version + 1, createdBy, by, first ? by : publishedBy);
        return new Change(published, Optional.of(new ArticlePublished(published.snapshot())),
                Optional.of(published.entry(Action.PUBLISHED, List.of())));
    }

    Change unpublish(Editor by, Instant now) {
        if (status == Status.UNPUBLISHED) {
            return unchanged();
        }
        if (status == Status.DRAFT) {
            throw new StateConflict("Article " + id + " is a draft: only a published article can be unpublished.");
        }
        Article unpublished = new Article(id, slug, content, editorPick, editorPickedAt, Status.UNPUBLISHED, createdAt,
                publishedAt, now, version + 1, createdBy, by, publishedBy);
        return new Change(unpublished, Optional.of(new ArticleUnpublished(unpublished.snapshot())),
                Optional.of(unpublished.entry(Action.UNPUBLISHED, List.of())));
    }

    Change pick(boolean pick, Editor by, Instant now) {
        if (pick == editorPick) {
            return unchanged();
        }
        Article picked = new Article(id, slug, content, pick, pick ? now : null, status, createdAt, publishedAt, now,
                version + 1, createdBy, by, publishedBy);
        return picked.visibleIfPublished(ArticleUpdated::new, pick ? Action.PICKED : Action.UNPICKED, List.of());
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
                content.body(), content.tags(), editorPick, editorPickedAt, status.wire(), publishedAt, publishedBy,
                updatedAt, updatedBy, version);
    }

    /** This article as the result of a change that readers see only while it is published. */
    private Change visibleIfPublished(Function<ArticleSnapshot, ArticleEvent> publicEvent, Action action,
                                      List<String> fields) {
        Optional<ArticleEvent> event = status == Status.PUBLISHED ? Optional.of(publicEvent.apply(snapshot()))
                : Optional.empty();
        return new Change(this, event, Optional.of(entry(action, fields)));
    }

    private HistoryEntry entry(Action action, List<String> fields) {
        return new HistoryEntry(version, action, fields, status, updatedBy, updatedAt);
    }

    private Change unchanged() {
        return new Change(this, Optional.empty(), Optional.empty());
    }

    /** A command that the article's state does not allow, e.g. unpublishing a draft. */
    static final class StateConflict extends RuntimeException {
        StateConflict(String message) {
            super(message);
        }
    }
}
