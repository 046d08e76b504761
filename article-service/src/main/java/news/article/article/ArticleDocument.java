package news.article.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import news.kit.outbox.PendingEvent;

/**
 * An article as stored, with its outbox: the events of its changes that Kafka has not acknowledged yet. Written
 * only by inserts and by targeted updates that carry the state change and its event together (see
 * {@link ArticleStore}); never replaced whole, which could resurrect published events or drop pending ones.
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
    List<PendingEvent> outbox = new ArrayList<>();
    int outboxSize;

    static ArticleDocument of(Article article, List<PendingEvent> pending) {
        ArticleDocument doc = new ArticleDocument();
        doc.id = article.id();
        doc.slug = article.slug();
        doc.title = article.content().title();
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
        doc.outbox = new ArrayList<>(pending);
        doc.outboxSize = pending.size();
        return doc;
    }

    Article toArticle() {
        return new Article(id, slug, new ArticleContent(title, section, source, byline,
                body == null ? List.of() : body, tags == null ? List.of() : tags),
                editorPick, editorPickedAt, Status.fromWire(status), createdAt, publishedAt, updatedAt, version);
    }
}
