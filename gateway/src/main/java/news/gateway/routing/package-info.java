/**
 * The public API routed to the owning services (the routes themselves are in {@code application.yml}), plus what
 * the gateway adds to routed list answers: an ETag, {@code Cache-Control} and 304 for a matching
 * {@code If-None-Match}.
 */
package news.gateway.routing;
