/**
 * Reading the four input topics against the contract ({@code infra/contracts}): CloudEvents headers, event types,
 * payload fields, sizes and keys. A record either becomes an {@link news.ranking.events.InboundEvent} or an
 * {@link news.ranking.events.Unreadable} reason for its dead letter. Plain Java with Jackson; no Kafka Streams, no
 * Spring.
 */
package news.ranking.events;
