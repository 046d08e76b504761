/**
 * Reader engagement: page views and shares of published articles, published straight to
 * {@code news.article-views} and {@code news.article-shares}. High volume, so nothing is stored: a view is checked
 * against the cached published-article look-up, turned into an event with a salted reader hash (never the raw
 * reader id) and a bot flag, and handed to an idempotent, batching producer that never holds the request for long.
 */
package news.article.engagement;
