/**
 * The article aggregate and everything that changes or reads it: validation rules, slugs, the editor API (create,
 * update, publish, unpublish, editor pick), the reader API (by id, by slug, by section with cursor paging), the
 * MongoDB document with its embedded outbox and the relay that turns the outbox into {@code news.article-events}.
 *
 * <p>Plain-Java domain: {@link news.article.article.Article}, {@link news.article.article.ArticleRules},
 * {@link news.article.article.Slugs}, {@link news.article.article.Cursor} and the event records know nothing of
 * Spring or MongoDB. The only public types are {@link news.article.article.PublishedArticles} and
 * {@link news.article.article.PublishedArticle}: the cached look-up other features use to check that an article is
 * published.
 */
package news.article.article;
