/**
 * The replica of article state that comment-service keeps for itself, fed by {@code news.article-events} through a
 * Spring Cloud Stream consumer (binding {@code articleEvents-in-0}), so posting never calls article-service. Per
 * article it keeps the snapshot with the highest {@code version}: a redelivered or older event changes nothing.
 * Records it cannot process go to {@code news.article-events.dlq} with the original key, value and headers plus
 * {@code x-dlq-reason}; the consumer goes on. {@link news.comment.article.PublishedArticles} is what the comment
 * feature asks.
 */
package news.comment.article;
