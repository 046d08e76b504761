package news.article.article;

/** What a view or a share needs to know about a published article. */
public record PublishedArticle(String id, String section) {
}
