/**
 * Rate limits on posting comments, per author (token subject) and per client address, as in-memory Bucket4j token
 * buckets held in a Caffeine cache that forgets idle buckets. Past a limit the API answers 429 with
 * {@code Retry-After}. Limits are per service instance: with N instances a client gets up to N times the limit.
 */
package news.comment.ratelimit;
