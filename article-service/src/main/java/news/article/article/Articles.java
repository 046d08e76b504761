package news.article.article;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import news.kit.Sections;
import news.kit.cloudevents.CloudEvent;
import news.kit.outbox.OutboxRelay;

/**
 * The editor's commands and the readers' queries. A command reads the article, lets {@link Article} decide what
 * changes, and writes the change and its event in one guarded document write; the relay publishes the event
 * afterwards, so no command waits for Kafka.
 */
@Service
class Articles {

    static final String EVENT_SOURCE = "/article-service";
    private static final int ATTEMPTS = 8;
    /** Room for the snapshot's fields around the content (ids, slug, status, times, version). */
    private static final int SNAPSHOT_OVERHEAD_BYTES = 1024;

    private final ArticleStore store;
    private final Sections sections;
    private final OutboxRelay relay;
    private final PublishedArticles published;
    private final ArticleProperties properties;
    private final Clock clock = Clock.systemUTC();

    Articles(ArticleStore store, Sections sections, OutboxRelay relay, PublishedArticles published,
             ArticleProperties properties) {
        this.store = store;
        this.sections = sections;
        this.relay = relay;
        this.published = published;
        this.properties = properties;
    }

    record Page(List<Article> items, Optional<Cursor> next) {
    }

    /**
     * The stored changes of an article, newest first. Changes beyond the bound, and those made before changes were
     * recorded, are not kept: {@link #complete()} says whether the entries go back to the article's creation.
     */
    record History(String articleId, long version, List<HistoryEntry> entries) {

        boolean complete() {
            return !entries.isEmpty() && entries.get(entries.size() - 1).version() == 1;
        }
    }

    Article create(ArticleInput input, boolean publish, boolean editorPick, Editor by, String traceparent) {
        ArticleContent content = checked(input);
        Instant now = now();
        String base = Slugs.base(content.title());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String slug = Slugs.firstFree(base, store.slugsLike(base));
            Article.Change change = Article.create(ArticleIds.next(), slug, content, publish, editorPick, by, now);
            Optional<CloudEvent> event = change.event().map(e -> cloudEvent(e, now, traceparent));
            try {
                store.insert(change.article(), change.entry().orElseThrow(), event);
            } catch (DuplicateKeyException taken) {
                continue; // another editor took the slug (or, astronomically rarely, the id) first: pick again
            }
            written(change.article().id(), event);
            return change.article();
        }
        throw new IllegalStateException("No free slug for '" + base + "' after " + ATTEMPTS + " attempts");
    }

    Article update(String id, ArticleInput input, ExpectedVersion expected, Editor by, String traceparent) {
        if (!expected.given()) {
            throw ArticleProblems.versionRequired();
        }
        ArticleContent content = checked(input);
        return change(id, expected, traceparent, article -> article.edit(content, by, now()));
    }

    Article publish(String id, ExpectedVersion expected, Editor by, String traceparent) {
        return change(id, expected, traceparent, article -> article.publish(by, now()));
    }

    Article unpublish(String id, ExpectedVersion expected, Editor by, String traceparent) {
        return change(id, expected, traceparent, article -> article.unpublish(by, now()));
    }

    Article pick(String id, boolean editorPick, ExpectedVersion expected, Editor by, String traceparent) {
        return change(id, expected, traceparent, article -> article.pick(editorPick, by, now()));
    }

    /** Any article, drafts included: for editors. */
    Optional<Article> find(String id) {
        return ArticleIds.plausible(id) ? store.find(id) : Optional.empty();
    }

    Optional<Article> findBySlug(String slug) {
        return Slugs.plausible(slug) ? store.findBySlug(slug) : Optional.empty();
    }

    /** Published articles, newest publication first. */
    Page newest(Optional<String> section, Optional<Cursor> after, int limit) {
        return page(store.newest(section, after, limit + 1), limit, last -> new Cursor(last.publishedAt(), last.id(), ""));
    }

    /** Articles of any status, drafts included, newest change first: for editors. */
    Page newestChanges(NewsroomQuery query, Optional<Cursor> after, int limit) {
        String scope = query.scope();
        return page(store.newestChanges(query, after, limit + 1), limit,
                last -> new Cursor(last.updatedAt(), last.id(), scope));
    }

    /** The article's stored changes, newest first: for editors. */
    Optional<History> history(String id) {
        return ArticleIds.plausible(id) ? store.history(id) : Optional.empty();
    }

    private static Page page(List<Article> found, int limit, Function<Article, Cursor> cursorAfter) {
        if (found.size() <= limit) {
            return new Page(found, Optional.empty());
        }
        List<Article> items = List.copyOf(found.subList(0, limit));
        return new Page(items, Optional.of(cursorAfter.apply(items.get(limit - 1))));
    }

    private Article change(String id, ExpectedVersion expected, String traceparent,
                           Function<Article, Article.Change> command) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Article current = find(id).orElseThrow(() -> ArticleProblems.editorNotFound(id));
            if (expected.ifMatchFails(current.version())) {
                throw ArticleProblems.ifMatchFailed(current.version());
            }
            if (expected.bodyVersionFails(current.version())) {
                throw ArticleProblems.versionConflict(expected.bodyVersion(), current.version());
            }
            Article.Change change;
            try {
                change = command.apply(current);
            } catch (Article.StateConflict conflict) {
                throw ArticleProblems.stateConflict(conflict.getMessage());
            }
            if (!change.changed()) {
                return current;
            }
            Optional<CloudEvent> event = change.event()
                    .map(e -> cloudEvent(e, change.article().updatedAt(), traceparent));
            if (store.update(current, change.article(), change.entry().orElseThrow(), event)) {
                written(id, event);
                return change.article();
            }
            // someone else changed the article in between: with a version given the next round reports it,
            // without one the command is applied again to the fresh state
        }
        throw ArticleProblems.busy(id);
    }

    private ArticleContent checked(ArticleInput input) {
        ArticleRules.Checked checked = ArticleRules.check(input, sections);
        ArticleContent content = checked.content().orElseThrow(() -> ArticleProblems.invalid(checked.violations()));
        int bytes = EventPayloads.bytesOf(content) + SNAPSHOT_OVERHEAD_BYTES;
        if (bytes > properties.maxEventBytes()) {
            throw ArticleProblems.invalid("body", "the article is too large to publish: about " + bytes
                    + " bytes as an event, at most " + properties.maxEventBytes());
        }
        return content;
    }

    private void written(String id, Optional<CloudEvent> event) {
        published.forget(id);
        if (event.isPresent()) {
            relay.nudge(id);
        }
    }

    private static CloudEvent cloudEvent(ArticleEvent event, Instant time, String traceparent) {
        return new CloudEvent(UUID.randomUUID().toString(), event.type(), EVENT_SOURCE, event.snapshot().articleId(),
                time, EventPayloads.json(event.snapshot()), traceparent);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
