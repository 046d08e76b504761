package news.article.article;

import java.time.Instant;
import java.util.List;

/** The payload of every {@code news.article-events} record: {@code article-snapshot.schema.json}, field by field. */
record ArticleSnapshot(String articleId, String slug, String title, String section, String source, Byline byline,
                       List<String> body, List<String> tags, boolean editorPick, Instant editorPickedAt,
                       String status, Instant publishedAt, Instant updatedAt, long version) {
}
