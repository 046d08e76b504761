/**
 * The Kafka Streams topology of the rankings, in plain Kafka Streams (no Spring): the per-article stage
 * ({@code ActivityProcessor}: reading, dead letters, repeat-view rule, deduplication, time buckets, expiry), the list
 * stage ({@code ListProcessor}: candidates per list key, recomputation, the queryable lists store, publication),
 * their stores ({@link news.ranking.topology.RankingStores}), serdes and meters.
 * {@link news.ranking.topology.RankingTopology} is the entry point for the binder, for {@code TopologyTestDriver}
 * tests and for tools.
 */
package news.ranking.topology;
