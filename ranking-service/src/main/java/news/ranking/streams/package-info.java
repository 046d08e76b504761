/**
 * Spring wiring of the topology: the {@code rankings} function the Kafka Streams binder binds, the tuning of the
 * Kafka Streams client it creates, and readiness from the client's state. All ranking logic lives elsewhere
 * ({@code topology}, {@code rules}).
 */
package news.ranking.streams;
