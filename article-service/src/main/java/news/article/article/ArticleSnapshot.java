package news.article.article;

import java.time.Instant;
import java.util.List;

/**
 * The payload of every {@code news.article-events} record: {@code article-snapshot.schema.json}, field by field.
 * {@code updatedBy} is the editor of the change the event announces; {@code publishedBy} the editor of the first
 * publication, null for an article first published before editors were recorded.
 */
record ArticleSnapshot(String articleId, String slug, String title, String section, String source, Byline byline,
                       List<String> body, List<String> tags, boolean editorPick, Instant editorPickedAt,
                       String status, Instant publishedAt, Editor publishedBy, Instant updatedAt, Editor updatedBy,
                       long version) {
}
