package news.article.article;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;
import news.kit.cloudevents.CloudEvent;
import news.kit.outbox.Outbox;
import news.kit.outbox.PendingEvent;

/**
 * The articles collection. Each state change is ONE document write that also appends its event to the embedded
 * outbox, guarded by the version the change was computed from: a concurrent change makes the write match nothing
 * instead of overwriting it. The embedded store has no multi-document transactions and none are needed.
 */
@Component
class ArticleStore {

    private static final String ID = "_id";
    private static final String PUBLISHED = Status.PUBLISHED.wire();

    private static final String HISTORY = "history";
    private static final String TITLE = "title";
    private static final String TITLE_WORDS = "titleWords";
    private static final String UPDATED_AT = "updatedAt";
    private static final int BACKFILL_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ArticleStore.class);

    private final MongoTemplate mongo;
    private final int historySize;

    ArticleStore(MongoTemplate mongo, ArticleProperties properties) {
        this.mongo = mongo;
        this.historySize = properties.historySize();
    }

    @PostConstruct
    void createIndexes() {
        IndexOperations indexes = mongo.indexOps(ArticleDocument.class);
        indexes.createIndex(new Index().on("slug", Sort.Direction.ASC).unique().named("slug_unique"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("publishedAt", Sort.Direction.DESC)
                .on(ID, Sort.Direction.DESC).named("newest"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("section", Sort.Direction.ASC)
                .on("publishedAt", Sort.Direction.DESC).on(ID, Sort.Direction.DESC).named("newest_by_section"));
        indexes.createIndex(new Index().on(UPDATED_AT, Sort.Direction.DESC).on(ID, Sort.Direction.DESC)
                .named("newsroom_changed"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on(UPDATED_AT, Sort.Direction.DESC)
                .on(ID, Sort.Direction.DESC).named("newsroom_changed_by_status"));
        indexes.createIndex(new Index().on("section", Sort.Direction.ASC).on(UPDATED_AT, Sort.Direction.DESC)
                .on(ID, Sort.Direction.DESC).named("newsroom_changed_by_section"));
        indexes.createIndex(new Index().on(TITLE_WORDS, Sort.Direction.ASC).on(UPDATED_AT, Sort.Direction.DESC)
                .named("newsroom_title_words"));
        fillInTitleWords();
    }

    /**
     * Gives articles stored before the title search their title words. Each write is guarded by the title it was
     * computed from, so a concurrent edit is never overwritten; it stops when a round finds nothing left to do.
     */
    void fillInTitleWords() {
        long filled = 0;
        while (true) {
            Query missing = query(where(TITLE_WORDS).exists(false)).limit(BACKFILL_BATCH);
            missing.fields().include(TITLE);
            long round = 0;
            for (ArticleDocument doc : mongo.find(missing, ArticleDocument.class)) {
                Query guard = query(where(ID).is(doc.id).and(TITLE).is(doc.title).and(TITLE_WORDS).exists(false));
                Update words = new Update().set(TITLE_WORDS, doc.title == null ? List.of() : TitleWords.of(doc.title));
                round += mongo.updateFirst(guard, words, ArticleDocument.class).getModifiedCount();
            }
            filled += round;
            if (round == 0) {
                break;
            }
        }
        if (filled > 0) {
            log.info("Gave {} articles stored before the newsroom's title search their title words", filled);
        }
    }

    Optional<Article> find(String id) {
        return one(query(where(ID).is(id)));
    }

    Optional<Article> findBySlug(String slug) {
        return one(query(where("slug").is(slug)));
    }

    /** Section of a published article, or empty: the only fields the view and share path needs. */
    Optional<PublishedArticle> findPublished(String id) {
        Query query = query(where(ID).is(id).and("status").is(PUBLISHED));
        query.fields().include("section");
        return Optional.ofNullable(mongo.findOne(query, ArticleDocument.class))
                .map(doc -> new PublishedArticle(doc.id, doc.section));
    }

    /**
     * Inserts a new article with its first history entry and its first event, if any; duplicate ids or slugs throw
     * DuplicateKeyException.
     */
    void insert(Article article, HistoryEntry entry, Optional<CloudEvent> event) {
        mongo.insert(ArticleDocument.of(article, entry, event.map(PendingEvent::of).stream().toList()));
    }

    /**
     * Writes {@code after} over {@code before} with its history entry (the oldest entries beyond
     * {@code news.articles.history-size} fall off) and the event, only if the stored article still has the version
     * {@code before} was read with.
     *
     * @return false when another change came first; nothing was written then
     */
    boolean update(Article before, Article after, HistoryEntry entry, Optional<CloudEvent> event) {
        ArticleContent content = after.content();
        Update update = new Update()
                .set(TITLE, content.title())
                .set(TITLE_WORDS, TitleWords.of(content.title()))
                .set("section", content.section())
                .set("source", content.source())
                .set("byline", content.byline())
                .set("body", content.body())
                .set("tags", content.tags())
                .set("editorPick", after.editorPick())
                .set("editorPickedAt", after.editorPickedAt())
                .set("status", after.status().wire())
                .set("publishedAt", after.publishedAt())
                .set(UPDATED_AT, after.updatedAt())
                .set("version", after.version())
                .set("updatedBy", after.updatedBy())
                .set("publishedBy", after.publishedBy());
        update.push(HISTORY).slice(-historySize).each(ArticleDocument.StoredEntry.of(entry));
        event.ifPresent(e -> Outbox.append(update, e));
        Query guard = query(where(ID).is(before.id()).and("version").is(before.version()));
        return mongo.updateFirst(guard, update, ArticleDocument.class).getMatchedCount() == 1;
    }

    /** Slugs in use that are {@code base} or {@code base-<n>}. */
    List<String> slugsLike(String base) {
        Query query = query(where("slug").regex("^" + base + "(-[0-9]+)?$"));
        query.fields().include("slug");
        return mongo.find(query, ArticleDocument.class).stream().map(doc -> doc.slug).toList();
    }

    /** Published articles, newest first by (publishedAt, id), after the cursor; bodies left out. */
    List<Article> newest(Optional<String> section, Optional<Cursor> after, int limit) {
        Criteria criteria = where("status").is(PUBLISHED);
        section.ifPresent(s -> criteria.and("section").is(s));
        after.ifPresent(c -> criteria.orOperator(
                where("publishedAt").lt(c.at()),
                where("publishedAt").is(c.at()).and(ID).lt(c.id())));
        Query query = query(criteria)
                .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc(ID)))
                .limit(limit);
        return list(query);
    }

    /** Articles of any status that the newsroom query asks for, newest change first by (updatedAt, id); no bodies. */
    List<Article> newestChanges(NewsroomQuery newsroom, Optional<Cursor> after, int limit) {
        return list(newestChangesQuery(newsroom, after).limit(limit));
    }

    /**
     * The newsroom list's query. Each shape has its index: {@code newsroom_changed} for all articles,
     * {@code _by_status} and {@code _by_section} for those filters (with both, the section's index and the status
     * checked on what it finds), and {@code newsroom_title_words} for a search, whose left-anchored patterns are index
     * ranges.
     */
    Query newestChangesQuery(NewsroomQuery newsroom, Optional<Cursor> after) {
        List<Criteria> all = new ArrayList<>();
        newsroom.status().ifPresent(status -> all.add(where("status").is(status.wire())));
        newsroom.section().ifPresent(section -> all.add(where("section").is(section)));
        TitleWords.prefixPatterns(newsroom.words()).forEach(prefix -> all.add(where(TITLE_WORDS).regex(prefix)));
        after.ifPresent(c -> all.add(new Criteria().orOperator(
                where(UPDATED_AT).lt(c.at()),
                where(UPDATED_AT).is(c.at()).and(ID).lt(c.id()))));
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
        return query(criteria).with(Sort.by(Sort.Order.desc(UPDATED_AT), Sort.Order.desc(ID)));
    }

    /** The stored changes of an article, newest first, with the article's current version; empty when unknown. */
    Optional<Articles.History> history(String id) {
        Query query = query(where(ID).is(id));
        query.fields().include("version").include(HISTORY);
        return Optional.ofNullable(mongo.findOne(query, ArticleDocument.class))
                .map(doc -> new Articles.History(doc.id, doc.version, doc.historyNewestFirst()));
    }

    private List<Article> list(Query query) {
        query.fields().exclude("body").exclude(TITLE_WORDS).exclude(HISTORY).exclude(Outbox.EVENTS);
        return mongo.find(query, ArticleDocument.class).stream().map(ArticleDocument::toArticle).toList();
    }

    private Optional<Article> one(Query query) {
        query.fields().exclude(TITLE_WORDS).exclude(HISTORY).exclude(Outbox.EVENTS);
        return Optional.ofNullable(mongo.findOne(query, ArticleDocument.class)).map(ArticleDocument::toArticle);
    }
}
