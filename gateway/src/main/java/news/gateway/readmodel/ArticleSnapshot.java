package news.gateway.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * The full public state of one article as {@code news.article-events} carries it
 * ({@code infra/contracts/schemas/article-snapshot.schema.json}).
 */
public record ArticleSnapshot(String articleId, String slug, String title, String section, String source,
                              Byline byline, List<String> body, List<String> tags, boolean editorPick,
                              String status, Instant publishedAt, Instant updatedAt, long version) {

    public record Byline(String name, String email) {
    }

    public boolean published() {
        return "published".equals(status);
    }

    public Headline headline() {
        return new Headline(articleId, title, section, publishedAt);
    }

    boolean valid() {
        return articleId != null && !articleId.isBlank() && title != null && section != null && status != null
                && (published() || "unpublished".equals(status)) && version > 0
                && (!published() || publishedAt != null);
    }
}
