/**
 * The transactional outbox without transactions. A state change and the events it causes are written in ONE
 * document write: the events are appended to the document's {@code outbox} array (with {@code outboxSize}
 * counting them) in the same update that changes the state. The {@link news.kit.outbox.OutboxRelay} then publishes
 * each document's pending events in order, removes them once Kafka acknowledged them, and retries with backoff
 * while Kafka is away. A relay that dies between publishing and removing publishes again: consumers see the same
 * {@code ce_id} twice and drop it; nothing is lost and an aggregate's events never change order.
 *
 * <p>Rule for writers: change documents that carry an outbox with an update ({@link news.kit.outbox.Outbox#append}),
 * never by replacing the whole document, which could put already-published events back or drop pending ones.
 */
package news.kit.outbox;
