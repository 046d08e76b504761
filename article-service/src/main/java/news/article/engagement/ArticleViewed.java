package news.article.engagement;

import java.time.Instant;

/** Payload of {@code news.article.viewed} ({@code article-viewed.schema.json}). */
record ArticleViewed(String articleId, String section, String readerHash, String agent, Instant viewedAt) {
}
