/**
 * The ranking rules of DESIGN §5 in plain Java: which articles qualify for Popular Now and Must-Reads, their scores,
 * the tie rules, the newest-published fallback, and the list and entry shapes that the query API answers and
 * {@code news.rankings} carries. No Kafka, no Spring: the topology feeds {@link news.ranking.rules.ListCandidates}
 * and stores what it ranks.
 */
package news.ranking.rules;
