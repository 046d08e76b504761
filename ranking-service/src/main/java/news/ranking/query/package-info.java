/**
 * The query API ({@code GET /api/rankings/...}): validation, location of the list with interactive queries,
 * forwarding to the instance that owns it, and the 400/503 problem details.
 */
package news.ranking.query;
