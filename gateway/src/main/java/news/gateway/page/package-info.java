/**
 * Whole pages in one call: {@code GET /api/pages/article/{id}} and {@code GET /api/pages/home} (docs/product.md). The
 * article and its comments come from article-service and comment-service in parallel, each behind its own timeout
 * and circuit breaker, with the last good value kept for when a service fails; the four headline lists come from the
 * gateway's read models. A part that could not be had fresh is named in {@code degraded}; only an unknown article
 * is 404. Assembled pages are kept as bytes with their ETag for a second and rebuilt in the background, so the hot
 * path is a map look-up and a write.
 */
package news.gateway.page;
