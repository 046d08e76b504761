/**
 * article-service owns articles: the editor API (write, publish, unpublish, pin), the reader API (by id, by slug,
 * by section), reader views and shares, and the article events on {@code news.article-events},
 * {@code news.article-views} and {@code news.article-shares}.
 */
package news.article;
