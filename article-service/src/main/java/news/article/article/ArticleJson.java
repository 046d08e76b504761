package news.article.article;

import java.time.Instant;
import java.util.List;

/** The article in the HTTP API: what readers see, what editors see, and list items. */
final class ArticleJson {

    private ArticleJson() {
    }

    /** The published article as a page shows it (the {@code article} of the page data). */
    record ReaderArticle(String id, String slug, String title, String section, String source, Byline byline,
                         List<String> body, List<String> tags, boolean editorPick, Instant publishedAt,
                         Instant updatedAt) {

        static ReaderArticle of(Article a) {
            ArticleContent c = a.content();
            return new ReaderArticle(a.id(), a.slug(), c.title(), c.section(), c.source(), c.byline(), c.body(),
                    c.tags(), a.editorPick(), a.publishedAt(), a.updatedAt());
        }
    }

    /**
     * The reader's article plus what an editor needs to work on it: status, version, pick time, and when and by whom
     * it was created, first published and last changed ({@code null} where the store predates recording editors).
     */
    record EditorArticle(String id, String slug, String title, String section, String source, Byline byline,
                         List<String> body, List<String> tags, boolean editorPick, Instant editorPickedAt,
                         String status, long version, Instant createdAt, Editor createdBy, Instant publishedAt,
                         Editor publishedBy, Instant updatedAt, Editor updatedBy) {

        static EditorArticle of(Article a) {
            ArticleContent c = a.content();
            return new EditorArticle(a.id(), a.slug(), c.title(), c.section(), c.source(), c.byline(), c.body(),
                    c.tags(), a.editorPick(), a.editorPickedAt(), a.status().wire(), a.version(), a.createdAt(),
                    a.createdBy(), a.publishedAt(), a.publishedBy(), a.updatedAt(), a.updatedBy());
        }
    }

    /** A list item: the article without its body. */
    record Summary(String id, String slug, String title, String section, String source, Byline byline,
                   List<String> tags, boolean editorPick, Instant publishedAt, Instant updatedAt) {

        static Summary of(Article a) {
            ArticleContent c = a.content();
            return new Summary(a.id(), a.slug(), c.title(), c.section(), c.source(), c.byline(), c.tags(),
                    a.editorPick(), a.publishedAt(), a.updatedAt());
        }
    }

    /** {@code {items, next}}: {@code next} is the cursor of the following page, null on the last one. */
    record Page<T>(List<T> items, String next) {
    }

    /** A newsroom list item: any status, with its version and who changed it last; no body. */
    record NewsroomItem(String id, String slug, String title, String section, String status, boolean editorPick,
                        long version, Instant createdAt, Editor createdBy, Instant publishedAt, Instant updatedAt,
                        Editor updatedBy) {

        static NewsroomItem of(Article a) {
            return new NewsroomItem(a.id(), a.slug(), a.content().title(), a.content().section(), a.status().wire(),
                    a.editorPick(), a.version(), a.createdAt(), a.createdBy(), a.publishedAt(), a.updatedAt(),
                    a.updatedBy());
        }
    }

    /**
     * The recorded changes of an article, newest first. {@code complete} is false when older changes are not listed:
     * beyond the history's bound, or made before changes were recorded.
     */
    record History(String articleId, long version, boolean complete, List<Change> entries) {

        static History of(Articles.History history) {
            return new History(history.articleId(), history.version(), history.complete(),
                    history.entries().stream().map(Change::of).toList());
        }
    }

    /** One change: the version it made, what it did (and to which fields), the status after it, who and when. */
    record Change(long version, String action, List<String> fields, String status, Editor by, Instant at) {

        static Change of(HistoryEntry entry) {
            return new Change(entry.version(), entry.action().wire(), entry.fields(), entry.status().wire(),
                    entry.by(), entry.at());
        }
    }

    /** Body of {@code POST /api/articles}. */
    record CreateRequest(String title, String section, String source, BylineRequest byline, List<String> body,
                         List<String> tags, Boolean publish, Boolean editorPick) {

        ArticleInput input() {
            return ArticleJson.input(title, section, source, byline, body, tags);
        }
    }

    /** Body of {@code PUT /api/articles/{id}}: the whole editable content, and optionally the version it is based on. */
    record UpdateRequest(String title, String section, String source, BylineRequest byline, List<String> body,
                         List<String> tags, Long version) {

        ArticleInput input() {
            return ArticleJson.input(title, section, source, byline, body, tags);
        }
    }

    record BylineRequest(String name, String email) {
    }

    /** Body of {@code PUT /api/articles/{id}/editor-pick}. */
    record EditorPickRequest(Boolean editorPick) {
    }

    private static ArticleInput input(String title, String section, String source, BylineRequest byline,
                                      List<String> body, List<String> tags) {
        return new ArticleInput(title, section, source, byline == null ? null : byline.name(),
                byline == null ? null : byline.email(), byline != null, body, tags);
    }
}
