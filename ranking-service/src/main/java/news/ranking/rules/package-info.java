/**
 * The ranking rules in plain Java: the lists as data ({@link news.ranking.rules.ListKind}: window, measures, score), what
 * qualifies, the scores,
 * the tie rules, the newest-published fallback, and the list and entry shapes that the query API answers and
 * {@code news.rankings} carries. No Kafka, no Spring: the topology feeds {@link news.ranking.rules.ListCandidates}
 * and stores what it ranks.
 */
package news.ranking.rules;
