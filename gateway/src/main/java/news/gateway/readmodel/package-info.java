/**
 * The gateway's own read models, so that a page needs no call to ranking-service and still knows the site's
 * headlines when article-service is down: the article catalog (every article's latest public snapshot from
 * {@code news.article-events}) and the current Popular Now / Must-Reads lists (from {@code news.rankings}).
 * <p>
 * Every gateway instance needs the whole state, so {@link news.gateway.readmodel.ReadModelFeed} reads both
 * compacted topics from the beginning with manual partition assignment (no consumer group, no rebalancing, no
 * committed offsets) and tells readiness when it has caught up with the end offsets it saw at start. Applying a
 * record is idempotent: the highest {@code version} per article wins, the newest {@code computedAt} per list wins,
 * and a redelivered {@code ce_id} changes nothing. A record the gateway cannot read is skipped and counted, not
 * dead-lettered: every instance re-reads the topics at every start and would dead-letter it again each time.
 */
package news.gateway.readmodel;
