package news.article.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import news.kit.outbox.PendingEvent;

/**
 * An article as stored, with its outbox (the events of its changes that Kafka has not acknowledged yet) and its
 * history (the latest changes, newest last, at most {@code news.articles.history-size}). Written only by inserts and
 * by targeted updates that carry the state change, its history entry and its event together (see
 * {@link ArticleStore}); never replaced whole, which could resurrect published events or drop pending ones.
 * Articles stored before editors were recorded have no {@code createdBy}, {@code updatedBy} or {@code publishedBy}
 * and no history of their earlier changes.
 */
@Document(ArticleDocument.COLLECTION)
class ArticleDocument {

    static final String COLLECTION = "articles";

    @Id
    String id;
    String slug;
    String title;
    String section;
    String source;
    Byline byline;
    List<String> body;
    List<String> tags;
    boolean editorPick;
    Instant editorPickedAt;
    String status;
    Instant createdAt;
    Instant publishedAt;
    Instant updatedAt;
    long version;
    Editor createdBy;
    Editor updatedBy;
    Editor publishedBy;
    /** {@link TitleWords} of the title, for the newsroom's title search. */
    List<String> titleWords;
    List<StoredEntry> history = new ArrayList<>();
    List<PendingEvent> outbox = new ArrayList<>();
    int outboxSize;

    /** A {@link HistoryEntry} with the action and status in their wire spelling. */
    record StoredEntry(long version, String action, List<String> fields, String status, Editor by, Instant at) {

        static StoredEntry of(HistoryEntry entry) {
            return new StoredEntry(entry.version(), entry.action().wire(), entry.fields(), entry.status().wire(),
                    entry.by(), entry.at());
        }

        HistoryEntry toEntry() {
            return new HistoryEntry(version, Action.fromWire(action), fields == null ? List.of() : fields,
                    Status.fromWire(status), by, at);
        }
    }

    static ArticleDocument of(Article article, HistoryEntry entry, List<PendingEvent> pending) {
        ArticleDocument doc = new ArticleDocument();
        doc.id = article.id();
        doc.slug = article.slug();
        doc.title = article.content().title();
        doc.titleWords = TitleWords.of(doc.title);
        doc.section = article.content().section();
        doc.source = article.content().source();
        doc.byline = article.content().byline();
        doc.body = article.content().body();
        doc.tags = article.content().tags();
        doc.editorPick = article.editorPick();
        doc.editorPickedAt = article.editorPickedAt();
        doc.status = article.status().wire();
        doc.createdAt = article.createdAt();
        doc.publishedAt = article.publishedAt();
        doc.updatedAt = article.updatedAt();
        doc.version = article.version();
        doc.createdBy = article.createdBy();
        doc.updatedBy = article.updatedBy();
        doc.publishedBy = article.publishedBy();
        doc.history = new ArrayList<>(List.of(StoredEntry.of(entry)));
        doc.outbox = new ArrayList<>(pending);
        doc.outboxSize = pending.size();
        return doc;
    }

    Article toArticle() {
        return new Article(id, slug, new ArticleContent(title, section, source, byline,
                body == null ? List.of() : body, tags == null ? List.of() : tags),
                editorPick, editorPickedAt, Status.fromWire(status), createdAt, publishedAt, updatedAt, version,
                createdBy, updatedBy, publishedBy);
    }

    /** The stored history, newest first. */
    List<HistoryEntry> historyNewestFirst() {
        List<HistoryEntry> entries = new ArrayList<>();
        if (history != null) {
            history.forEach(stored -> entries.add(0, stored.toEntry()));
        }
        return entries;
    }
}
