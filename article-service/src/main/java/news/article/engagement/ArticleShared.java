package news.article.engagement;

import java.time.Instant;

/** Payload of {@code news.article.shared} ({@code article-shared.schema.json}). */
record ArticleShared(String articleId, String section, String channel, String readerHash, Instant sharedAt) {
}
