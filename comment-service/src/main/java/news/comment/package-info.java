/**
 * comment-service owns reader comments: posting (300 code points, identity from the bearer token), listing,
 * moderation, rate limits, its own replica of published articles fed by {@code news.article-events}, and the
 * comment events on {@code news.comment-events}.
 */
package news.comment;
