/**
 * MongoDB settings every service needs the same way: a health check that works on real MongoDB and on the
 * embedded wire-compatible server alike ({@code ping}), and timeouts short enough that a request fails fast with
 * 503 instead of hanging when the store is away.
 */
package news.kit.mongo;
