/**
 * ranking-service turns views, shares, comments and article changes into the Popular Now and Must-Reads lists: a
 * Kafka Streams topology with state in changelogged stores, a query API answered from those stores on whichever
 * instance holds the key, and every list change published to {@code news.rankings}.
 */
package news.ranking;
